import type { ReactNode } from "react";
import "./globals.css";

// Rendered per request: the Content-Security-Policy (proxy.ts) carries a fresh nonce that Next.js puts on its
// scripts, and a prerendered page would carry none and be blocked.
export const dynamic = "force-dynamic";

export const metadata = { title: "kmswatch", description: "Windows KMS activation monitoring for a whole fleet" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
