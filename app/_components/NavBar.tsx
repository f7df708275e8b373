"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/", label: "Overview" },
  { href: "/hosts", label: "KMS hosts" },
  { href: "/clients", label: "Clients" },
  { href: "/alerts", label: "Alerts" },
  { href: "/alerts/duplicate-cmids", label: "Duplicate CMIDs" },
  { href: "/audit", label: "Host audit" },
  { href: "/parse", label: "Paste & parse" },
  { href: "/settings", label: "Settings" },
];

export function NavBar({ user }: { user: { email: string; role: string } }) {
  const pathname = usePathname();
  const active = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || (pathname.startsWith(`${href}/`) && href !== "/alerts");
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST" });
    window.location.assign("/login");
  }
  return (
    <nav className="nav">
      <span className="brand">kmswatch</span>
      {links.map((link) => (
        <Link key={link.href} href={link.href} className={active(link.href) ? "active" : undefined}>
          {link.label}
        </Link>
      ))}
      <span className="spacer" />
      <span className="muted">
        {user.email} ({user.role})
      </span>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </nav>
  );
}
