import type { ReactNode } from "react";

export const metadata = { title: "kmswatch", description: "Windows KMS activation monitoring for a whole fleet" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0 }}>{children}</body>
    </html>
  );
}
