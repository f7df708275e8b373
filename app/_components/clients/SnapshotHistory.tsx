"use client";
// Every stored /dlv or CIM snapshot of the client (one row per change), each with its raw text on demand.
import { Fragment, useState } from "react";
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { useTranslations } from "next-intl";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { RawTextViewer } from "./RawTextViewer";
import styles from "./clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";
import { TableHead } from "@/app/_components/table/TableHead";
import { WhenCell } from "@/app/_components/table/WhenCell";

export function SnapshotHistory({ snapshots }: { snapshots: ClientDetail["snapshotHistory"] }) {
  const t = useTranslations("snapshots");
  const [open, setOpen] = useState<string | null>(null);
  if (snapshots.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <TableScroll>
      <p className="muted small">{t("note")}</p>
      <table>
        <TableHead columns={[t("colCollected"), t("colLastSeen"), t("colSource"), t("colProduct"), t("colLicense"), "CMID", t("colRaw")]} />
        <tbody>
          {snapshots.map((s) => (
            <Fragment key={s.id}>
              <tr>
                <WhenCell iso={s.collectedAt} show="date" />
                <WhenCell iso={s.lastSeenAt} show="date" />
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
                    {open === s.id ? t("hide") : s.source === "dlv" ? t("viewDlv") : t("viewRaw")}
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
    </TableScroll>
  );
}
