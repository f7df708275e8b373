// Public entry of the fleet simulator (pure: no I/O). scripts/simulate-push.ts does the HTTP side.
export { buildFleet, machineById, DEFAULT_MAX_ATTEMPTS_PER_DAY } from "./fleet";
export { simulate } from "./engine";
export { checkinBodies, snapshotArtifacts, machineIdentity, AGENT_VERSION, type IngestArtifact, type IngestBody } from "./ingest";
export { renderDlv, type DlvInput } from "./renderDlv";
export { renderEvent, renderEvents, eventLog, eventData } from "./renderEvents";
export { renderCimService, renderCimProduct, type CimObject } from "./renderCim";
export { scenarioDescriptions, scenarioClientCounts, ROGUE_HOST_DNS } from "./scenarios";
export { createRng, mulberry32 } from "./prng";
export * from "./types";
