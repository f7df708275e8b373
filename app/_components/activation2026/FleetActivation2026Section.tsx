"use client";
// Overview: hardware-secured readiness of the KMS hosts (count, list, fix per reason), client products vs the
// hosts whose key covers them (a product no host covers is critical), activation types of Windows and Office.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LoadState } from "@/app/_components/HostsLoadState";
import { ActivationTypeCounts } from "@/app/_components/activation2026/ActivationTypeFilter";
import { ReadinessBadge } from "@/app/_components/activation2026/ReadinessBadge";
import { useFleetActivation2026Query } from "@/lib/client/useActivation2026Queries";
import type { CoverageText } from "@/lib/kms/coverage";
import { useCoverageText } from "./useCoverageText";
import type { FleetActivation2026 } from "@/lib/read/activation2026/getFleetActivation2026";
import { ScrollBox } from "@/app/_components/ScrollBox";
import { DataTable } from "@/app/_components/table/DataTable";

type Coverage = FleetActivation2026["coverage"][number];

/** What the first host that does not (surely) cover a product would need. */
function otherwise(c: Coverage, noHost: string, say: (text: CoverageText) => string): string {
  if (c.status === "covered") return "";
  const fix = c.fixes[0];
  if (fix) return `${fix.fqdn}: ${say(fix.text.fix)}`;
  const uncertain = c.uncertainHosts[0];
  if (uncertain) return `${uncertain.fqdn}: ${say(uncertain.text.fix ?? uncertain.text.why)}`;
  return noHost;
}

export function FleetActivation2026Section() {
  const { data, isPending, error } = useFleetActivation2026Query();
  const t = useTranslations("activation2026");
  const say = useCoverageText();
  return (
    <section className="card" data-testid="fleet-activation-2026">
      <h2>{t("fleetTitle")}</h2>
      <LoadState isPending={isPending} error={error} what={t("whatFleet")} />
      {data && (
        <>
          <h3>{t("readinessTitle")}</h3>
          <p>
            {t.rich("readyCount", {
              ready: data.hardwareSecured.ready,
              total: data.hardwareSecured.total,
              notReady: data.hardwareSecured.notReady,
              unknown: data.hardwareSecured.unknown,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}{" "}
            {data.hardwareSecured.mustChangeHardware.length > 0 &&
              t.rich("mustChangeHardware", {
                hosts: data.hardwareSecured.mustChangeHardware.join(", "),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}{" "}
            <span className="muted small">{t("informational")}</span>
          </p>
          {data.hardwareSecured.byReason.length > 0 && (
            <ul className="small">
              {data.hardwareSecured.byReason.map((r) => (
                <li key={r.reason}>
                  <strong>{t(`readiness.reason.${r.reason}`)}</strong> ({r.hosts.join(", ")}): {t(`readiness.reasonFix.${r.reason}`)}
                </li>
              ))}
            </ul>
          )}
          <ScrollBox label={t("fleetTables")}>
            <table>
              <tbody>
                {data.hardwareSecured.hosts.map((h) => (
                  <tr key={h.machineId}>
                    <td>
                      <Link href={`/hosts/${h.machineId}`}>{h.fqdn}</Link>
                    </td>
                    <td>{h.hostOs ?? "?"}</td>
                    <td>{h.hostKey ?? t("noHostKey")}</td>
                    <td>
                      <ReadinessBadge readiness={h.readiness} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h3>{t("coverageTitle")}</h3>
          <DataTable columns={[t("colProduct"), t("colMachines"), t("colCoveredBy"), t("colOtherwise")]} label={t("fleetTables")}>
            {data.coverage.map((c) => (
              <tr key={c.product.id}>
                <td>
                  {c.severity === "critical" && <span className="badge critical">{t("noHostCovers")}</span>} {c.product.name}
                </td>
                <td>{c.machines}</td>
                <td>{c.coveringHosts.join(", ") || "—"}</td>
                <td className="small">{otherwise(c, t("noHostReports"), say)}</td>
              </tr>
            ))}
          </DataTable>
          <h3>{t("typesTitle")}</h3>
          <div className="small">Windows:</div>
          <ActivationTypeCounts counts={data.activation.windows} />
          <div className="small">Office:</div>
          <ActivationTypeCounts counts={data.activation.office} />
          {data.adObjects.length > 0 && <p className="small muted">{t("adObjects", { objects: data.adObjects.join(", ") })}</p>}
        </>
      )}
    </section>
  );
}
