// One product's current license facts: edition, channel, key, status, expiry, CMID, KMS host and port.
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { describeChannel, hostPort } from "@/lib/present/format/channel";
import { formatMinutes } from "@/lib/present/format/expiry";
import { kmsHostSourceLabel, readProductExtras } from "@/lib/present/format/productFields";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ExpiryText } from "./ExpiryText";
import styles from "./clients.module.css";

type Product = ClientDetail["products"][number];

/** What the 12288 events and the CMID history say, for when this snapshot does not carry it. */
export type ProductFallback = { cmid: string | null; kmsHost: string | null; kmsPort: number | null };

export function ProductSummary({ product, fallback }: { product: Product; fallback: ProductFallback }) {
  const extras = readProductExtras(product.parsed);
  const channel = describeChannel(product.channel, extras.productKeyChannel);
  return (
    <section className="card">
      <h2>{product.name ?? "Unnamed product"}</h2>
      <dl className={styles.facts}>
        <dt>License status</dt>
        <dd>
          <LicenseStatusBadge status={product.licenseStatus} />
          {extras.notificationReason && <span className="muted small"> reason {extras.notificationReason}</span>}
        </dd>
        <dt>Activation expires</dt>
        <dd>
          {product.expiresAt ? (
            <ExpiryText iso={product.expiresAt} />
          ) : product.licenseStatus === "Licensed" && channel.isGvlk === false ? (
            <span className="muted">does not expire (MAK, retail and OEM activations are permanent)</span>
          ) : extras.graceRemainingMin !== null && extras.graceRemainingMin > 0 ? (
            <span className="muted small">{formatMinutes(extras.graceRemainingMin)} remaining when reported</span>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
        <dt>Channel</dt>
        <dd>
          {channel.isGvlk === true && <span className="badge ok">GVLK – KMS client</span>}
          {channel.isGvlk === false && <span className="badge warning">not GVLK</span>} {product.channel ?? "—"}
          {extras.productKeyChannel && <span className="muted"> ({extras.productKeyChannel})</span>}
          {channel.note && <div className="small muted">{channel.note}</div>}
        </dd>
        <dt>Partial product key</dt>
        <dd className={styles.mono}>{extras.partialProductKey ?? "—"}</dd>
        <dt>CMID</dt>
        <dd className={styles.mono}>
          {product.cmid ?? fallback.cmid ?? "—"}
          {!product.cmid && fallback.cmid && <span className="muted small"> (latest in the CMID history)</span>}
        </dd>
        <dt>KMS host used</dt>
        <dd>
          {product.kmsHost || !fallback.kmsHost ? (
            <span className={styles.mono}>{hostPort(product.kmsHost, product.kmsPort)}</span>
          ) : (
            <>
              <span className={styles.mono}>{hostPort(fallback.kmsHost, fallback.kmsPort)}</span>
              <span className="muted"> (from its latest 12288 request)</span>
            </>
          )}
          {product.kmsHost && <span className="muted"> – {kmsHostSourceLabel(extras.kmsHostSource)}</span>}
          {extras.kmsHostIp && <span className="muted small"> (IP {extras.kmsHostIp})</span>}
          {!product.kmsHost && !fallback.kmsHost && channel.isGvlk && (
            <div className="small muted">
              No KMS host known: the client found none via DNS (_vlmcs._tcp) and none is registered with slmgr /skms.
            </div>
          )}
        </dd>
        <dt>Reported</dt>
        <dd>
          by {product.source === "cim" ? "CIM (SoftwareLicensingProduct)" : "slmgr.vbs /dlv"}, last seen{" "}
          <TimeAgo iso={product.lastSeenAt} />
        </dd>
      </dl>
    </section>
  );
}
