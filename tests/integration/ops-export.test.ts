// CSV exports of the dashboard tables: headers, the page's filters, RFC 4180 escaping and formula
// neutralisation, and as many rows as the JSON API reports.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { callApi, enrollMachine, envelope, fixture, getJson, post, signIn } from "./helpers";

let cookie = "";
const tag = `opsx${randomUUID().slice(0, 6)}`;

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

async function csv(route: string, language?: string) {
  const response = await fetch(`${inject("baseUrl")}${route}`, {
    headers: { cookie, ...(language ? { "accept-language": language } : {}) },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) return { response, bytes, header: [], rows: [] as Record<string, string>[] };
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header = [], ...lines] = parseCsv(bytes.subarray(3).toString("utf8"));
  for (const line of lines) expect(line).toHaveLength(header.length);
  // Every line was just checked to have one cell per header.
  const rows = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]!])));
  return { response, bytes, header, rows };
}

beforeAll(async () => {
  cookie = await signIn();
  const clients: [string, string][] = [
    [tag.toUpperCase(), "client-kms-licensed-dns.en-US.txt"],
    [tag.toUpperCase(), "client-kms-initial-grace-unreachable.en-US.txt"],
    [tag.toUpperCase(), "client-mak-licensed.en-US.txt"],
    // A host name may start with "-": in a spreadsheet that cell would be a formula.
    [`-${tag.toUpperCase()}`, "client-kms-licensed-dns.en-US.txt"],
  ];
  for (const [prefix, dlv] of clients) {
    const agent = await enrollMachine(prefix);
    expect((await post("/api/v1/ingest", envelope([{ type: "dlv", text: fixture("dlv", dlv) }]), agent.token)).status).toBe(200);
  }
  const host = await enrollMachine("KMSEXPORT");
  await post("/api/v1/ingest", envelope([{ type: "dlv", text: fixture("dlv", "kms-host-healthy.en-US.txt") }]), host.token);
});

describe("CSV exports", () => {
  it("clients.csv: attachment, header, all rows, formula neutralised", async () => {
    const { response, header, rows } = await csv("/api/dashboard/export/clients.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="kmswatch-clients-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(header).toEqual([
      "fqdn",
      "hostname",
      "license_status",
      "channel",
      "product_key_channel",
      "partial_product_key",
      "edition",
      "cmid",
      "kms_host",
      "kms_port",
      "expires_at",
      "last_check_in_at",
      "id",
    ]);
    const api = await getJson<{ total: number }>("/api/dashboard/clients?pageSize=1", { cookie });
    expect(rows).toHaveLength(api.body.total);
    const dashed = rows.filter((r) => r.fqdn?.includes(`-${tag}-`) && r.fqdn.startsWith("'"));
    expect(dashed).toHaveLength(1);
    expect(dashed[0]!.fqdn).toMatch(new RegExp(`^'-${tag}-[0-9a-f]{8}\\.corp\\.contoso\\.com$`));
  });

  it("clients.csv applies the page's filters like the API", async () => {
    for (const filters of [
      `q=${tag}`,
      `q=${tag}&state=Licensed`,
      `q=${tag}&channel=VOLUME_MAK`,
      `q=${tag}&kmsHost=KMS01.corp.contoso.com`,
      "state=InitialGrace",
    ]) {
      const api = await getJson<{ total: number; rows: { id: string }[] }>(`/api/dashboard/clients?${filters}&pageSize=200`, { cookie });
      const { rows } = await csv(`/api/dashboard/export/clients.csv?${filters}&page=3`);
      expect(rows.length, filters).toBe(api.body.total);
      expect(rows.map((r) => r.id).sort(), filters).toEqual(api.body.rows.map((r) => r.id).sort());
    }
    const { rows } = await csv(`/api/dashboard/export/clients.csv?q=${tag}`);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.license_status === "Licensed")).toHaveLength(3);
    expect(rows.find((r) => r.channel === "VOLUME_MAK")).toBeDefined();
  });

  it("hosts.csv lists every KMS host with its count", async () => {
    const { response, header, rows } = await csv("/api/dashboard/export/hosts.csv");
    expect(response.headers.get("content-disposition")).toContain("kmswatch-kms-hosts-");
    expect(header.slice(0, 4)).toEqual(["fqdn", "hostname", "license_status", "current_count"]);
    const api = await getJson<{ hosts: { id: string; currentCount: number | null }[] }>("/api/dashboard/hosts", { cookie });
    expect(rows.map((r) => r.id).sort()).toEqual(api.body.hosts.map((h) => h.id).sort());
    expect(rows.find((r) => r.hostname?.startsWith("KMSEXPORT"))).toMatchObject({
      current_count: "50",
      total_requests: "18342",
      failed_requests: "37",
    });
  });

  it("alerts.csv holds the alerts the API lists, with quoted free text intact", async () => {
    const api = await getJson<{ alerts: { id: string; cause: string; severity: string; subject: { kind: string } }[] }>(
      "/api/dashboard/alerts?limit=5000",
      { cookie },
    );
    const { header, rows } = await csv("/api/dashboard/export/alerts.csv");
    expect(header.slice(0, 3)).toEqual(["severity", "state", "subject_kind"]);
    expect(rows.map((r) => r.alert_id).sort()).toEqual(api.body.alerts.map((a) => a.id).sort());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows.slice(0, 20)) {
      const alert = api.body.alerts.find((a) => a.id === row.alert_id)!;
      expect(row.cause?.replace(/^'/, "")).toBe(alert.cause);
      expect(typeof JSON.parse(row.evidence ?? "")).toBe("object");
    }
    const everyState = await getJson<{ alerts: unknown[] }>("/api/dashboard/alerts?state=all&limit=5000", { cookie });
    expect((await csv("/api/dashboard/export/alerts.csv?state=all")).rows).toHaveLength(everyState.body.alerts.length);
    expect((await csv("/api/dashboard/export/alerts.csv?state=bogus")).response.status).toBe(400);
    const critical = await csv("/api/dashboard/export/alerts.csv?severity=critical&kind=client");
    expect(critical.rows).toHaveLength(api.body.alerts.filter((a) => a.severity === "critical" && a.subject.kind === "client").length);
  });

  it("headers (and the alerts' texts) in the reader's language, columns in the same order", async () => {
    // The reader's saved choice decides (it outranks Accept-Language), whatever another file left it at.
    const as = async (locale: "en" | "fr", route: string) => {
      expect((await callApi("PATCH", "/api/dashboard/me/locale", cookie, { locale })).status).toBe(200);
      return csv(route);
    };
    const english = await as("en", "/api/dashboard/export/hosts.csv");
    const french = await as("fr", "/api/dashboard/export/hosts.csv");
    expect(french.header.slice(0, 4)).toEqual(["FQDN", "Nom d’hôte", "État de licence", "Décompte actuel"]);
    expect(french.header).toHaveLength(english.header.length);
    expect(french.rows.map((r) => r.FQDN)).toEqual(english.rows.map((r) => r.fqdn));
    const alerts = await as("fr", "/api/dashboard/export/alerts.csv");
    expect(alerts.header.slice(0, 3)).toEqual(["Gravité", "État", "Type de machine"]);
    // Every alert of this run carries its messages: its French title differs from the English one.
    const englishAlerts = await as("en", "/api/dashboard/export/alerts.csv");
    const row = alerts.rows.find((r) => r.Règle === "client-in-grace");
    expect(row?.Titre).toBe("Le client n’est pas activé (période de grâce)");
    expect(englishAlerts.rows.find((r) => r.rule_id === "client-in-grace")?.title).toBe("Client is not activated (grace period)");
  });

  it("duplicate-cmids.csv and audit.csv match their pages", async () => {
    const groups = await getJson<{ groups: { cmid: string }[] }>("/api/dashboard/duplicate-cmids", { cookie });
    const duplicates = await csv("/api/dashboard/export/duplicate-cmids.csv");
    expect(duplicates.header).toEqual(["cmid", "machine_count", "count_lost", "machines", "kms_hosts", "first_seen_at", "last_seen_at"]);
    expect(duplicates.rows.map((r) => r.cmid)).toEqual(groups.body.groups.map((g) => g.cmid));
    const audit = await getJson<{ hosts: { host: string }[] }>("/api/dashboard/audit", { cookie });
    const auditCsv = await csv("/api/dashboard/export/audit.csv");
    expect(auditCsv.rows.map((r) => r.host)).toEqual(audit.body.hosts.map((h) => h.host));
    for (const row of auditCsv.rows) expect(["true", "false"]).toContain(row.approved);
  });

  it("refuses anonymous downloads, unknown tables and bad filters", async () => {
    expect((await fetch(`${inject("baseUrl")}/api/dashboard/export/clients.csv`)).status).toBe(401);
    expect((await csv("/api/dashboard/export/machines.csv")).response.status).toBe(404);
    expect((await csv("/api/dashboard/export/toString")).response.status).toBe(404);
    expect((await csv(`/api/dashboard/export/clients.csv?q=${"x".repeat(300)}`)).response.status).toBe(400);
  });
});
