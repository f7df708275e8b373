"use client";
// Counts of machines by activation type (Windows), each a filter listing the machines of that type.
import Link from "next/link";
import { useState } from "react";
import { LoadState } from "@/app/_components/HostsLoadState";
import { activationTypeLabels, activationTypes, type ActivationType } from "@/lib/kms/activationType";
import { useActivationTypeMachinesQuery, useFleetActivation2026Query } from "@/lib/client/useActivation2026Queries";
import { ScrollBox } from "@/app/_components/ScrollBox";

export function ActivationTypeCounts({ counts, onPick }: { counts: Record<ActivationType, number>; onPick?: (t: ActivationType) => void }) {
  return (
    <p className="small">
      {activationTypes
        .filter((t) => counts[t] > 0)
        .map((t) => (
          <span key={t}>
            {onPick ? (
              <button type="button" onClick={() => onPick(t)} data-activation-type={t}>
                {activationTypeLabels[t]}: {counts[t]}
              </button>
            ) : (
              <>
                {activationTypeLabels[t]}: <strong>{counts[t]}</strong>
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
  return (
    <section className="card" data-testid="activation-type-filter">
      <h2>By activation type (Windows)</h2>
      <LoadState isPending={fleet.isPending} error={fleet.error} what="activation types" />
      {fleet.data && <ActivationTypeCounts counts={fleet.data.activation.windows} onPick={setType} />}
      {type && (
        <>
          <p className="small">
            {activationTypeLabels[type]}: {machines.data?.total ?? "…"} machine(s){" "}
            <button type="button" onClick={() => setType(null)}>
              clear
            </button>
          </p>
          <LoadState isPending={machines.isPending} error={machines.error} what="the machines" />
          {machines.data && (
            <ScrollBox label="Machines by activation type">
              <table>
                <thead>
                  <tr>
                    <th>Machine</th>
                    <th>Product</th>
                    <th>Status</th>
                    <th>KMS host / activation object</th>
                  </tr>
                </thead>
                <tbody>
                  {machines.data.rows.map((m) => (
                    <tr key={m.id}>
                      <td>
                        <Link href={m.role === "kms_host" ? `/hosts/${m.id}` : `/clients/${m.id}`}>{m.fqdn}</Link>
                      </td>
                      <td>{m.product ?? "—"}</td>
                      <td>{m.licenseStatus ?? "unknown"}</td>
                      <td>{m.adObject ?? m.kmsHost ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </>
      )}
    </section>
  );
}
