"use client";
// Overview: hardware-secured readiness of the KMS hosts (count, list, fix per reason), client products vs the
// hosts whose key covers them (a product no host covers is critical), activation types of Windows and Office.
import Link from "next/link";
import { LoadState } from "@/app/_components/HostsLoadState";
import { ActivationTypeCounts } from "@/app/_components/activation2026/ActivationTypeFilter";
import { ReadinessBadge } from "@/app/_components/activation2026/ReadinessBadge";
import { useFleetActivation2026Query } from "@/lib/client/useActivation2026Queries";
import type { FleetActivation2026 } from "@/lib/read/activation2026/getFleetActivation2026";
import { ScrollBox } from "@/app/_components/ScrollBox";

type Coverage = FleetActivation2026["coverage"][number];

/** What the first host that does not (surely) cover a product would need. */
function otherwise(c: Coverage): string {
  if (c.status === "covered") return "";
  const fix = c.fixes[0];
  if (fix) return `${fix.fqdn}: ${fix.fix}`;
  const uncertain = c.uncertainHosts[0];
  if (uncertain) return `${uncertain.fqdn}: ${uncertain.fix ?? uncertain.why}`;
  return "no KMS host reports";
}

export function FleetActivation2026Section() {
  const { data, isPending, error } = useFleetActivation2026Query();
  return (
    <section className="card" data-testid="fleet-activation-2026">
      <h2>Activation in 2026</h2>
      <LoadState isPending={isPending} error={error} what="the 2026 activation view" />
      {data && (
        <>
          <h3>Hardware-secured KMS readiness</h3>
          <p>
            <strong>{data.hardwareSecured.ready}</strong> of {data.hardwareSecured.total} KMS host(s) ready ·{" "}
            {data.hardwareSecured.notReady} not ready · {data.hardwareSecured.unknown} unknown.{" "}
            {data.hardwareSecured.mustChangeHardware.length > 0 && (
              <>
                Must change hardware before the next Windows Server: <strong>{data.hardwareSecured.mustChangeHardware.join(", ")}</strong>.
              </>
            )}{" "}
            <span className="muted small">Informational: activation works today.</span>
          </p>
          {data.hardwareSecured.byReason.length > 0 && (
            <ul className="small">
              {data.hardwareSecured.byReason.map((r) => (
                <li key={r.reason}>
                  <strong>{r.label}</strong> ({r.hosts.join(", ")}): {r.fix}
                </li>
              ))}
            </ul>
          )}
          <ScrollBox label="Activation in 2026, fleet tables">
            <table>
              <tbody>
                {data.hardwareSecured.hosts.map((h) => (
                  <tr key={h.machineId}>
                    <td>
                      <Link href={`/hosts/${h.machineId}`}>{h.fqdn}</Link>
                    </td>
                    <td>{h.hostOs ?? "?"}</td>
                    <td>{h.hostKey ?? "no host key reported"}</td>
                    <td>
                      <ReadinessBadge readiness={h.readiness} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h3>Client products activated by KMS vs the hosts that cover them</h3>
          <ScrollBox label="Activation in 2026, fleet tables">
            <table>
              <thead>
                <tr>
                  <th>Product</th>
                  <th>Machines</th>
                  <th>Covered by</th>
                  <th>Otherwise</th>
                </tr>
              </thead>
              <tbody>
                {data.coverage.map((c) => (
                  <tr key={c.product.id}>
                    <td>
                      {c.severity === "critical" && <span className="badge critical">no host covers it</span>} {c.product.name}
                    </td>
                    <td>{c.machines}</td>
                    <td>{c.coveringHosts.join(", ") || "—"}</td>
                    <td className="small">{otherwise(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h3>Activation types</h3>
          <div className="small">Windows:</div>
          <ActivationTypeCounts counts={data.activation.windows} />
          <div className="small">Office:</div>
          <ActivationTypeCounts counts={data.activation.office} />
          {data.adObjects.length > 0 && <p className="small muted">AD activation objects in use: {data.adObjects.join(", ")}</p>}
        </>
      )}
    </section>
  );
}
