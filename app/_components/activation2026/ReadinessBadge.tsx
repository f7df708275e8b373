"use client";
// Hardware-secured KMS readiness of a host: ready, not ready (why), unknown (why).
import { useTranslations } from "next-intl";
import type { Readiness } from "@/lib/kms/hardwareSecured";

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  const t = useTranslations("activation2026.readiness");
  if (readiness.state === "ready") return <span className="badge ok">{t("ready")}</span>;
  if (readiness.state === "not_ready")
    return (
      <span>
        <span className="badge info">{t("notReady")}</span> {readiness.reasons.map((r) => t(`reason.${r}`)).join(", ")}
      </span>
    );
  return (
    <span>
      <span className="badge">{t("unknown")}</span> {t(readiness.why === "older_windows" ? "olderWindows" : "noData")}
      {/* An unknown state carries a note only when the TPM facts meet the requirements (lib/kms/hardwareSecured). */}
      {readiness.note && <span className="muted small"> – {t("tpmMeets")}</span>}
    </span>
  );
}
