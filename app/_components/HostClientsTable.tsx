"use client";
// Per-host breakdown of the clients served in the last 30 days: summary by activation ID / min count, then each client.
import { HostHresult, MinCount, YesNo } from "@/app/_components/HostHresult";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import type { HostClients } from "@/lib/read/hosts/getHostClients";
import styles from "./HostClientsTable.module.css";

function GroupSummary({ groups }: { groups: HostClients["groups"] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Edition / activation ID</th>
          <th>Min count</th>
          <th className={styles.num}>Clients</th>
          <th className={styles.num}>VMs</th>
          <th className={styles.num}>Failing</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={`${g.activationId}|${g.minCount}`}>
            <td>
              {g.edition ?? <span className="muted">unknown edition</span>}
              <div className={`${styles.mono} muted`}>{g.activationId ?? "—"}</div>
            </td>
            <td>
              <MinCount minCount={g.minCount} />
            </td>
            <td className={styles.num}>{g.clients}</td>
            <td className={styles.num}>{g.vms}</td>
            <td className={`${styles.num} ${g.failing > 0 ? styles.bad : ""}`}>{g.failing}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClientRows({ clients }: { clients: HostClients["clients"] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Client</th>
          <th>Edition</th>
          <th>Min count</th>
          <th>License</th>
          <th>VM</th>
          <th>Last request result</th>
          <th>Last request</th>
          <th className={styles.num}>Requests</th>
        </tr>
      </thead>
      <tbody>
        {clients.map((c) => (
          <tr key={c.clientFqdn}>
            <td>
              {c.clientFqdn}
              <div className={`${styles.mono} muted`} title="CMID">
                {c.cmid ?? "no CMID"}
              </div>
            </td>
            <td title={c.activationId ?? undefined}>
              {c.edition ?? <span className={`${styles.mono} muted`}>{c.activationId ?? "—"}</span>}
            </td>
            <td>
              <MinCount minCount={c.minCount} />
            </td>
            <td>
              <LicenseStatusBadge status={c.licenseStatus} />
            </td>
            <td>
              <YesNo value={c.isVm} />
            </td>
            <td>
              <HostHresult hresult={c.hresult} meaning={c.hresultMeaning} />
            </td>
            <td>
              <TimeAgo iso={c.lastRequestAt} />
            </td>
            <td className={styles.num}>{c.requests}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HostClientsTable({ data, onShowAll }: { data: HostClients; onShowAll: () => void }) {
  if (data.total === 0) {
    return (
      <p className="muted">
        No client requested activation from this host in the last 30 days (no 12290 event). Check that clients find it: DNS SRV record{" "}
        <code>_vlmcs._tcp</code>, TCP 1688 open, or <code>slmgr.vbs /skms host:port</code> on the clients.
      </p>
    );
  }
  return (
    <div className={styles.scroll}>
      <GroupSummary groups={data.groups} />
      <h2 className={styles.subheading}>Clients ({data.total}, latest request each)</h2>
      <ClientRows clients={data.clients} />
      {data.clients.length < data.total && (
        <button type="button" onClick={onShowAll} className={styles.more}>
          Show all {data.total} clients
        </button>
      )}
    </div>
  );
}
