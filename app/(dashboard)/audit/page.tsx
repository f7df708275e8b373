"use client";
// KMS host audit: every host seen anywhere, approved or not (rogue), who uses it, and the approved list.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { useAuditQuery } from "@/lib/client/useAuditQuery";
import { useApproveHostMutation } from "@/lib/client/useApproveHostMutation";
import { useUnapproveHostMutation } from "@/lib/client/useUnapproveHostMutation";
import { AuditHostTable, auditHostHref } from "@/app/_components/clients/AuditHostTable";
import { ApprovedHostList } from "@/app/_components/clients/ApprovedHostList";
import { ApprovedHostForm } from "@/app/_components/clients/ApprovedHostForm";
import { ErrorMessage, InlineError, Loading } from "@/app/_components/clients/QueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";
import { HostForensicsSection } from "@/app/_components/forensics/HostForensicsSection";
import { PageShell } from "@/app/_components/PageShell";
import { Card } from "@/app/_components/Card";

function AuditView() {
  const t = useTranslations("audit");
  const audit = useAuditQuery();
  const me = useMeQuery();
  const approve = useApproveHostMutation();
  const unapprove = useUnapproveHostMutation();
  const isAdmin = me.data?.user.role === "admin";

  if (audit.isPending) return <Loading what={t("what")} />;
  if (audit.isError) return <ErrorMessage error={audit.error} what={t("what")} onRetry={() => void audit.refetch()} />;
  const data = audit.data;
  const busyHost = approve.isPending ? (approve.variables?.host ?? null) : unapprove.isPending ? (unapprove.variables ?? null) : null;
  const rogue = data.approved.length > 0 ? data.hosts.filter((h) => !h.approved) : [];
  const rogueClients = rogue.reduce((sum, h) => sum + h.clients, 0);
  const remove = (entry: string) => {
    if (window.confirm(t("confirmRemove", { entry }))) {
      approve.reset();
      unapprove.mutate(entry);
    }
  };

  return (
    <>
      {data.splitWarning && (
        <div className="card" role="alert">
          <span className="badge warning">{t("countSplit")}</span>{" "}
          <strong>{t("splitHeadline", { inUse: data.splitWarning.hostsInUse, needed: data.splitWarning.hostsNeeded })}</strong>
          <p>{data.splitWarning.message}</p>
        </div>
      )}
      <div className="card">
        {data.hosts.length === 0 ? (
          <p className="muted">{t("noneSeen")}</p>
        ) : data.approved.length === 0 ? (
          <p>
            <span className="badge warning">{t("noList")}</span> {t("noListText", { count: data.hosts.length })}
          </p>
        ) : rogue.length === 0 ? (
          <p>
            <span className="badge ok">{t("allApproved")}</span> {t("allApprovedText", { count: data.hosts.length })}
          </p>
        ) : (
          <p>
            <span className="badge critical">{t("rogueBadge", { count: rogue.length })}</span>{" "}
            {t.rich("rogueText", {
              count: rogue.length,
              clients: rogueClients,
              strong: () => (
                <strong>
                  {rogue.map((h, i) => (
                    <span key={h.host}>
                      {i > 0 && ", "}
                      <Link href={auditHostHref(h)}>{h.host}</Link>
                    </span>
                  ))}
                </strong>
              ),
              code: (c) => <code>{c}</code>,
            })}
          </p>
        )}
        {!isAdmin && me.isSuccess && <p className="muted small">{t("onlyAdmins")}</p>}
        <InlineError error={approve.error ?? unapprove.error} />
      </div>
      {data.hosts.length > 0 && (
        <Card title={t("seen")}>
          <AuditHostTable
            audit={data}
            isAdmin={isAdmin}
            busyHost={busyHost}
            onApprove={(host) => {
              unapprove.reset();
              approve.mutate({ host });
            }}
            onRemove={remove}
          />
        </Card>
      )}
      <Card title={t("approvedTitle")}>
        <ApprovedHostList audit={data} isAdmin={isAdmin} busyHost={busyHost} onRemove={remove} />
        {isAdmin && (
          <>
            <h2 className={styles.pad}>{t("addApproved")}</h2>
            <ApprovedHostForm />
          </>
        )}
      </Card>
    </>
  );
}

export default function AuditPage() {
  const t = useTranslations("audit");
  return (
    <PageShell title={t("title")} intro={t("intro")}>
      <ExportCsvLink table="audit" />
      <AuditView />
      <HostForensicsSection />
    </PageShell>
  );
}
