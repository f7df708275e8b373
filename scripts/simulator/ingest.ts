// Turns a check-in into agent-protocol request bodies (POST /api/v1/ingest), splitting event XML so
// every body stays far below the server's 5 MB limit.
import { createHash } from "node:crypto";
import { machineById } from "./fleet";
import { renderCimProduct, renderCimService, type CimObject } from "./renderCim";
import { renderDlv } from "./renderDlv";
import { eventLog, renderEvent, type EventLogName } from "./renderEvents";
import type { Checkin, Fleet } from "./types";
import { clientCim, clientDlv, hostCim, hostDlv } from "./views";

export type IngestArtifact =
  | { type: "dlv"; text: string }
  | { type: "cim"; service: CimObject; products: CimObject[] }
  | { type: "events"; log: EventLogName; xml: string };

export type IngestBody = { collectedAt: string; agentVersion: string; artifacts: IngestArtifact[] };

export const AGENT_VERSION = "sim-1.0";
/** Event XML per artifact; a body holds at most two of them plus the snapshot, well under 1 MB. */
export const MAX_EVENT_XML_BYTES = 256 * 1024;

/** How a simulated machine enrolls; its installation key is derived from its FQDN, so a second push of the same
 * fleet enrolls as the same installations (the server refuses another installation's takeover, README "Security"). */
export function machineIdentity(fleet: Fleet, id: string): { hostname: string; fqdn: string; installationKey: string } {
  const m = machineById(fleet, id);
  return { hostname: m.hostname, fqdn: m.fqdn, installationKey: createHash("sha256").update(`kmswatch-simulator:${m.fqdn}`).digest("hex") };
}

function eventChunks(checkin: Checkin, maxBytes: number): IngestArtifact[] {
  const out: IngestArtifact[] = [];
  const logs: EventLogName[] = ["Application", "Key Management Service"];
  for (const log of logs) {
    let parts: string[] = [];
    let size = 0;
    const flush = () => {
      if (parts.length) out.push({ type: "events", log, xml: `${parts.join("")}\r\n` });
      parts = [];
      size = 0;
    };
    for (const e of checkin.events) {
      if (eventLog(e) !== log) continue;
      const xml = renderEvent(e);
      if (size + xml.length > maxBytes) flush();
      parts.push(xml);
      size += xml.length;
    }
    flush();
  }
  return out;
}

export function snapshotArtifacts(fleet: Fleet, checkin: Checkin): IngestArtifact[] {
  const m = machineById(fleet, checkin.machineId);
  const s = checkin.snapshot;
  const views =
    m.kind === "host" && s.kind === "host"
      ? { dlv: hostDlv(m, s), cim: hostCim(m, s) }
      : m.kind === "client" && s.kind === "client"
        ? { dlv: clientDlv(fleet, m, s), cim: clientCim(fleet, m, s) }
        : null;
  if (!views) throw new Error(`snapshot kind does not match machine ${m.id}`);
  return [
    { type: "dlv", text: renderDlv(views.dlv) },
    { type: "cim", service: renderCimService(views.cim.service), products: [renderCimProduct(views.cim.product)] },
  ];
}

/**
 * One or more bodies for a check-in: event chunks first, the dlv/cim snapshot with the last one.
 * collectedAt steps back one second per extra body so it strictly increases per machine.
 */
export function checkinBodies(fleet: Fleet, checkin: Checkin, maxEventBytes = MAX_EVENT_XML_BYTES): IngestBody[] {
  const groups: IngestArtifact[][] = [[]];
  let size = 0;
  for (const chunk of eventChunks(checkin, maxEventBytes)) {
    const len = chunk.type === "events" ? chunk.xml.length : 0;
    if (size + len > 2 * maxEventBytes) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]!.push(chunk);
    size += len;
  }
  groups[groups.length - 1]!.push(...snapshotArtifacts(fleet, checkin));
  return groups.map((artifacts, i) => ({
    collectedAt: new Date(checkin.at - (groups.length - 1 - i) * 1000).toISOString(),
    agentVersion: AGENT_VERSION,
    artifacts,
  }));
}
