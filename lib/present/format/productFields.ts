// Reads the few ParsedProduct fields the client page needs from a snapshot's stored `parsed` JSON,
// defensively: the column is plain JSON, so every field is checked and unknown means null.
import { WINDOWS_APP_ID } from "@/lib/kms/appIds";

export type ProductExtras = {
  description: string | null;
  productKeyChannel: string | null;
  partialProductKey: string | null;
  graceRemainingMin: number | null;
  notificationReason: string | null;
  kmsHostSource: "dns" | "registered" | null;
  kmsHostIp: string | null;
  kmsLookupDomain: string | null;
  applicationId: string | null;
};

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
const int = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function readProductExtras(parsed: unknown): ProductExtras {
  const o: Record<string, unknown> =
    parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const source = o.kmsHostSource;
  return {
    description: str(o.description),
    productKeyChannel: str(o.productKeyChannel),
    partialProductKey: str(o.partialProductKey),
    graceRemainingMin: int(o.graceRemainingMin),
    notificationReason: str(o.notificationReason),
    kmsHostSource: source === "dns" || source === "registered" ? source : null,
    kmsHostIp: str(o.kmsHostIp),
    kmsLookupDomain: str(o.kmsLookupDomain),
    applicationId: str(o.applicationId),
  };
}

export function kmsHostSourceLabel(source: ProductExtras["kmsHostSource"]): string {
  if (source === "dns") return "found via DNS (_vlmcs._tcp SRV)";
  if (source === "registered") return "registered with slmgr /skms";
  return "source unknown";
}

/** Windows first (the OS is what the KMS count is about), then by name. */
export function windowsFirst<T extends { name: string | null; parsed: unknown }>(products: readonly T[]): T[] {
  const isWindows = (p: T) => readProductExtras(p.parsed).applicationId?.toLowerCase() === WINDOWS_APP_ID;
  return [...products].sort((a, b) => Number(isWindows(b)) - Number(isWindows(a)) || (a.name ?? "").localeCompare(b.name ?? ""));
}
