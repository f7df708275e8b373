// The rows the fill repeats: events and products rendered once by the simulator and parsed by the real
// parsers, turned into SQL format() templates and parsed column values.
import { createHash } from "node:crypto";
import { packText } from "../../lib/core/deflate";
import { snapshotColumnsOf } from "../../lib/kms/storedProduct";
import { buildFleet, snapshotArtifacts } from "../../scripts/simulator";
import { ACT_ID_WIN_ENTERPRISE, DAY, HR, LS } from "../../scripts/simulator/constants";
import { renderEvent } from "../../scripts/simulator/renderEvents";
import { systemTime } from "../../scripts/simulator/format";
import type { SimEvent } from "../../scripts/simulator/types";
import { parseEventXml } from "../../lib/ingest/parse/eventXml";
import { parseDlv } from "../../lib/ingest/parse/dlv";
import { parseCim } from "../../lib/ingest/parse/cim";
import type { ParsedProduct, ParsedEvent } from "../../lib/kms/parsed";

const T0 = Date.UTC(2026, 0, 5, 10, 11, 12);

/** An event rendered by the simulator with sentinels, turned into a format() template. */
function eventTemplate(e: SimEvent): { format: string; parsed: ParsedEvent } {
  const xml = renderEvent(e);
  const parsed = parseEventXml(xml);
  if (!parsed.ok || !parsed.value[0]!.ok) throw new Error("template event does not parse");
  const format = xml
    .replace(/%/g, "%%")
    .replace("SENTINELCOMPUTER", "%1$s")
    .replace(systemTime(T0, 0), "%2$s")
    .replace("<EventRecordID>987654321<", "<EventRecordID>%3$s<")
    .replace("SENTINELCMID", "%4$s")
    .replace("SENTINELCLIENT", "%5$s")
    .replace("SENTINELHOST", "%6$s");
  return { format, parsed: parsed.value[0]!.event };
}

export function templates() {
  const base = { recordId: 987654321, time: T0, ticks: 0 };
  const common = {
    hr: 0,
    cmid: "SENTINELCMID",
    clientTime: T0,
    isVm: false,
    licenseStatus: LS.Licensed,
    minutesToExpiry: 259_200,
    actId: ACT_ID_WIN_ENTERPRISE,
    minCount: 25,
  };
  const e12288 = eventTemplate({
    ...base,
    ...common,
    computer: "SENTINELCOMPUTER",
    eventId: 12288,
    status: 0,
    server: "SENTINELHOST",
    port: 1688,
  });
  // The incident's request: the host did not answer (RPC server unavailable), so no 12289 follows.
  const e12288Unanswered = eventTemplate({
    ...base,
    ...common,
    hr: HR.RPC_UNAVAILABLE,
    computer: "SENTINELCOMPUTER",
    eventId: 12288,
    status: 0,
    server: "SENTINELHOST",
    port: 1688,
  });
  const e12289 = eventTemplate({
    ...base,
    computer: "SENTINELCOMPUTER",
    eventId: 12289,
    hr: 0,
    status: 0,
    activated: true,
    count: 50,
    activationInterval: 120,
    renewalInterval: 10080,
    clientTime: T0,
  });
  const e12290 = eventTemplate({ ...base, ...common, computer: "SENTINELCOMPUTER", eventId: 12290, clientFqdn: "SENTINELCLIENT" });
  // Real /dlv and CIM bodies of a client and of a host, parsed by the real parsers.
  const fleet = buildFleet({ hosts: 1, clients: 10, days: 1, scenarios: ["healthy"], seed: 1, end: T0 });
  const client = fleet.clients.find((c) => c.hasAgent && c.channel === "kms" && c.product === "win") ?? fleet.clients[0]!;
  const host = fleet.hosts[0]!;
  const clientArtifacts = snapshotArtifacts(fleet, {
    machineId: client.id,
    at: T0,
    events: [],
    snapshot: {
      kind: "client",
      at: T0,
      licenseStatus: LS.Licensed,
      remainingMin: 250_000,
      lastActivation: { hostId: host.id, at: T0 - DAY },
    },
  });
  const hostArtifacts = snapshotArtifacts(fleet, {
    machineId: host.id,
    at: T0,
    events: [],
    snapshot: { kind: "host", at: T0, count: 50, counters: host.counters },
  });
  const bodies = (artifacts: typeof clientArtifacts) => {
    const dlv = artifacts.find((a) => a.type === "dlv");
    const cim = artifacts.find((a) => a.type === "cim");
    if (dlv?.type !== "dlv" || !cim || cim.type !== "cim") throw new Error("missing artifacts");
    const dlvParsed = parseDlv(dlv.text);
    const cimParsed = parseCim({ service: cim.service, products: cim.products });
    const dlvProduct = dlvParsed.ok ? dlvParsed.value[0] : undefined;
    const cimProduct = cimParsed.ok ? cimParsed.value[0] : undefined;
    if (!dlvProduct || !cimProduct) throw new Error("template artifacts do not parse");
    return {
      dlv: { body: dlv.text, product: dlvProduct },
      cim: { body: JSON.stringify({ service: cim.service, products: cim.products }), product: cimProduct },
    };
  };
  return { e12288, e12288Unanswered, e12289, e12290, client: bodies(clientArtifacts), host: bodies(hostArtifacts) };
}

export type Templates = ReturnType<typeof templates>;

/** A template product's snapshot row, the columns as ingest writes them (the fill sets the per-row ones itself). */
export function productRow(source: "dlv" | "cim", p: ParsedProduct) {
  return { source, product_key: (p.activationId ?? `name:${p.name ?? "unknown"}`).toLowerCase(), ...snapshotColumnsOf(p) };
}

/** How many differently filled events of each kind the fill packs (rows take one by client number). */
export const PACKED_VARIANTS = 16;

/** The template filled as format() would for client i, packed as ingest packs it (base64). */
function packedVariants(e: number, format: string): string[] {
  return Array.from({ length: PACKED_VARIANTS }, (_, v) => {
    const i = 1 + v * 6151;
    const client = `ws-${String(i).padStart(6, "0")}.corp.contoso.com`;
    const host = `kms${String(1 + (i % 20)).padStart(2, "0")}.corp.contoso.com`;
    const cmid = createHash("md5")
      .update(`cmid${i}`)
      .digest("hex")
      .replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
    const at = new Date(T0 + v * 7_654_321_987).toISOString().replace("Z", "0000Z");
    // The template keeps a sentinel where a value repeats (12290's data fields): filled here as well.
    const xml = format
      .replace(/%1\$s/g, e === 12290 ? host : client)
      .replace(/%2\$s/g, at)
      .replace(/%3\$s/g, String(2 * v + 1 + (v % 3) * 1000))
      .replace(/%4\$s|SENTINELCMID/g, cmid)
      .replace(/%5\$s|SENTINELCLIENT/g, client)
      .replace(/%6\$s/g, host)
      .replace(/%%/g, "%");
    return packText(xml, "eventXml").toString("base64");
  });
}

export function eventRow(e: number, t: { format: string; parsed: ParsedEvent }) {
  const p = t.parsed;
  return {
    e,
    packed: packedVariants(e, t.format),
    hresult: p.hresult,
    license_status: p.licenseStatus,
    activation_id: p.activationId,
    min_count: p.minCount,
    activated: p.activated,
    host_current_count: p.hostCurrentCount,
  };
}
