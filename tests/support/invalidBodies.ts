// Test utility: request bodies each route must refuse with 400, shared by the unit test (document
// vs zod) and the integration test (document vs the running server).

const collectedAt = "2026-11-25T10:00:00Z";
const envelope = (artifacts: unknown[]) => ({ collectedAt, agentVersion: "test-1.0", artifacts });

export const invalidBodies: Record<"EnrollRequest" | "IngestRequest" | "ParseRequest", unknown[]> = {
  EnrollRequest: [
    {},
    { enrollSecret: "s", hostname: "WS-1" },
    { enrollSecret: "s", hostname: "WS 1", fqdn: "ws-1.corp" },
    { enrollSecret: "", hostname: "WS-1", fqdn: "ws-1.corp" },
    { enrollSecret: "s", hostname: "WS-1", fqdn: 42 },
    [],
  ],
  IngestRequest: [
    {},
    envelope([{ type: "dlv" }]),
    envelope([{ type: "dlv", text: 1 }]),
    envelope([{ type: "events", log: "System", xml: "<Event/>" }]),
    envelope([{ type: "cim", products: "none" }]),
    envelope([{ type: "probe", checkedAt: collectedAt }]),
    envelope([{ type: "" }]),
    { collectedAt: "yesterday", agentVersion: "1", artifacts: [] },
    { collectedAt, agentVersion: "", artifacts: [] },
    { collectedAt, agentVersion: "1", artifacts: {} },
  ],
  ParseRequest: [
    {},
    { type: "future", text: "x" },
    { type: "dlv" },
    { type: "eventText", text: 5 },
    { type: "events", log: "Security", xml: "<Event/>" },
  ],
};

/** Bodies the schema accepts beyond the documented example (an unknown artifact type goes to quarantine). */
export const extraValidBodies: Record<"EnrollRequest" | "IngestRequest" | "ParseRequest", unknown[]> = {
  EnrollRequest: [{ enrollSecret: "s", hostname: "ws_1.x-y", fqdn: "WS-1.corp.contoso.com" }],
  IngestRequest: [
    envelope([]),
    envelope([{ type: "future-artifact", anything: [1, 2] }]),
    envelope([{ type: "events", log: "Key Management Service", xml: "" }]),
  ],
  ParseRequest: [
    { type: "events", xml: "<Event/>" },
    { type: "dlv", text: "" },
    { type: "cim", products: [] },
  ],
};
