// Builds the ingest envelope (pure): raw artifacts as collected, new events only, optional probe.
import type { Artifact, IngestRequest, ProbeArtifact } from "../../../lib/kms/protocol.ts";
import type { RawCollection } from "./collection.ts";
import { advanceBookmarks, selectNewEvents, type Bookmarks } from "./events.ts";
import { AGENT_VERSION } from "./version.ts";

export type BuiltPayload = { payload: IngestRequest; bookmarks: Bookmarks; eventCount: number };

export function buildPayload(input: {
  collection: RawCollection;
  bookmarks: Bookmarks;
  collectedAt: Date;
  probe: ProbeArtifact | null;
  maxEventsPerLog?: number;
}): BuiltPayload {
  const artifacts: Artifact[] = [];
  for (const text of input.collection.dlv) artifacts.push({ type: "dlv", text });
  if (input.collection.cim) {
    artifacts.push({ type: "cim", service: input.collection.cim.service, products: input.collection.cim.products.slice(0, 200) });
  }
  const selected = selectNewEvents(input.collection.eventTexts, input.bookmarks, input.maxEventsPerLog);
  for (const s of selected) artifacts.push({ type: "events", log: s.log, xml: s.xml });
  // Same order as the Windows agent: readiness after the events, the probe last.
  if (input.collection.tpm) artifacts.push(input.collection.tpm);
  for (const o of input.collection.oslicense ?? []) artifacts.push(o);
  if (input.probe) artifacts.push(input.probe);
  return {
    payload: { collectedAt: input.collectedAt.toISOString(), agentVersion: AGENT_VERSION, artifacts },
    bookmarks: advanceBookmarks(input.bookmarks, selected),
    eventCount: selected.reduce((n, s) => n + s.count, 0),
  };
}
