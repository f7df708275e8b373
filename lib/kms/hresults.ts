// Known KMS/activation HRESULTs (kms-formats.md section 4 + the 12293 KB) and the 12288/12289 Status flags.
// formatHresult is the single normalizer every parser uses, so stored codes compare as plain strings.

export type HresultInfo = { code: string; meaning: string; fix: string };

const table: HresultInfo[] = [
  { code: "0x00000000", meaning: "Success", fix: "Nothing to do." },
  {
    code: "0xC004F038",
    meaning: "KMS count insufficient (clients need 25, servers 5, Office 5)",
    fix: "Add clients or wait for the count to grow; check for duplicate CMIDs (images not sysprep /generalize'd).",
  },
  {
    code: "0xC004F039",
    meaning: "KMS not enabled or did not respond",
    fix: "Check the network path and that TCP 1688 is open on the host firewall.",
  },
  { code: "0xC004F041", meaning: "KMS host not activated", fix: "Activate the KMS host (online or by phone)." },
  {
    code: "0xC004F042",
    meaning: "The specified KMS host cannot activate this product",
    fix: "Point the client at the right host (host key too old, or an app host vs an OS host).",
  },
  {
    code: "0xC004F074",
    meaning: "No KMS host could be contacted",
    fix: "Read the client's 12288 events; fix the _vlmcs._tcp SRV record, port 1688, or set /skms.",
  },
  {
    code: "0x8007232B",
    meaning: "DNS name does not exist (no _vlmcs SRV record)",
    fix: "Enable DNS publishing on the host, create the SRV record, or slmgr /skms host[:port].",
  },
  {
    code: "0x8007251D",
    meaning: "No records found for the DNS query",
    fix: "Publish the SRV record in the client's DNS suffix domain, or use /skms-domain.",
  },
  { code: "0x8007232A", meaning: "DNS server failure", fix: "Fix DNS resolution / the network." },
  {
    code: "0x800706BA",
    meaning: "RPC server unavailable",
    fix: "Open TCP 1688 on the host firewall; remove stale SRV records pointing to a dead host.",
  },
  {
    code: "0xC004F06C",
    meaning: "Request timestamp invalid (client/host clock skew)",
    fix: "Fix time synchronization (NTP/AD); the comparison is done in UTC.",
  },
  { code: "0xC004F050", meaning: "Product key invalid", fix: "Use the right GVLK/CSVLK for the edition (beware pasted em-dashes)." },
  { code: "0xC004C003", meaning: "Key blocked by the activation server", fix: "Obtain a new key." },
  {
    code: "0xC004C008",
    meaning: "KMS host key used beyond its activation limit (10 activations on up to 6 hosts)",
    fix: "Call the Microsoft Activation Center.",
  },
  { code: "0xC004F009", meaning: "Grace period expired (Notification)", fix: "Activate the product." },
  {
    code: "0xC004F035",
    meaning: "Volume key on a machine without a qualifying OEM marker",
    fix: "Use a MAK or retail key.",
  },
  { code: "0x80070005", meaning: "Access denied", fix: "Run the command elevated." },
  {
    code: "0x80072338",
    meaning: "DNS_ERROR_RCODE_BADSIG: DNS signature failed to verify (12293, SRV publish refused)",
    fix: "Give the KMS host's computer account Full Control on the existing _VLMCS SRV record, then restart sppsvc.",
  },
  {
    code: "0x4004F00C",
    meaning: "Running within the valid out-of-box grace period (informational)",
    fix: "Activate before the grace period ends.",
  },
];

export const KNOWN_HRESULTS: ReadonlyMap<string, HresultInfo> = new Map(table.map((h) => [h.code, h]));

const UINT32_MAX = 0xffffffff;

/** Normalizes 0, -1073418231, "0x0", "C004F074", "3221549172" to "0x" + 8 upper hex; null when not an HRESULT. */
export function formatHresult(value: number | string | null | undefined): string | null {
  if (typeof value === "number") return fromNumber(value);
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (s.length === 0 || s.length > 24) return null;
  const hex = /^0x0*([0-9a-f]{1,8})$/i.exec(s);
  if (hex) return `0x${hex[1]!.toUpperCase().padStart(8, "0")}`;
  // Bare hex only when it cannot be read as a decimal number.
  if (/^[0-9a-f]{8}$/i.test(s) && /[a-f]/i.test(s)) return `0x${s.toUpperCase()}`;
  if (/^[+-]?\d+$/.test(s)) return fromNumber(Number(s));
  return null;
}

function fromNumber(n: number): string | null {
  if (!Number.isInteger(n) || n < -0x80000000 || n > UINT32_MAX) return null;
  // CIM and PowerShell hand out negative HRESULTs as signed int32; `>>> 0` gives the uint32 view.
  return `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
}

export function describeHresult(value: number | string | null | undefined): HresultInfo | null {
  const code = formatHresult(value);
  return code === null ? null : (KNOWN_HRESULTS.get(code) ?? null);
}

/** 12288/12289 Status flags (Volume Activation 2.0 Operations Guide); the first is only a warning. */
export const STATUS_FLAGS = [
  { bit: 0x00000008, name: "SL_VL_BINDING_STATUS_OTHER_PC", warningOnly: true },
  { bit: 0x01000000, name: "SL_VL_BINDING_ERROR_NO_BINDING_SERVER_REGISTRATION", warningOnly: false },
  { bit: 0x02000000, name: "SL_VL_BINDING_ERROR_INVALID_REGISTRATION_DATA_TYPE", warningOnly: false },
  { bit: 0x04000000, name: "SL_VL_BINDING_ERROR_NOT_ENOUGH_COUNT", warningOnly: false },
  { bit: 0x08000000, name: "SL_VL_BINDING_ERROR_NOT_WINDOWS_SLP", warningOnly: false },
] as const;

/** Names of the known flags set in a Status value; unknown bits come back as their hex value. */
export function statusFlagNames(status: number | string | null | undefined): string[] {
  const code = formatHresult(status);
  if (code === null) return [];
  let rest = parseInt(code.slice(2), 16);
  const names: string[] = [];
  for (const f of STATUS_FLAGS) {
    if ((rest & f.bit) !== 0) {
      names.push(f.name);
      rest = (rest & ~f.bit) >>> 0;
    }
  }
  if (rest !== 0) names.push(formatHresult(rest) ?? String(rest));
  return names;
}
