"use client";
// License state as a coloured badge: green Licensed, amber grace states, red Notification/Unlicensed, grey unknown.
// The label is Windows' own wording in the user's language ("Avec licence"); the raw state stays in the tooltip.
import { useTranslations } from "next-intl";

const GRACE_STATES = new Set(["InitialGrace", "AdditionalGrace", "ExtendedGrace", "NonGenuineGrace"]);
const FAILED_STATES = new Set(["Notification", "Unlicensed"]);
const KNOWN = new Set(["Licensed", ...GRACE_STATES, ...FAILED_STATES]);

function badgeClass(status: string | null): string {
  if (status === "Licensed") return "badge ok";
  if (status !== null && GRACE_STATES.has(status)) return "badge warning";
  if (status !== null && FAILED_STATES.has(status)) return "badge critical";
  return "badge";
}

type KnownStatus = "Licensed" | "Unlicensed" | "InitialGrace" | "AdditionalGrace" | "ExtendedGrace" | "NonGenuineGrace" | "Notification";

export function LicenseStatusBadge({ status }: { status: string | null }) {
  const t = useTranslations("license");
  const label = status === null ? t("Unknown") : KNOWN.has(status) ? t(status as KnownStatus) : status;
  return (
    <span className={badgeClass(status)} title={status ?? undefined}>
      {label}
    </span>
  );
}
