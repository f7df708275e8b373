// What the dashboard's French/English, sorting and alert triage stand on, over HTTP to the real server: the
// language a user picks is kept on the user; pages render in the browser's language; the clients list sorts in
// SQL by any column; each host's "worst finding" is its most severe open alert; bulk actions act on every
// selected alert, record who did it, and skip (not fail on) one that cannot take the action.
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { callApi, getJson, pushSimulatedFleet, signIn, sql } from "./helpers";

type AlertRow = { id: string; ruleId: string; state: string; severity: string; subject: { fqdn: string; machineId: string } };
let cookie = "";
const adminId = async () => (await sql<{ id: string }>("SELECT id FROM app_user WHERE email = $1", [inject("admin").email]))[0]!.id;

beforeAll(async () => {
  await pushSimulatedFleet({
    hosts: 2,
    clients: 60,
    days: 20,
    seed: 18,
    scenarios: ["healthy", "duplicate-cmid", "low-count", "mak-clients"],
  });
  cookie = await signIn();
}, 240_000);

describe("language", () => {
  it("renders the sign-in page in the browser's language, and the cookie wins over the browser", async () => {
    const page = async (headers: Record<string, string>) => (await fetch(`${inject("baseUrl")}/login`, { headers })).text();
    const french = await page({ "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" });
    expect(french).toContain('<html lang="fr"');
    expect(french).toContain("Se connecter");
    const english = await page({ "accept-language": "de-DE,en;q=0.5" });
    expect(english).toContain('<html lang="en"');
    expect(english).toContain("Sign in");
    expect(await page({ "accept-language": "fr", cookie: "kmswatch_locale=en" })).toContain('<html lang="en"');
  });

  it("keeps the language on the user, refuses an unknown one and anonymous callers", async () => {
    expect((await callApi("PATCH", "/api/dashboard/me/locale", "", { locale: "fr" })).status).toBe(401);
    const bad = await callApi<{ error: { code: string; path: string } }>("PATCH", "/api/dashboard/me/locale", cookie, { locale: "de" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe("locale");
    const response = await fetch(`${inject("baseUrl")}/api/dashboard/me/locale`, {
      method: "PATCH",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ locale: "fr" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/kmswatch_locale=fr/);
    expect((await sql<{ locale: string }>("SELECT locale FROM app_user WHERE id = $1", [await adminId()]))[0]?.locale).toBe("fr");
    // Another browser of the same user (English Accept-Language, no locale cookie) gets French.
    const overview = await (await fetch(`${inject("baseUrl")}/`, { headers: { cookie, "accept-language": "en" } })).text();
    expect(overview).toContain('<html lang="fr"');
    await callApi("PATCH", "/api/dashboard/me/locale", cookie, { locale: "en" });
  });
});

describe("tables", () => {
  it("sorts the clients list in SQL by any column, missing values last, and refuses an unknown sort", async () => {
    type Page = { rows: { fqdn: string; lastCheckInAt: string; licenseStatus: string | null }[]; total: number };
    const byCheckIn = await getJson<Page>("/api/dashboard/clients?sort=-lastCheckIn&pageSize=200", { cookie });
    expect(byCheckIn.status).toBe(200);
    const times = byCheckIn.body.rows.map((r) => Date.parse(r.lastCheckInAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byName = await getJson<Page>("/api/dashboard/clients?sort=-fqdn&pageSize=200", { cookie });
    const names = byName.body.rows.map((r) => r.fqdn);
    expect(names).toEqual([...names].sort().reverse());
    const byLicense = await getJson<Page>("/api/dashboard/clients?sort=license&pageSize=200", { cookie });
    const states = byLicense.body.rows.map((r) => r.licenseStatus);
    const known = states.filter((s) => s !== null) as string[];
    expect(known).toEqual([...known].sort());
    expect(states.slice(known.length).every((s) => s === null)).toBe(true);
    expect((await getJson("/api/dashboard/clients?sort=password_hash", { cookie })).status).toBe(400);
    expect((await getJson("/api/dashboard/clients?sort=-fqdn;DROP TABLE machine", { cookie })).status).toBe(400);
  });

  it("shows each host's and client's most severe open alert as its worst finding", async () => {
    const hosts = await getJson<{ hosts: { id: string; worstFinding: { severity: string; ruleId: string } | null }[] }>(
      "/api/dashboard/hosts",
      {
        cookie,
      },
    );
    const clients = await getJson<{ rows: { id: string; worstFinding: { severity: string } | null }[] }>(
      "/api/dashboard/clients?pageSize=200",
      {
        cookie,
      },
    );
    const rank: Record<string, number> = { critical: 0, warning: 1, info: 2 };
    const expected = async (machineId: string) => {
      const rows = await sql<{ severity: string }>("SELECT severity FROM alert WHERE machine_id = $1 AND state <> 'resolved'", [machineId]);
      return rows.map((r) => r.severity).sort((a, b) => (rank[a] ?? 3) - (rank[b] ?? 3))[0] ?? null;
    };
    const machines = [...hosts.body.hosts, ...clients.body.rows];
    expect(machines.some((m) => m.worstFinding !== null)).toBe(true);
    for (const m of machines) expect(m.worstFinding?.severity ?? null, m.id).toBe(await expected(m.id));
  });
});

describe("alerts", () => {
  it("filters by part of the machine name (a host, or a site's DNS suffix)", async () => {
    const all = await getJson<{ alerts: AlertRow[] }>("/api/dashboard/alerts?limit=500", { cookie });
    const name = all.body.alerts[0]?.subject.fqdn ?? "";
    expect(name).not.toBe("");
    const part = name.split(".")[0]!.toUpperCase();
    const filtered = await getJson<{ alerts: AlertRow[]; total: number }>(`/api/dashboard/alerts?q=${encodeURIComponent(part)}`, {
      cookie,
    });
    expect(filtered.body.alerts.length).toBeGreaterThan(0);
    expect(filtered.body.alerts.every((a) => a.subject.fqdn.toUpperCase().includes(part))).toBe(true);
    expect(filtered.body.total).toBe(all.body.alerts.filter((a) => a.subject.fqdn.toUpperCase().includes(part)).length);
    // "%" is a character to look for, not a wildcard.
    expect((await getJson<{ alerts: AlertRow[] }>("/api/dashboard/alerts?q=%25", { cookie })).body.alerts).toEqual([]);
  });

  it("acknowledges many alerts at once, records who did it, and skips a resolved one", async () => {
    const open = await getJson<{ alerts: AlertRow[] }>("/api/dashboard/alerts?state=open&limit=500", { cookie });
    const chosen = open.body.alerts.slice(0, 4);
    expect(chosen.length).toBe(4);
    const resolved = chosen[3]!;
    expect((await callApi("POST", `/api/dashboard/alerts/${resolved.id}/resolve`, cookie)).status).toBe(200);

    const result = await callApi<{ applied: number; skipped: { id: string; reason: string }[] }>(
      "POST",
      "/api/dashboard/alerts/bulk",
      cookie,
      {
        ids: chosen.map((a) => a.id),
        action: "acknowledge",
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.applied).toBe(3);
    expect(result.body.skipped).toEqual([{ id: resolved.id, reason: "a resolved alert cannot be acknowledged" }]);
    const states = await sql<{ id: string; state: string }>("SELECT id, state::text AS state FROM alert WHERE id = ANY($1::uuid[])", [
      chosen.map((a) => a.id),
    ]);
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({
      [chosen[0]!.id]: "acknowledged",
      [chosen[1]!.id]: "acknowledged",
      [chosen[2]!.id]: "acknowledged",
      [resolved.id]: "resolved",
    });
    const history = await sql<{ actor: string; note: string }>(
      "SELECT actor, note FROM alert_event WHERE alert_id = ANY($1::uuid[]) AND to_state = 'acknowledged'",
      [chosen.slice(0, 3).map((a) => a.id)],
    );
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.actor === inject("admin").email && h.note === "acknowledge of 4 alert(s) at once")).toBe(true);

    const until = new Date(Date.now() + 4 * 3_600_000).toISOString();
    const snoozed = await callApi<{ applied: number }>("POST", "/api/dashboard/alerts/bulk", cookie, {
      ids: chosen.slice(0, 3).map((a) => a.id),
      action: "snooze",
      until,
    });
    expect(snoozed.body.applied).toBe(3);
    const snoozeRows = await sql<{ snoozed_until: Date }>("SELECT snoozed_until FROM alert WHERE id = ANY($1::uuid[])", [
      chosen.slice(0, 3).map((a) => a.id),
    ]);
    expect(snoozeRows.map((r) => r.snoozed_until.toISOString())).toEqual([until, until, until]);
  });

  it("refuses bad bulk bodies with the JSON error shape, and viewers and anonymous callers", async () => {
    const someId = "00000000-0000-4000-8000-000000000000";
    for (const body of [
      { ids: [], action: "acknowledge" },
      { ids: ["not-a-uuid"], action: "acknowledge" },
      { ids: [someId], action: "delete" },
      { ids: [someId], action: "snooze" },
      { ids: [someId], action: "acknowledge", until: new Date().toISOString() },
      { ids: Array.from({ length: 501 }, () => someId), action: "acknowledge" },
    ]) {
      const answer = await callApi<{ error: { code: string } }>("POST", "/api/dashboard/alerts/bulk", cookie, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error.code).toBeTruthy();
    }
    const unknown = await callApi<{ applied: number; skipped: unknown[] }>("POST", "/api/dashboard/alerts/bulk", cookie, {
      ids: [someId],
      action: "acknowledge",
    });
    expect(unknown.body).toEqual({ applied: 0, skipped: [{ id: someId, reason: "no such alert" }] });
    expect((await callApi("POST", "/api/dashboard/alerts/bulk", "", { ids: [someId], action: "acknowledge" })).status).toBe(401);
  });
});
