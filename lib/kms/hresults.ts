// Known KMS/activation HRESULTs (kms-formats.md section 4 + the 12293 KB) and the 12288/12289 Status flags.
// formatHresult is the single normalizer every parser uses, so stored codes compare as plain strings.

import { type MessageRef, msg } from "@/lib/core/i18n/messageRef";
import { english } from "@/lib/core/i18n/translate";
import { CATALOGUES } from "@/lib/core/i18n/catalogues";

/** `meaning` and `fix` in English; hresultMessage gives them in other languages. */
export type HresultInfo = { code: string; meaning: string; fix: string };

/** The codes kmswatch explains: those with a meaning and fix in the catalogues (findings.hresults.<code>). */
const KNOWN_CODES = Object.keys(CATALOGUES.en.findings.hresults);

/** A known code's meaning or fix as a catalogue message, for texts shown in the reader's language. */
export const hresultMessage = (code: string, part: "meaning" | "fix"): MessageRef => msg(`findings.hresults.${code}.${part}`);

const table: HresultInfo[] = KNOWN_CODES.map((code) => ({
  code,
  meaning: english(hresultMessage(code, "meaning")),
  fix: english(hresultMessage(code, "fix")),
}));

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
