// Shapes license-state counts (per machine, or the host's "Requests with License Status" counters) into
// pie/bar slices. The order and colours are fixed so the legend never reshuffles between hosts or refreshes.

export type LicenseShareKey = "licensed" | "grace" | "notification" | "unlicensed" | "unknown";

export type LicenseShare = { name: string; key: LicenseShareKey; value: number; share: number; color: string };

const SLICES: readonly { key: LicenseShareKey; name: string; color: string }[] = [
  { key: "licensed", name: "Licensed", color: "#16a34a" },
  { key: "grace", name: "In grace", color: "#f59e0b" },
  { key: "notification", name: "Notification", color: "#ea580c" },
  { key: "unlicensed", name: "Unlicensed", color: "#dc2626" },
  { key: "unknown", name: "Unknown", color: "#9ca3af" },
];

// Keys are matched case-insensitively. OOBGrace/OOTGrace are the names the host's request counters use
// (KeyManagementServiceOOBGraceRequests...) for InitialGrace/AdditionalGrace.
const KEY_OF: ReadonlyMap<string, LicenseShareKey> = new Map([
  ["licensed", "licensed"],
  ["initialgrace", "grace"],
  ["additionalgrace", "grace"],
  ["extendedgrace", "grace"],
  ["nongenuinegrace", "grace"],
  ["oobgrace", "grace"],
  ["ootgrace", "grace"],
  ["notification", "notification"],
  ["unlicensed", "unlicensed"],
]);

/** Unrecognised states land in "Unknown" rather than vanishing, so the slices still add up to the total. */
export function prepareLicenseShares(counts: Readonly<Record<string, number>>): LicenseShare[] {
  const sums = new Map<LicenseShareKey, number>();
  for (const [state, n] of Object.entries(counts)) {
    // Negative or non-finite counts are bad input, not data: they would make shares meaningless.
    if (!Number.isFinite(n) || n <= 0) continue;
    const key = KEY_OF.get(state.trim().toLowerCase()) ?? "unknown";
    sums.set(key, (sums.get(key) ?? 0) + n);
  }
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  return SLICES.map((s) => {
    const value = sums.get(s.key) ?? 0;
    return { name: s.name, key: s.key, value, share: total > 0 ? value / total : 0, color: s.color };
  });
}
