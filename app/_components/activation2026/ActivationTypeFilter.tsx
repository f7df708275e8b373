"use client";
// Counts of machines by activation type (Windows), each a filter listing the machines of that type.
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { LoadState } from "@/app/_components/HostsLoadState";
import { activationTypes, type ActivationType } from "@/lib/kms/activationType";
import { useActivationTypeMachinesQuery, useFleetActivation2026Query } from "@/lib/client/useActivation2026Queries";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { DataTable } from "@/app/_components/table/DataTable";

export function ActivationTypeCounts({ counts, onPick }: { counts: Record<ActivationType, number>; onPick?: (t: ActivationType) => void }) {
  const t = useTranslations("activation2026.type");
  return (
    <p className="small">
      {activationTypes
        .filter((type) => counts[type] > 0)
        .map((type) => (
          <span key={type}>
            {onPick ? (
              <button type="button" onClick={() => onPick(type)} data-activation-type={type}>
                {t(type)}: {counts[type]}
              </button>
            ) : (
              <>
                {t(type)}: <strong>{counts[type]}</strong>
              </>
            )}{" "}
          </span>
        ))}
    </p>
  );
}

export function ActivationTypeFilter() {
  const [type, setType] = useState<ActivationType | null>(null);
  const fleet = useFleetActivation2026Query();
  const machines = useActivationTypeMachinesQuery(type);
  const t = useTranslations("activation2026");
  return (
    <section className="card" data-testid="activation-type-filter">
      <h2>{t("byType")}</h2>
      <LoadState isPending={fleet.isPending} error={fleet.error} what={t("whatTypes")} />
      {fleet.data && <ActivationTypeCounts counts={fleet.data.activation.windows} onPick={setType} />}
      {type && (
        <>
          <p className="small">
            {t(`type.${type}`)}: {machines.data ? t("machineCount", { count: machines.data.total }) : "…"}{" "}
            <button type="button" onClick={() => setType(null)}>
              {t("clear")}
            </button>
          </p>
          <LoadState isPending={machines.isPending} error={machines.error} what={t("whatMachines")} />
          {machines.data && (
            <DataTable columns={[t("colMachine"), t("colProduct"), t("colStatus"), t("colHostOrObject")]} label={t("machinesByType")}>
              {machines.data.rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link href={m.role === "kms_host" ? `/hosts/${m.id}` : `/clients/${m.id}`}>{m.fqdn}</Link>
                  </td>
                  <td>{m.product ?? "—"}</td>
                  <td>
                    <LicenseStatusBadge status={m.licenseStatus} />
                  </td>
                  <td>{m.adObject ?? m.kmsHost ?? "—"}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}
