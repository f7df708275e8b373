"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { LanguageSwitcher, ThemeSwitcher } from "@/app/_components/PreferenceSwitchers";
import type { Theme } from "@/lib/present/theme/theme";

const links = [
  { href: "/", key: "overview" },
  { href: "/hosts", key: "hosts" },
  { href: "/clients", key: "clients" },
  { href: "/alerts", key: "alerts" },
  { href: "/alerts/duplicate-cmids", key: "duplicateCmids" },
  { href: "/audit", key: "audit" },
  { href: "/parse", key: "parse" },
  { href: "/settings", key: "settings" },
] as const;

export function NavBar({ user, theme }: { user: { email: string; role: "admin" | "viewer" }; theme: Theme | null }) {
  const t = useTranslations("nav");
  const roles = useTranslations("roles");
  const pathname = usePathname();
  const active = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || (pathname.startsWith(`${href}/`) && href !== "/alerts");
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST" });
    window.location.assign("/login");
  }
  return (
    <header className="nav">
      <span className="brand">kmswatch</span>
      <nav aria-label={t("label")} className="navLinks">
        {links.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className={active(link.href) ? "active" : undefined}
            aria-current={active(link.href) ? "page" : undefined}
          >
            {t(link.key)}
          </Link>
        ))}
      </nav>
      <span className="spacer" />
      <LanguageSwitcher signedIn />
      <ThemeSwitcher initial={theme} />
      <span className="muted navUser">{t("signedInAs", { email: user.email, role: roles(user.role) })}</span>
      <button type="button" onClick={signOut}>
        {t("signOut")}
      </button>
    </header>
  );
}
