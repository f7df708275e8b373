// SoftwareLicensingService / SoftwareLicensingProduct objects as `ConvertTo-Json` printed them (PS 5.1 or 7)
// -> one ParsedProduct per product, with the machine-level service settings merged in the way slmgr /dlv shows them.
import { licenseStatusFromCode, MAX_PARSE_INPUT_CHARS, type ParsedProduct, type ParseResult } from "../../kms/parsed";
import { formatHresult } from "../../kms/hresults";
import { parseEventTime } from "./eventFields";
import { isInt4 } from "../../core/int4";

type Obj = Record<string, unknown>;
import { WINDOWS_APP_ID } from "@/lib/kms/appIds";
const DEFAULT_KMS_PORT = 1688;
// uint32 -1 (and -1 itself) is how SPP says "not a KMS host / not applicable".
const NOT_APPLICABLE = new Set([4294967295, -1]);
const ACTIVATION_TYPES = ["All", "AD", "KMS", "Token"] as const;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Case-insensitive property reader that records which properties it consumed and warns on bad values. */
class Reader {
  private readonly keys = new Map<string, string>();
  readonly used = new Set<string>();
  constructor(
    readonly obj: Obj | null,
    private readonly where: string,
    private readonly warnings: string[],
  ) {
    for (const k of Object.keys(obj ?? {})) this.keys.set(k.toLowerCase(), k);
  }
  private get(name: string): unknown {
    const key = this.keys.get(name.toLowerCase());
    if (key === undefined || !this.obj) return null;
    this.used.add(key);
    const v = this.obj[key];
    // PS 5.1 can serialize an ETS-decorated DateTime as { value, DisplayHint, DateTime }.
    return isObj(v) && "value" in v && "DisplayHint" in v ? v.value : v;
  }
  warn(name: string, message: string): void {
    this.warnings.push(`${this.where}.${name}: ${message}`);
  }
  private bad(name: string, v: unknown, expected: string): null {
    this.warn(name, `expected ${expected}, got ${JSON.stringify(v)?.slice(0, 60) ?? typeName(v)}`);
    return null;
  }
  str(name: string): string | null {
    const v = this.get(name);
    if (v === null || v === undefined) return null;
    if (typeof v === "string") return v.trim() === "" ? null : v.trim();
    if (typeof v === "number") return String(v);
    return this.bad(name, v, "a string");
  }
  int(name: string, notApplicable = false): number | null {
    const v = this.get(name);
    if (v === null || v === undefined || v === "") return null;
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*[+-]?\d{1,15}\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n)) return this.bad(name, v, "an integer");
    if (notApplicable && NOT_APPLICABLE.has(n)) return null;
    return isInt4(n) ? n : this.bad(name, v, "an integer that fits 32 bits");
  }
  bool(name: string): boolean | null {
    const v = this.get(name);
    if (v === null || v === undefined || v === "") return null;
    if (typeof v === "boolean") return v;
    const s = String(v).trim().toLowerCase();
    if (s === "true" || s === "1") return true;
    if (s === "false" || s === "0") return false;
    return this.bad(name, v, "a boolean");
  }
  hresult(name: string): string | null {
    const v = this.get(name);
    if (v === null || v === undefined || v === "") return null;
    const hr = typeof v === "number" || typeof v === "string" ? formatHresult(v) : null;
    return hr ?? this.bad(name, v, "an HRESULT");
  }
  date(name: string): string | null {
    const v = this.get(name);
    if (v === null || v === undefined || v === "") return null;
    const iso = typeof v === "string" ? cimDate(v) : null;
    return iso ?? this.bad(name, v, "a date");
  }
}

/** PS 5.1 `/Date(ms)/`, PS 7 ISO-8601, or WMI DMTF `yyyymmddHHMMSS.ffffff+UUU`, to ISO UTC. */
function cimDate(value: string): string | null {
  const ms = /^\\?\/?Date\((-?\d{1,15})(?:[+-]\d{4})?\)\\?\/?$/.exec(value.trim());
  if (ms) {
    const d = new Date(Number(ms[1]));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const dmtf = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{3})\d*([+-])(\d{3})$/.exec(value.trim());
  if (dmtf) {
    const [, y, mo, d, h, mi, s, f, sign, off] = dmtf;
    const t = parseEventTime(`${y}-${mo}-${d}T${h}:${mi}:${s}.${f}Z`);
    const offsetMin = (sign === "-" ? -1 : 1) * Number(off);
    return t ? new Date(Date.parse(t.iso) - offsetMin * 60_000).toISOString() : null;
  }
  return parseEventTime(value)?.iso ?? null;
}

const first = <T>(...values: Array<T | null>): T | null => values.find((v) => v !== null) ?? null;

function buildProduct(p: Reader, s: Reader): ParsedProduct {
  const description = p.str("Description");
  const applicationId = p.str("ApplicationID")?.toLowerCase() ?? null;
  const statusCode = p.int("LicenseStatus");
  const licenseStatus = licenseStatusFromCode(statusCode);
  if (statusCode !== null && licenseStatus === null) p.warn("LicenseStatus", `unknown code ${statusCode}`);
  const reason = p.hresult("LicenseStatusReason");
  // Host and port come as a pair from the object that names the host (a per-product /skms beats the machine's).
  const hostPair = (name: string, port: string): [string | null, number | null] => {
    const [productHost, productPort, serviceHost, servicePort] = [p.str(name), p.int(port), s.str(name), s.int(port)];
    return productHost ? [productHost, productPort] : [serviceHost, servicePort];
  };
  const [registered, registeredPort] = hostPair("KeyManagementServiceMachine", "KeyManagementServicePort");
  const [discovered, discoveredPort] = hostPair("DiscoveredKeyManagementServiceMachineName", "DiscoveredKeyManagementServiceMachinePort");
  const kmsHostSource = registered ? "registered" : discovered ? "dns" : null;
  const hostPort = registered ? registeredPort : discovered ? discoveredPort : null;
  const listeningPort = first(s.int("KeyManagementServiceListeningPort"), p.int("KeyManagementServiceListeningPort"));
  const lowPriority = first(s.bool("KeyManagementServiceLowPriority"), p.bool("KeyManagementServiceLowPriority"));
  const activationType = first(p.int("VLActivationTypeEnabled"), s.int("VLActivationTypeEnabled"));
  const counter = (name: string) => first(p.int(name, true), s.int(name, true));
  // slmgr prints the service's Windows rearm count for Windows SKUs and the product's App count otherwise.
  const windowsSku = applicationId === null || applicationId === WINDOWS_APP_ID;
  const appSku = applicationId === null || applicationId !== WINDOWS_APP_ID;
  const windowsRearm = s.int("RemainingWindowsReArmCount");
  const appRearm = p.int("RemainingAppReArmCount");
  const isHost = [p.int("IsKeyManagementServiceMachine"), s.int("IsKeyManagementServiceMachine")].some((n) => n !== null && n > 0);
  return {
    source: "cim",
    serviceVersion: s.str("Version"),
    name: p.str("Name"),
    description,
    channel: description ? (/(\S+)\s+channel\b/i.exec(description)?.[1]?.toUpperCase() ?? null) : null,
    activationId: p.str("ID")?.toLowerCase() ?? null,
    applicationId,
    extendedPid: p.str("ProductKeyID"),
    productKeyChannel: p.str("ProductKeyChannel"),
    partialProductKey: p.str("PartialProductKey"),
    licenseStatus,
    graceRemainingMin: p.int("GracePeriodRemaining"),
    notificationReason: statusCode === 5 ? reason : null,
    hresult: reason,
    remainingWindowsRearmCount: windowsSku ? windowsRearm : null,
    remainingSkuRearmCount: p.int("RemainingSkuReArmCount"),
    remainingAppRearmCount: appSku ? appRearm : null,
    trustedTime: p.date("TrustedTime"),
    configuredActivationType: activationType === null ? null : (ACTIVATION_TYPES[activationType] ?? null),
    adActivationObjectName: p.str("ADActivationObjectName"),
    // No CIM property is documented for hardware-secured readiness; /dlv and the event log carry it.
    kmsHardwareSecured: null,
    cmid: s.str("ClientMachineID")?.toLowerCase() ?? null,
    kmsHost: registered ?? discovered,
    kmsPort: kmsHostSource ? hostPort || DEFAULT_KMS_PORT : null,
    kmsHostIp: first(p.str("DiscoveredKeyManagementServiceMachineIpAddress"), s.str("DiscoveredKeyManagementServiceMachineIpAddress")),
    kmsHostSource,
    kmsHostExtendedPid: first(p.str("KeyManagementServiceProductKeyID"), s.str("KeyManagementServiceProductKeyID")),
    kmsLookupDomain: first(p.str("KeyManagementServiceLookupDomain"), s.str("KeyManagementServiceLookupDomain")),
    activationIntervalMin: first(p.int("VLActivationInterval"), s.int("VLActivationInterval")),
    renewalIntervalMin: first(p.int("VLRenewalInterval"), s.int("VLRenewalInterval")),
    hostCaching: first(s.bool("KeyManagementServiceHostCaching"), p.bool("KeyManagementServiceHostCaching")),
    isKmsHost: isHost,
    currentCount: counter("KeyManagementServiceCurrentCount"),
    listeningPort: listeningPort === null ? null : listeningPort || DEFAULT_KMS_PORT,
    dnsPublishing: first(s.bool("KeyManagementServiceDnsPublishing"), p.bool("KeyManagementServiceDnsPublishing")),
    kmsPriority: lowPriority === null ? null : lowPriority ? "Low" : "Normal",
    totalRequests: counter("KeyManagementServiceTotalRequests"),
    failedRequests: counter("KeyManagementServiceFailedRequests"),
    requestsUnlicensed: counter("KeyManagementServiceUnlicensedRequests"),
    requestsLicensed: counter("KeyManagementServiceLicensedRequests"),
    requestsInitialGrace: counter("KeyManagementServiceOOBGraceRequests"),
    requestsExpiredOrOot: counter("KeyManagementServiceOOTGraceRequests"),
    requestsNonGenuineGrace: counter("KeyManagementServiceNonGenuineGraceRequests"),
    requestsNotification: counter("KeyManagementServiceNotificationRequests"),
  };
}

type Fail = { ok: false; error: { code: "empty" | "too_large" | "malformed"; message: string } };
const fail = (code: Fail["error"]["code"], message: string): Fail => ({ ok: false, error: { code, message } });

function productList(products: unknown, warnings: string[]): Obj[] | Fail {
  if (products === undefined || products === null) return [];
  // PS 5.1 sometimes wraps arrays as { value: [...], Count: n }.
  if (isObj(products) && Array.isArray(products.value) && "Count" in products) {
    warnings.push("products: unwrapped a PowerShell { value, Count } array wrapper");
    products = products.value;
  }
  const list = Array.isArray(products) ? products : [products];
  for (let i = 0; i < list.length; i++) {
    if (!isObj(list[i]))
      return fail("malformed", `products${Array.isArray(products) ? `[${i}]` : ""}: expected an object, got ${typeName(list[i])}`);
  }
  return list as Obj[];
}

export function parseCim(input: { service?: unknown; products?: unknown }): ParseResult<ParsedProduct[]> {
  try {
    if (!isObj(input)) return fail("malformed", `input: expected an object, got ${typeName(input)}`);
    let size = 0;
    try {
      size = JSON.stringify(input)?.length ?? 0;
    } catch {
      return fail("malformed", "input: not serializable (circular?)");
    }
    if (size > MAX_PARSE_INPUT_CHARS) return fail("too_large", `input exceeds ${MAX_PARSE_INPUT_CHARS} characters`);
    const warnings: string[] = [];
    let service = input.service ?? null;
    if (Array.isArray(service) && service.length === 1) {
      warnings.push("service: took the single object out of an array");
      service = service[0];
    }
    if (service !== null && !isObj(service)) return fail("malformed", `service: expected an object, got ${typeName(service)}`);
    const list = productList(input.products, warnings);
    if (!Array.isArray(list)) return list;
    if (list.length === 0 && service === null) return fail("empty", "no SoftwareLicensingService or SoftwareLicensingProduct data");
    const s = new Reader(service, "service", warnings);
    if (list.length === 0) {
      warnings.push("no SoftwareLicensingProduct objects: nothing to report per product (service data alone is not stored)");
    }
    const readers = list.map((p, i) => new Reader(p, `products[${i}]`, warnings));
    const value = readers.map((p) => buildProduct(p, s));
    const recognized = new Set<string>();
    const unrecognized = new Set<string>();
    const tally = (prefix: string, r: Reader) => {
      for (const k of Object.keys(r.obj ?? {})) (r.used.has(k) ? recognized : unrecognized).add(`${prefix}.${k}`);
    };
    tally("SoftwareLicensingService", s);
    for (const r of readers) tally("SoftwareLicensingProduct", r);
    // The service is re-read for every product; report each of its problems once.
    return { ok: true, value, recognized: [...recognized], unrecognized: [...unrecognized], warnings: [...new Set(warnings)] };
  } catch (e) {
    return fail("malformed", e instanceof Error ? e.message : String(e));
  }
}
