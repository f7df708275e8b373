"use client";
// A KMS host by name, as its clients and DNS report it: the page a rogue host (no agent, so no host page) gets,
// with its approval state, where it was seen and who uses it. A host with an agent links on to its own page.
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAuditQuery } from "@/lib/client/useAuditQuery";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { TimeAgo } from "@/app/_components/TimeAgo";

export default function AuditHostPage() {
  const t = useTranslations("audit");
  const params = useParams<{ name: string }>();
  const name = decodeURIComponent(typeof params.name === "string" ? params.name : "").toLowerCase();
  const audit = useAuditQuery();
  if (audit.isPending) return <Loading what={t("what")} />;
  if (audit.isError) return <ErrorMessage error={audit.error} what={t("what")} onRetry={() => void audit.refetch()} />;
  const host = audit.data.hosts.find((h) => h.host.toLowerCase() === name);
  const noList = audit.data.approved.length === 0;
  return (
    <>
      <p className="small">
        <Link href="/audit">{t("backToAudit")}</Link>
      </p>
      <h1>{t("hostTitle", { host: host?.host ?? name })}</h1>
      {!host ? (
        <p className="card muted">{t("hostUnknown", { host: name })}</p>
      ) : (
        <div className="card">
          <p>
            {host.approved ? (
              <span className="badge ok">{t("approved")}</span>
            ) : noList ? (
              <span className="badge">{t("notReviewed")}</span>
            ) : (
              <span className="badge critical">{t("notApproved")}</span>
            )}
          </p>
          <p className="muted">
            {host.machineId ? t.rich("hostHasAgent", { link: (c) => <Link href={`/hosts/${host.machineId}`}>{c}</Link> }) : t("hostIntro")}
          </p>
          <dl className="factList">
            <dt>{t("colSeenBy")}</dt>
            <dd>{host.sources.join(", ")}</dd>
            <dt>{t("colCount")}</dt>
            <dd>{host.currentCount ?? <span className="muted">{t("countUnknown")}</span>}</dd>
            <dt>{t("colSeen")}</dt>
            <dd>
              <TimeAgo iso={host.firstSeenAt} /> / <TimeAgo iso={host.lastSeenAt} />
            </dd>
            <dt>{t("colClients")}</dt>
            <dd>
              {host.clients > 0 ? (
                <Link href={`/clients?kmsHost=${encodeURIComponent(host.host)}`}>{t("allClients", { count: host.clients })}</Link>
              ) : (
                <span className="muted">{t("noClients")}</span>
              )}
            </dd>
          </dl>
          {host.clientSample.length > 0 && (
            <>
              <h2>{t("sampleClients")}</h2>
              <ul>
                {host.clientSample.map((client) => (
                  <li key={client}>
                    <Link href={`/clients?q=${encodeURIComponent(client)}`}>{client}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}
