"use client";
// A KMS host's latest 12290 events (client requests it processed) and its 12293 events (DNS publishing failed).
import { HostHresult, MinCount, YesNo } from "@/app/_components/HostHresult";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import type { HostEvents } from "@/lib/read/hosts/getHostEvents";
import styles from "./HostClientsTable.module.css";

export function HostRequestsTable({ requests }: { requests: HostEvents["requests"] }) {
  if (requests.length === 0) {
    return (
      <p className="muted">
        No 12290 event collected. Either no client has reached this host yet, or the agent cannot read the &quot;Key Management
        Service&quot; event log on it.
      </p>
    );
  }
  return (
    <div className={styles.scroll}>
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>Client</th>
            <th>Min count</th>
            <th>License</th>
            <th>VM</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((e) => (
            <tr key={e.id}>
              <td>
                <TimeAgo iso={e.timeCreated} />
              </td>
              <td>
                {e.clientFqdn ?? <span className="muted">—</span>}
                <div className={`${styles.mono} muted`} title="CMID">
                  {e.cmid ?? "no CMID"}
                </div>
              </td>
              <td>
                <MinCount minCount={e.minCount} />
              </td>
              <td>
                <LicenseStatusBadge status={e.licenseStatus} />
              </td>
              <td>
                <YesNo value={e.isVm} />
              </td>
              <td>
                <HostHresult hresult={e.hresult} meaning={e.hresultMeaning} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HostDnsFailuresTable({ failures }: { failures: HostEvents["dnsFailures"] }) {
  if (failures.length === 0) {
    return <p className="muted">No DNS publishing failure (12293) recorded: the host could publish its SRV record.</p>;
  }
  return (
    <table>
      <thead>
        <tr>
          <th>When</th>
          <th>DNS domain</th>
          <th>Error</th>
        </tr>
      </thead>
      <tbody>
        {failures.map((e) => (
          <tr key={e.id}>
            <td>
              <TimeAgo iso={e.timeCreated} />
            </td>
            <td>{e.domain ?? <span className="muted">—</span>}</td>
            <td>
              <HostHresult hresult={e.hresult} meaning={e.hresultMeaning} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
