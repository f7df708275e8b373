// Diagnosis facts from one pasted artifact alone (/api/v1/parse): the same facts the rules read from the database,
// built from a /dlv's products or a few events, with everything the paste cannot tell left unknown (null) so no
// rule fires on what it does not show (no fleet: no clones, no approved-host list, no probe, no check-in). Pure.
import type { ParsedEvent, ParsedProduct } from "@/lib/kms/parsed";
import { formatHresult } from "@/lib/kms/hresults";
import { MINUTE_MS } from "@/lib/core/time";
import type { z } from "zod";
import { type ClientFacts, clientFactsSchema, type Finding, type HostFacts, hostFactsSchema } from "@/lib/evaluate/rules/types";
import { compareFindings, diagnoseClient, diagnoseHost } from "@/lib/evaluate/rules";

/** Codes a KMS host answers with (in a 12289): a refusal, not an unreachable host. */
const HOST_ANSWERS = new Set(["0xC004F038", "0xC004F041", "0xC004F042", "0xC004F06C"]);
const ANSWER_WINDOW_MS = 10 * MINUTE_MS;
/** A pasted machine has no id: "pasted:" + the name the paste gives it (unique per subject of one answer). */
const pastedId = (fqdn: string) => `pasted:${fqdn}`;

// Built through the schemas so that facts with a default (intendedChannel, clockAheadMs, the 7-day failures...)
// take the value that means "unknown" or "none seen" there, where the rules' database path takes it too.
const baseClient = (fqdn: string): ClientFacts =>
  clientFactsSchema.parse({
    machineId: pastedId(fqdn),
    fqdn,
    channel: null,
    productKeyChannel: null,
    licenseStatus: null,
    graceRemainingMin: null,
    expiresAt: null,
    notificationReason: null,
    kmsHost: null,
    kmsPort: null,
    kmsHostApproved: null,
    cmid: null,
    lastCheckInAt: null,
    lastRenewalAt: null,
    lastRequest: null,
    lastResponse: null,
    probe: null,
  } satisfies z.input<typeof clientFactsSchema>);

const baseHost = (fqdn: string): HostFacts =>
  hostFactsSchema.parse({
    machineId: pastedId(fqdn),
    fqdn,
    licenseStatus: null,
    notificationReason: null,
    currentCount: null,
    listeningPort: null,
    dnsPublishing: null,
    totalRequests: null,
    failedRequests: null,
    failedRequests7dAgo: null,
    totalRequests7dAgo: null,
    lastCheckInAt: null,
    lastRequestAt: null,
    distinctClients30d: 0,
    distinctCmids30d: 0,
    serverOnly: false,
    refusedInsufficientCount30d: 0,
    dnsPublishFailures: [],
    forecast: null,
  } satisfies z.input<typeof hostFactsSchema>);

/** When the paste was made: its "Trusted time" when it reads as a date not after now, else just past the answer window. */
function pastedAt(p: ParsedProduct, now: Date): string {
  const t = p.trustedTime ? Date.parse(p.trustedTime) : Number.NaN;
  return new Date(Number.isFinite(t) && t <= now.getTime() ? t : now.getTime() - ANSWER_WINDOW_MS).toISOString();
}

function clientFromProduct(p: ParsedProduct, now: Date): ClientFacts {
  const f = baseClient("pasted machine");
  const grace = p.graceRemainingMin;
  Object.assign(f, {
    channel: p.channel,
    productKeyChannel: p.productKeyChannel,
    licenseStatus: p.licenseStatus,
    graceRemainingMin: grace,
    // A licensed KMS client's minutes are those left before its volume activation expires.
    expiresAt: p.licenseStatus === "Licensed" && grace !== null ? new Date(now.getTime() + grace * MINUTE_MS).toISOString() : null,
    notificationReason: p.notificationReason,
    kmsHost: p.kmsHost,
    kmsPort: p.kmsPort,
    cmid: p.cmid,
  });
  // The product's reason code (CIM LicenseStatusReason, or an /ato error read by shape) is its last outcome.
  const code = formatHresult(p.hresult);
  if (code !== null && code !== "0x00000000") {
    const at = pastedAt(p, now);
    if (HOST_ANSWERS.has(code)) f.lastResponse = { at, hresult: code, activated: false, hostCurrentCount: null, minCount: null };
    else f.lastRequest = { at, hresult: code, kmsHost: p.kmsHost, kmsPort: p.kmsPort, answered: false };
  }
  return f;
}

function hostFromProduct(p: ParsedProduct): HostFacts {
  return {
    ...baseHost("pasted KMS host"),
    licenseStatus: p.licenseStatus,
    notificationReason: p.notificationReason,
    currentCount: p.currentCount,
    listeningPort: p.listeningPort,
    dnsPublishing: p.dnsPublishing,
    totalRequests: p.totalRequests,
    failedRequests: p.failedRequests,
  };
}

/** When the event was logged; a label-less paste keeps only the time in the event's own data (ClientTime). */
const timeOf = (e: ParsedEvent) => {
  const at = e.timeCreated ?? e.clientTime;
  return at ? Date.parse(at) : Number.NaN;
};
const latest = (events: ParsedEvent[]) => events.filter((e) => Number.isFinite(timeOf(e))).sort((a, b) => timeOf(b) - timeOf(a))[0];

function clientFromEvents(fqdn: string, events: ParsedEvent[]): ClientFacts | null {
  const requests = events.filter((e) => e.eventId === 12288);
  const responses = events.filter((e) => e.eventId === 12289);
  if (requests.length === 0 && responses.length === 0) return null;
  const f = baseClient(fqdn);
  const rq = latest(requests);
  const rs = latest(responses);
  if (rq) {
    const at = timeOf(rq);
    const answered = responses.some((r) => timeOf(r) >= at && timeOf(r) - at <= ANSWER_WINDOW_MS);
    f.lastRequest = { at: new Date(at).toISOString(), hresult: rq.hresult, kmsHost: rq.kmsHost, kmsPort: rq.kmsPort, answered };
    Object.assign(f, { kmsHost: rq.kmsHost, kmsPort: rq.kmsPort, cmid: rq.cmid });
  }
  if (rs) {
    const at = timeOf(rs);
    // The minimum count is in the request this response answers (the latest 12288 before it).
    const asked = latest(requests.filter((r) => timeOf(r) <= at));
    f.lastResponse = {
      at: new Date(at).toISOString(),
      hresult: rs.hresult,
      activated: rs.activated,
      hostCurrentCount: rs.hostCurrentCount,
      minCount: asked?.minCount ?? null,
    };
  }
  const renewal = latest(responses.filter((r) => r.activated === true));
  f.lastRenewalAt = renewal ? new Date(timeOf(renewal)).toISOString() : null;
  return f;
}

function hostFromEvents(fqdn: string, events: ParsedEvent[]): HostFacts | null {
  const served = events.filter((e) => e.eventId === 12290);
  const published = events.filter((e) => e.eventId === 12293);
  if (served.length === 0 && published.length === 0) return null;
  const last = latest(served);
  const failed = new Map<string, number>();
  for (const e of served) if (e.hresult && e.hresult !== "0x00000000") failed.set(e.hresult, (failed.get(e.hresult) ?? 0) + 1);
  return {
    ...baseHost(fqdn),
    lastRequestAt: last ? new Date(timeOf(last)).toISOString() : null,
    distinctClients30d: new Set(served.map((e) => e.clientFqdn?.toLowerCase()).filter(Boolean)).size,
    distinctCmids30d: new Set(served.map((e) => e.cmid?.toLowerCase()).filter(Boolean)).size,
    serverOnly: served.length > 0 && served.every((e) => e.minCount === 5),
    refusedInsufficientCount30d: served.filter((e) => e.hresult === "0xC004F038").length,
    dnsPublishFailures: published
      .filter((e) => Number.isFinite(timeOf(e)))
      .map((e) => ({ at: new Date(timeOf(e)).toISOString(), hresult: e.hresult, domain: e.domain })),
    failedRequestsByHresult7d: [...failed].map(([hresult, count]) => ({ hresult, count })).sort((a, b) => b.count - a.count),
  };
}

/** Facts of the machines one parsed artifact shows: one subject per product kind, or per computer of the events. */
export function factsFromArtifact(
  parsed: { products: ParsedProduct[] } | { events: ParsedEvent[] },
  now: Date,
): { clients: ClientFacts[]; hosts: HostFacts[] } {
  if ("products" in parsed) {
    // The Windows product with a key is the one the machine runs on; Office products and unlicensed SKUs are not.
    const withKey = parsed.products.filter((p) => p.partialProductKey !== null);
    const keyed = withKey.length > 0 ? withKey : parsed.products.filter((p) => p.licenseStatus !== null || p.hresult !== null);
    const host = keyed.find((p) => p.isKmsHost);
    const client = keyed.find((p) => !p.isKmsHost);
    return { clients: client ? [clientFromProduct(client, now)] : [], hosts: host ? [hostFromProduct(host)] : [] };
  }
  const byComputer = new Map<string, ParsedEvent[]>();
  for (const e of parsed.events) {
    const who = e.computer?.toLowerCase() ?? "pasted machine";
    byComputer.set(who, [...(byComputer.get(who) ?? []), e]);
  }
  const clients: ClientFacts[] = [];
  const hosts: HostFacts[] = [];
  for (const [fqdn, events] of byComputer) {
    const c = clientFromEvents(fqdn, events);
    if (c) clients.push(c);
    const h = hostFromEvents(fqdn, events);
    if (h) hosts.push(h);
  }
  return { clients, hosts };
}

/** The findings the rules give on those facts, most severe and root causes first. */
export function findingsFromArtifact(parsed: Parameters<typeof factsFromArtifact>[0], now: Date): Finding[] {
  const { clients, hosts } = factsFromArtifact(parsed, now);
  return [...hosts.flatMap((h) => diagnoseHost(h, now)), ...clients.flatMap((c) => diagnoseClient(c, now))].sort(compareFindings);
}
