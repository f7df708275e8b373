"use client";
// A KMS host in 2026 terms: hardware-secured readiness, products asking it (covered or not), Office, other KMS log events.
import { useTranslations } from "next-intl";
import { FindingList } from "@/app/_components/FindingList";
import { LoadState } from "@/app/_components/HostsLoadState";
import { CoverageBadge } from "@/app/_components/activation2026/CoverageBadge";
import { ReadinessBadge } from "@/app/_components/activation2026/ReadinessBadge";
import { useHostActivation2026Query } from "@/lib/client/useActivation2026Queries";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

export function HostActivation2026Section({ hostId }: { hostId: string }) {
  const { data, isPending, error } = useHostActivation2026Query(hostId);
  const t = useTranslations("activation2026");
  const yesNo = (v: boolean | null) => t(v === null ? "notDetermined" : v ? "yes" : "no");
  return (
    <section className="card" data-testid="host-activation-2026">
      <h2>{t("hostTitle")}</h2>
      <LoadState isPending={isPending} error={error} what={t("whatHost")} />
      {data && (
        <>
          <p>
            {t("hostKey")} <strong>{data.hostKey.name ?? data.hostKey.channel ?? t("notReported")}</strong>
            {data.hostKey.channelSource?.startsWith("INFERRED") && <span className="muted small"> {t("channelInferred")}</span>} · {t("os")}{" "}
            {data.hostKey.hostOs ?? t("unknown")}{" "}
            {data.hostKey.build && <span className="muted">{t("build", { build: data.hostKey.build })}</span>} · {t("officeHostKeys")}{" "}
            {data.hostKey.officeKeys.length ? data.hostKey.officeKeys.join(", ") : t("none")}
          </p>
          {data.hostKey.activates.length > 0 && (
            <p className="small muted">
              {t("keyActivates", { products: data.hostKey.activates.join(", "), source: data.hostKey.source ?? "?" })}
            </p>
          )}
          <h3>{t("hardwareSecured")}</h3>
          <p>
            <ReadinessBadge readiness={data.hardwareSecured} />{" "}
            <span className="muted small">
              {t("dlvSays")}{" "}
              {t(
                data.hardwareSecured.sentence === null
                  ? "dlvNothing"
                  : data.hardwareSecured.sentence === "eligible"
                    ? "dlvEligible"
                    : "dlvNotEligible",
              )}
            </span>
          </p>
          {data.hardwareSecured.tpm ? (
            <p className="small">
              {t("tpm", {
                source: data.hardwareSecured.tpm.source ?? "?",
                present: yesNo(data.hardwareSecured.tpm.present),
                enabled: yesNo(data.hardwareSecured.tpm.enabled),
                version: data.hardwareSecured.tpm.specVersion ?? t("notDetermined"),
                keyAttestation: yesNo(data.hardwareSecured.tpm.keyAttestation),
              })}
              {data.hardwareSecured.tpm.error && <span className="muted"> ({data.hardwareSecured.tpm.error})</span>}
            </p>
          ) : (
            <p className="muted small">{t("noTpm")}</p>
          )}
          <FindingList findings={data.findings} showSubject={false} />
          <h3>{t("productsAsking")}</h3>
          {data.products.length === 0 ? (
            <p className="muted">{t("noRequest")}</p>
          ) : (
            <DataTable columns={[t("colProduct"), t("colClients"), t("colRefused"), t("colCoveredByHost")]} label={t("hostTables")}>
              {data.products.map((p) => (
                <tr key={p.product?.id ?? p.activationId ?? "none"}>
                  <td>{p.product?.name ?? t("unidentified", { id: p.activationId ?? t("none") })}</td>
                  <td>{p.clients}</td>
                  <td>{p.refusedNotCovered}</td>
                  <td>
                    <CoverageBadge verdict={p.verdict} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <p className="small">
            {t("office", { clients: data.office.clients })}
            {data.office.currentCount !== null && <>{t("officeCount", { count: data.office.currentCount })}</>}
            {t("officeThreshold", { threshold: data.office.threshold })}
          </p>
          <h3>{t("otherEvents")}</h3>
          {data.otherEvents.length === 0 ? (
            <p className="muted small">{t("noOtherEvents")}</p>
          ) : (
            <DataTable columns={[t("colWhen"), t("colId"), t("colLevel"), t("colMessage")]} label={t("hostTables")}>
              {data.otherEvents.map((e) => (
                <tr key={e.recordId}>
                  <WhenCell iso={e.timeCreated} show="ago" />
                  <td>{e.eventId}</td>
                  <td>{e.level ?? "?"}</td>
                  <td>
                    {e.message ?? <span className="muted">{t("noText")}</span>}
                    {!e.rendered && e.message && <span className="muted small"> {t("notRendered")}</span>}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {data.osLicense.length > 0 && (
            <details>
              <summary className="small">
                {t("osLicense", { kinds: data.osLicense.map((r) => r.kind.replace("oslicense:", "")).join(", ") })}
              </summary>
              <pre className="small">{JSON.stringify(data.osLicense, null, 2)}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
