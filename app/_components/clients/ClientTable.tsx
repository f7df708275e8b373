// The clients table: one row per machine, its current Windows license state.
import Link from "next/link";
import type { ClientList } from "@/lib/read/clients/getClientList";
import { hostPort } from "@/lib/present/format/channel";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ChannelCell } from "./ChannelCell";
import { ExpiryText } from "./ExpiryText";
import styles from "./clients.module.css";

export function ClientTable({ rows, dim }: { rows: ClientList["rows"]; dim: boolean }) {
  return (
    <div className={styles.scroll}>
      <table className={dim ? styles.dim : undefined}>
        <thead>
          <tr>
            <th>Client</th>
            <th>Edition</th>
            <th>Channel</th>
            <th>Partial key</th>
            <th>License</th>
            <th>Expires</th>
            <th>CMID</th>
            <th>KMS host:port</th>
            <th>Last check-in</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/clients/${r.id}`}>{r.fqdn}</Link>
              </td>
              <td>{r.edition ?? <span className="muted">—</span>}</td>
              <td>
                <ChannelCell channel={r.channel} productKeyChannel={r.productKeyChannel} />
              </td>
              <td className={styles.mono}>{r.partialProductKey ?? "—"}</td>
              <td>
                <LicenseStatusBadge status={r.licenseStatus} />
              </td>
              <td className={styles.nowrap}>
                <ExpiryText iso={r.expiresAt} />
              </td>
              <td className={styles.mono}>{r.cmid ?? <span className="muted">—</span>}</td>
              <td className={`${styles.mono} ${styles.nowrap}`}>{hostPort(r.kmsHost, r.kmsPort)}</td>
              <td>
                <TimeAgo iso={r.lastCheckInAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
