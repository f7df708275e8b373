"use client";
// Every stored /dlv or CIM snapshot of the client (one row per change), each with its raw text on demand.
import { Fragment, useState } from "react";
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { formatDateTime } from "@/lib/present/format/expiry";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { RawTextViewer } from "./RawTextViewer";
import styles from "./clients.module.css";

export function SnapshotHistory({ snapshots }: { snapshots: ClientDetail["snapshotHistory"] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (snapshots.length === 0)
    return <p className="muted">No /dlv or CIM snapshot stored yet: the agent has not sent one for this machine.</p>;
  return (
    <div className={styles.scroll}>
      <p className="muted small">A new row is stored only when something changed; &quot;last seen&quot; moves while it stays the same.</p>
      <table>
        <thead>
          <tr>
            <th>Collected</th>
            <th>Last seen</th>
            <th>Source</th>
            <th>Product</th>
            <th>License</th>
            <th>CMID</th>
            <th>Raw</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((s) => (
            <Fragment key={s.id}>
              <tr>
                <td>{formatDateTime(s.collectedAt)}</td>
                <td>{formatDateTime(s.lastSeenAt)}</td>
                <td>{s.source === "dlv" ? "/dlv" : s.source.toUpperCase()}</td>
                <td>{s.name ?? s.productKey}</td>
                <td>
                  <LicenseStatusBadge status={s.licenseStatus} />
                </td>
                <td className={styles.mono}>{s.cmid ?? "—"}</td>
                <td>
                  <button
                    type="button"
                    className={styles.secondary}
                    aria-expanded={open === s.id}
                    onClick={() => setOpen(open === s.id ? null : s.id)}
                  >
                    {open === s.id ? "Hide" : s.source === "dlv" ? "View /dlv text" : "View raw"}
                  </button>
                </td>
              </tr>
              {open === s.id && (
                <tr>
                  <td colSpan={7}>
                    <RawTextViewer rawId={s.rawArtifactId} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
