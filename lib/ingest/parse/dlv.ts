// Parser for `slmgr.vbs /dlv` (and `/dli`) text as agents and humans paste it.
// Pure and total: never throws, linear in the input, refuses oversized input before scanning it.
import type { ParsedProduct, ParseFailure, ParseResult } from "../../kms/parsed";
import { MAX_PARSE_INPUT_CHARS } from "../../kms/parsed";
import { classifyLine, type Classified, type LabelId } from "./dlv/labels";
import { normalizeText, type CleanLine } from "./dlv/normalize";
import { applyField, finalizeDraft, newDraft, type ProductDraft } from "./dlv/product";
import { collapse, continuesValue, joinRaw } from "./dlv/wrap";

const MAX_UNRECOGNIZED = 50;
const MAX_UNRECOGNIZED_CHARS = 300;
/** `/dlv all` with Office lists a few hundred SKUs at most; more is a flood, not an inventory. */
const MAX_PRODUCTS = 1000;

/** Labels that alone do not prove a paste is /dlv output ("Name:" and "Description:" are everywhere). */
const WEAK = new Set<LabelId>(["name", "description", "info", "url", "skmsWarning"]);

type Last =
  | { kind: "field"; id: LabelId; valueRaw: string; draft: ProductDraft | null }
  | { kind: "unrecognized"; parts: ReadonlyArray<{ raw: string; listed: boolean }> }
  | null;

/** A label wrapped by a very narrow console spans at most this many physical lines. */
const MAX_LABEL_PARTS = 3;
const MAX_JOIN_CHARS = 400;
/** No /dlv value is longer; stops a flood of digit lines from growing one value quadratically. */
const MAX_VALUE_CHARS = 1000;

function fail(code: ParseFailure["code"], message: string): ParseResult<ParsedProduct[]> {
  return { ok: false, error: { code, message } };
}

export function parseDlv(text: string): ParseResult<ParsedProduct[]> {
  try {
    return parseUnchecked(text);
  } catch (e) {
    return fail("malformed", `parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Raw text after the first colon, leading blanks dropped, trailing ones kept for wrap joins. */
function rawValue(line: CleanLine, c: Classified): string {
  if (c.def.kind === "line") return "";
  const colon = line.raw.indexOf(":");
  return colon < 0 ? c.value : line.raw.slice(colon + 1).trimStart();
}

class DlvState {
  drafts: ProductDraft[] = [];
  current: ProductDraft | null = null;
  versions: string[] = [];
  /** The machine-level hardware-secured KMS sentence, if printed (it belongs to no one product). */
  hardwareSecured: ParsedProduct["kmsHardwareSecured"] = null;
  recognized = new Set<string>();
  unrecognized: string[] = [];
  unrecognizedTotal = 0;
  french = false;
  strong = false;
  joins = 0;
  productsDropped = 0;

  draft(implicit: boolean): ProductDraft {
    const room = this.drafts.length < MAX_PRODUCTS;
    if (!room && !implicit) this.productsDropped++;
    if (this.current === null || (!implicit && room)) {
      this.current = newDraft(implicit);
      this.current.product.serviceVersion = this.versions.at(-1) || null;
      this.drafts.push(this.current);
    }
    return this.current;
  }

  /** Applies a recognized line; returns the draft it went to (null for the global version line). */
  accept(c: Classified): ProductDraft | null {
    this.recognized.add(c.def.canonical);
    if (c.french) this.french = true;
    if (!WEAK.has(c.def.id)) this.strong = true;
    if (c.def.id === "serviceVersion") {
      // Pushed even when empty so that a wrapped continuation updates this line, not an older one.
      this.versions.push(c.value);
      return null;
    }
    if (c.def.id === "hwSecuredEligible" || c.def.id === "hwSecuredNotEligible") {
      this.hardwareSecured = c.def.id === "hwSecuredEligible" ? "eligible" : "not_eligible";
      return null;
    }
    const draft = this.draft(c.def.id !== "name");
    applyField(draft, c.def.id, c.value);
    return draft;
  }

  keepAside(text: string): boolean {
    this.unrecognizedTotal++;
    if (this.unrecognized.length >= MAX_UNRECOGNIZED) return false;
    this.unrecognized.push(text.length > MAX_UNRECOGNIZED_CHARS ? `${text.slice(0, MAX_UNRECOGNIZED_CHARS)}…` : text);
    return true;
  }

  /** Undoes keepAside for the line just kept, when the next line proves it was a wrapped label. */
  takeBack(listed: boolean): void {
    this.unrecognizedTotal--;
    if (listed) this.unrecognized.pop();
  }
}

function step(state: DlvState, line: CleanLine, last: Last): Last {
  if (line.text === "") return null;
  const c = classifyLine(line.text);
  if (c) {
    const draft = state.accept(c);
    return { kind: "field", id: c.def.id, valueRaw: rawValue(line, c), draft };
  }
  if (last?.kind === "unrecognized") {
    // A label split mid-word: only the pieces together are a /dlv line. Shortest join first.
    let joined = line.raw;
    for (let k = last.parts.length - 1; k >= 0; k--) {
      if (joined.length + last.parts[k]!.raw.length > MAX_JOIN_CHARS) break;
      joined = joinRaw(last.parts[k]!.raw, joined);
      const jc = classifyLine(collapse(joined));
      if (jc) {
        for (let j = last.parts.length - 1; j >= k; j--) state.takeBack(last.parts[j]!.listed);
        state.joins++;
        const draft = state.accept(jc);
        return { kind: "field", id: jc.def.id, valueRaw: rawValue({ raw: joined, text: "" }, jc), draft };
      }
    }
  }
  if (last?.kind === "field" && last.valueRaw.length < MAX_VALUE_CHARS) {
    const prev = collapse(last.valueRaw);
    const combinedRaw = prev === "" ? line.raw.trimStart() : joinRaw(last.valueRaw, line.raw);
    const combined = collapse(combinedRaw);
    if (continuesValue(last.id, prev, line.text, combined)) {
      state.joins++;
      if (last.draft !== null) applyField(last.draft, last.id, combined);
      else if (last.id === "serviceVersion") state.versions[state.versions.length - 1] = combined;
      return { ...last, valueRaw: combinedRaw };
    }
  }
  const listed = state.keepAside(line.text);
  const kept = { raw: line.raw, listed };
  const parts = last?.kind === "unrecognized" ? [...last.parts.slice(1 - MAX_LABEL_PARTS), kept] : [kept];
  return { kind: "unrecognized", parts };
}

function parseUnchecked(text: string): ParseResult<ParsedProduct[]> {
  if (typeof text !== "string") return fail("malformed", "input is not a string");
  if (text.length > MAX_PARSE_INPUT_CHARS) {
    return fail("too_large", `input has ${text.length} characters, the limit is ${MAX_PARSE_INPUT_CHARS}`);
  }
  const { lines, warnings } = normalizeText(text);
  if (lines.every((l) => l.text === "")) return fail("empty", "input is empty");

  const state = new DlvState();
  let last: Last = null;
  for (const line of lines) last = step(state, line, last);

  if (state.drafts.length === 0 || !(state.strong || state.drafts.some((d) => d.product.channel !== null))) {
    return fail("not_recognized", "no slmgr.vbs /dlv or /dli lines found");
  }

  const fallbackVersion = state.versions.find((v) => v !== "") ?? null;
  const products = state.drafts.map((d) => finalizeDraft(d, fallbackVersion));
  // The sentence describes the machine as a KMS host: it goes to the host product(s), else to every product.
  if (state.hardwareSecured !== null) {
    const hosts = products.filter((p) => p.isKmsHost);
    for (const p of hosts.length > 0 ? hosts : products) p.kmsHardwareSecured = state.hardwareSecured;
  }

  if (state.french) warnings.push("French labels (best effort)");
  if (state.joins > 0) warnings.push(`${state.joins} wrapped line(s) joined`);
  state.drafts.forEach((d, i) => {
    const who = d.product.name ? `"${d.product.name}"` : `#${i + 1}`;
    if (d.implicit) warnings.push(`product ${who} has no Name line (paste starts mid-block?)`);
    if (!d.sawLicenseStatus) warnings.push(`product ${who} has no License Status line (truncated paste?)`);
    for (const w of d.warnings) warnings.push(`product ${who}: ${w}`);
  });
  if (state.productsDropped > 0) {
    warnings.push(`more than ${MAX_PRODUCTS} products: ${state.productsDropped} further Name lines merged into the last one`);
  }
  if (state.unrecognizedTotal > state.unrecognized.length) {
    warnings.push(`${state.unrecognizedTotal} unrecognized lines, only the first ${state.unrecognized.length} are listed`);
  }
  return {
    ok: true,
    value: products,
    recognized: [...state.recognized],
    unrecognized: state.unrecognized,
    warnings,
  };
}
