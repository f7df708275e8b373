// One product's current license facts: edition, channel, key, status, expiry, CMID, KMS host and port.
"use client";
import { useTranslations } from "next-intl";
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { describeChannel, hostPort } from "@/lib/present/format/channel";
import { useDurationText } from "@/app/_components/useDurationText";
import { readProductExtras } from "@/lib/present/format/productFields";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ExpiryText } from "./ExpiryText";
import styles from "./clients.module.css";

type Product = ClientDetail["products"][number];

/** What the 12288 events and the CMID history say, for when this snapshot does not carry it. */
export type ProductFallback = { cmid: string | null; kmsHost: string | null; kmsPort: number | null };

export function ProductSummary({ product, fallback }: { product: Product; fallback: ProductFallback }) {
  const t = useTranslations("product");
  const duration = useDurationText();
  const extras = readProductExtras(product.parsed);
  const source =
    extras.kmsHostSource === "dns" ? t("sourceDns") : extras.kmsHostSource === "registered" ? t("sourceRegistered") : t("sourceUnknown");
  const channel = describeChannel(product.channel, extras.productKeyChannel);
  return (
    <section className="card">
      <h2>{product.name ?? t("unnamed")}</h2>
      <dl className={styles.facts}>
        <dt>{t("licenseStatus")}</dt>
        <dd>
          <LicenseStatusBadge status={product.licenseStatus} />
          {extras.notificationReason && <span className="muted small"> {t("reason", { reason: extras.notificationReason })}</span>}
        </dd>
        <dt>{t("expires")}</dt>
        <dd>
          {product.expiresAt ? (
            <ExpiryText iso={product.expiresAt} />
          ) : product.licenseStatus === "Licensed" && channel.isGvlk === false ? (
            <span className="muted">{t("permanent")}</span>
          ) : extras.graceRemainingMin !== null && extras.graceRemainingMin > 0 ? (
            <span className="muted small">{t("graceRemaining", { time: duration(extras.graceRemainingMin * 60_000) })}</span>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
        <dt>{t("channel")}</dt>
        <dd>
          {channel.isGvlk === true && <span className="badge ok">{t("gvlk")}</span>}
          {channel.isGvlk === false && <span className="badge warning">{t("notGvlk")}</span>} {product.channel ?? "—"}
          {extras.productKeyChannel && <span className="muted"> ({extras.productKeyChannel})</span>}
          {channel.note && <div className="small muted">{channel.note}</div>}
        </dd>
        <dt>{t("partialKey")}</dt>
        <dd className={styles.mono}>{extras.partialProductKey ?? "—"}</dd>
        <dt>CMID</dt>
        <dd className={styles.mono}>
          {product.cmid ?? fallback.cmid ?? "—"}
          {!product.cmid && fallback.cmid && <span className="muted small"> {t("cmidFromHistory")}</span>}
        </dd>
        <dt>{t("hostUsed")}</dt>
        <dd>
          {product.kmsHost ? (
            <a className={styles.mono} href={`/audit/hosts/${encodeURIComponent(product.kmsHost)}`}>
              {hostPort(product.kmsHost, product.kmsPort)}
            </a>
          ) : fallback.kmsHost ? (
            <span className="muted">{t("fromRequest", { host: hostPort(fallback.kmsHost, fallback.kmsPort) })}</span>
          ) : (
            <span className={styles.mono}>—</span>
          )}
          {product.kmsHost && <span className="muted"> – {source}</span>}
          {extras.kmsHostIp && <span className="muted small"> (IP {extras.kmsHostIp})</span>}
          {!product.kmsHost && !fallback.kmsHost && channel.isGvlk && <div className="small muted">{t("noHost")}</div>}
        </dd>
        <dt>{t("reported")}</dt>
        <dd>
          {t.rich("reportedBy", {
            source: product.source === "cim" ? "CIM (SoftwareLicensingProduct)" : "slmgr.vbs /dlv",
            when: () => <TimeAgo iso={product.lastSeenAt} />,
          })}
        </dd>
      </dl>
    </section>
  );
}
