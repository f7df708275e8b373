import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "kmswatch", description: "Windows KMS activation monitoring for a whole fleet" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
