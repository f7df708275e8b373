// Reading and asserting the truth table's rows against the JSON the host and client pages read (shared by
// tests/integration/truth-table.test.ts and truth-table-handmade.test.ts).
import { expect } from "vitest";
import type { Expect } from "./truthTable";
import { enrollMachine, envelope, getJson, post, sql } from "../integration/helpers";

export type Finding = { ruleId: string; severity: string; cause: string; fix: string; evidence: Record<string, unknown> };

export async function idOf(fqdn: string): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [fqdn.toLowerCase()]);
  if (!row) throw new Error(`no machine ${fqdn}`);
  return row.id;
}

export async function findingsOf(cookie: string, kind: "host" | "client", fqdn: string): Promise<Finding[]> {
  const { status, body } = await getJson<{ findings: Finding[] }>(`/api/dashboard/${kind}s/${await idOf(fqdn)}`, { cookie });
  expect(status, fqdn).toBe(200);
  return body.findings;
}

/** One row of the table against the findings a page shows, in the page's order. */
export function assertRow(where: string, findings: Finding[], e: Expect) {
  const ids = findings.map((f) => f.ruleId);
  for (const rule of e.never ?? []) expect(ids, `${where}: must not show ${rule}`).not.toContain(rule);
  if (e.first === null) {
    expect(
      findings.filter((f) => f.severity !== "info").map((f) => f.ruleId),
      `${where}: no critical or warning finding`,
    ).toEqual([]);
    return;
  }
  expect(ids[0], `${where}: first finding (all: ${ids.join(", ")})`).toBe(e.first);
  for (const rule of e.after ?? []) expect(ids.indexOf(rule), `${where}: ${rule} after ${e.first}`).toBeGreaterThan(0);
  const first = findings[0] as Finding;
  if (e.hresult) expect(JSON.stringify(first.evidence), `${where}: evidence names ${e.hresult}`).toContain(e.hresult);
  for (const w of e.causeHas ?? []) expect(first.cause, `${where}: cause`).toContain(w);
  for (const w of e.fixHas ?? []) expect(first.fix, `${where}: fix`).toContain(w);
  for (const w of e.lacks ?? []) expect(`${first.cause} ${first.fix}`, `${where}: must not say "${w}"`).not.toContain(w);
}

type Enrolled = Awaited<ReturnType<typeof enrollMachine>>;

/** Enrolls a machine and posts its artifacts (a function of the machine when its events name it), dated
 * `collectedAt` (now by default). */
export async function report(prefix: string, artifacts: unknown[] | ((m: Enrolled) => unknown[]), collectedAt?: string) {
  const m = await enrollMachine(prefix);
  const body = envelope(typeof artifacts === "function" ? artifacts(m) : artifacts, collectedAt);
  const answer = await post("/api/v1/ingest", body, m.token);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return m;
}
