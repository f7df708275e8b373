// Settings: the administration pages. Viewers see the links too; each page explains that it is for admins.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/access/auth/session";

const pages = [
  { href: "/settings/notifications", title: "notifications", text: "notificationsText" },
  { href: "/settings/agents", title: "agents", text: "agentsText" },
  { href: "/settings/users", title: "users", text: "usersText" },
  { href: "/settings/intended-channels", title: "intendedChannels", text: "intendedChannelsText" },
  { href: "/settings/audit-log", title: "auditLog", text: "auditLogText" },
] as const;

export default async function SettingsPage() {
  const t = await getTranslations("settings");
  const user = await currentUser();
  return (
    <>
      <h1>{t("title")}</h1>
      {user?.role !== "admin" && (
        <p className="card">
          <span className="badge warning">{t("adminsOnlyBadge")}</span> {t("viewerNote")}
        </p>
      )}
      <div className="grid">
        {pages.map((page) => (
          <Link key={page.href} href={page.href} className="card">
            <h2>{t(page.title)}</h2>
            <p className="muted">{t(page.text)}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
