// License state as a coloured badge: green Licensed, amber grace states, red Notification/Unlicensed, grey unknown.

const GRACE_STATES = new Set(["InitialGrace", "AdditionalGrace", "ExtendedGrace", "NonGenuineGrace"]);
const FAILED_STATES = new Set(["Notification", "Unlicensed"]);

function badgeClass(status: string | null): string {
  if (status === "Licensed") return "badge ok";
  if (status !== null && GRACE_STATES.has(status)) return "badge warning";
  if (status !== null && FAILED_STATES.has(status)) return "badge critical";
  return "badge";
}

export function LicenseStatusBadge({ status }: { status: string | null }) {
  return <span className={badgeClass(status)}>{status ?? "Unknown"}</span>;
}
