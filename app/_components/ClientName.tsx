"use client";
// A client's name as a link to its page when kmswatch knows the machine, and its CMID as a link to every
// machine reporting that CMID (clones share one).
import Link from "next/link";
import { useTranslations } from "next-intl";

export function ClientName({ fqdn, clientId }: { fqdn: string | null; clientId: string | null }) {
  if (!fqdn) return <span className="muted">—</span>;
  return clientId ? <Link href={`/clients/${clientId}`}>{fqdn}</Link> : <span>{fqdn}</span>;
}

export function CmidLink({ cmid, className }: { cmid: string | null; className?: string }) {
  const t = useTranslations("clients");
  const none = useTranslations("hostClients");
  if (!cmid) return <span className={`${className ?? ""} muted`}>{none("noCmid")}</span>;
  return (
    <Link href={`/clients?q=${encodeURIComponent(cmid)}`} className={className} title={t("findCmid")}>
      {cmid}
    </Link>
  );
}
