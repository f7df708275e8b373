"use client";
// A KMS host in 2026 terms: hardware-secured readiness, products asking it (covered or not), Office, other KMS log events.
import { FindingList } from "@/app/_components/FindingList";
import { LoadState } from "@/app/_components/HostsLoadState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { CoverageBadge } from "@/app/_components/activation2026/CoverageBadge";
import { ReadinessBadge } from "@/app/_components/activation2026/ReadinessBadge";
import { useHostActivation2026Query } from "@/lib/client/useActivation2026Queries";
import { ScrollBox } from "@/app/_components/ScrollBox";

const yesNo = (v: boolean | null) => (v === null ? "not determined" : v ? "yes" : "no");

export function HostActivation2026Section({ hostId }: { hostId: string }) {
  const { data, isPending, error } = useHostActivation2026Query(hostId);
  return (
    <section className="card" data-testid="host-activation-2026">
      <h2>Activation in 2026: readiness, key coverage, Office</h2>
      <LoadState isPending={isPending} error={error} what="the host's 2026 activation view" />
      {data && (
        <>
          <p>
            Host key: <strong>{data.hostKey.name ?? data.hostKey.channel ?? "not reported"}</strong>
            {data.hostKey.channelSource?.startsWith("INFERRED") && <span className="muted small"> (channel name inferred)</span>} · OS:{" "}
            {data.hostKey.hostOs ?? "unknown"} {data.hostKey.build && <span className="muted">build {data.hostKey.build}</span>} · Office
            host keys: {data.hostKey.officeKeys.length ? data.hostKey.officeKeys.join(", ") : "none"}
          </p>
          {data.hostKey.activates.length > 0 && (
            <p className="small muted">
              This key activates: {data.hostKey.activates.join(", ")} (source: {data.hostKey.source}).
            </p>
          )}
          <h3>Hardware-secured KMS</h3>
          <p>
            <ReadinessBadge readiness={data.hardwareSecured} />{" "}
            <span className="muted small">
              Informational: clients keep activating today. /dlv says:{" "}
              {data.hardwareSecured.sentence === null
                ? "nothing (older Windows or no /dlv)"
                : data.hardwareSecured.sentence === "eligible"
                  ? "eligible to serve as a KMS host with hardware-based security"
                  : "doesn't meet the requirements for a KMS host with hardware-based security"}
              .
            </span>
          </p>
          {data.hardwareSecured.tpm ? (
            <p className="small">
              TPM ({data.hardwareSecured.tpm.source ?? "?"}): present {yesNo(data.hardwareSecured.tpm.present)}, enabled{" "}
              {yesNo(data.hardwareSecured.tpm.enabled)}, version {data.hardwareSecured.tpm.specVersion ?? "not determined"}, Key Attestation{" "}
              {yesNo(data.hardwareSecured.tpm.keyAttestation)}
              {data.hardwareSecured.tpm.error && <span className="muted"> ({data.hardwareSecured.tpm.error})</span>}
            </p>
          ) : (
            <p className="muted small">No TPM facts reported by this host's agent.</p>
          )}
          <FindingList findings={data.findings} showSubject={false} />
          <h3>Client products asking this host (30 days)</h3>
          {data.products.length === 0 ? (
            <p className="muted">No client request (event 12290) in the last 30 days.</p>
          ) : (
            <ScrollBox label="Activation in 2026, host tables">
              <table>
                <thead>
                  <tr>
                    <th>Product</th>
                    <th>Clients</th>
                    <th>Refused 0xC004F042</th>
                    <th>Covered by this host?</th>
                  </tr>
                </thead>
                <tbody>
                  {data.products.map((p) => (
                    <tr key={p.product?.id ?? p.activationId ?? "none"}>
                      <td>{p.product?.name ?? `unidentified (activation ID ${p.activationId ?? "none"})`}</td>
                      <td>{p.clients}</td>
                      <td>{p.refusedNotCovered}</td>
                      <td>
                        <CoverageBadge verdict={p.verdict} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          <p className="small">
            Office: {data.office.clients} Office client(s) in 30 days
            {data.office.currentCount !== null && <>, Office count {data.office.currentCount}</>} — Office activates from{" "}
            {data.office.threshold}.
          </p>
          <h3>Other Key Management Service log events</h3>
          {data.otherEvents.length === 0 ? (
            <p className="muted small">None: only the documented request and DNS events (12288–12294).</p>
          ) : (
            <ScrollBox label="Activation in 2026, host tables">
              <table>
                <thead>
                  <tr>
                    <th>When</th>
                    <th>ID</th>
                    <th>Level</th>
                    <th>Message</th>
                  </tr>
                </thead>
                <tbody>
                  {data.otherEvents.map((e) => (
                    <tr key={e.recordId}>
                      <td>
                        <TimeAgo iso={e.timeCreated} />
                      </td>
                      <td>{e.eventId}</td>
                      <td>{e.level ?? "?"}</td>
                      <td>
                        {e.message ?? <span className="muted">no text</span>}
                        {!e.rendered && e.message && <span className="muted small"> (data, not rendered)</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          {data.osLicense.length > 0 && (
            <details>
              <summary className="small">
                OSLicense module output ({data.osLicense.map((r) => r.kind.replace("oslicense:", "")).join(", ")})
              </summary>
              <pre className="small">{JSON.stringify(data.osLicense, null, 2)}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
