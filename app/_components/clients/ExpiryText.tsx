"use client";
// Time to expiry of the volume activation, coloured when renewals must have been failing
// (KMS clients renew every 7 days, so a healthy one always shows ~173–180 days left).
import { useEffect, useState } from "react";
import { formatDateTime, timeToExpiry } from "@/lib/present/format/expiry";
import styles from "./clients.module.css";

export function ExpiryText({ iso }: { iso: string | null }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const expiry = timeToExpiry(iso, now);
  if (expiry.tone === null) return <span className="muted">—</span>;
  const className = expiry.tone === "critical" ? styles.critical : expiry.tone === "warning" ? styles.warning : undefined;
  const hint = expiry.tone === "ok" ? "" : " – renewals have not succeeded for a long time";
  return (
    <span className={className} title={`${formatDateTime(iso)}${hint}`} suppressHydrationWarning>
      {expiry.text}
    </span>
  );
}
