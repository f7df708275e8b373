"use client";
// Time to expiry of the volume activation, coloured when renewals must have been failing
// (KMS clients renew every 7 days, so a healthy one always shows ~173–180 days left).
import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { timeToExpiry } from "@/lib/present/format/expiry";
import { useDurationText } from "@/app/_components/useDurationText";
import styles from "./clients.module.css";

export function ExpiryText({ iso }: { iso: string | null }) {
  const t = useTranslations("expiry");
  const format = useFormatter();
  const duration = useDurationText();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const expiry = timeToExpiry(iso, now);
  if (expiry.tone === null || iso === null) return <span className="muted">—</span>;
  const left = Date.parse(iso) - now.getTime();
  const className = expiry.tone === "critical" ? styles.critical : expiry.tone === "warning" ? styles.warning : undefined;
  const at = format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <span className={className} title={expiry.tone === "ok" ? at : t("failingHint", { at })} suppressHydrationWarning>
      {left <= 0 ? t("expiredAgo", { duration: duration(left) }) : t("in", { duration: duration(left) })}
    </span>
  );
}
