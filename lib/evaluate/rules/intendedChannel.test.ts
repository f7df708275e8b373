import { describe, expect, it } from "vitest";
import { diagnoseClient } from "./index";
import { NOW, client } from "../../../tests/support/diagnosisFacts";

const mak = (over: Parameters<typeof client>[0] = {}) =>
  client({
    channel: "VOLUME_MAK",
    productKeyChannel: "Volume:MAK",
    kmsHost: null,
    kmsHostApproved: null,
    lastRequest: null,
    lastResponse: null,
    lastRenewalAt: null,
    expiresAt: null,
    ...over,
  });
const intent = "MAK intended for machines LT-*";
const ids = (f: ReturnType<typeof client>) => diagnoseClient(f, NOW).map((x) => x.ruleId);

describe("MAK by intent", () => {
  it("a licensed MAK machine gets the GVLK advice only when its channel is not intended", () => {
    expect(ids(mak())).toEqual(["client-not-gvlk"]);
    expect(ids(mak({ intendedChannel: intent }))).toEqual([]);
  });

  it("out of MAK activations (0xC004C008): one critical finding, no GVLK advice", () => {
    const [first, ...rest] = diagnoseClient(
      mak({ intendedChannel: intent, licenseStatus: "Notification", notificationReason: "0xC004C008", graceRemainingMin: null }),
      NOW,
    );
    expect(first?.ruleId).toBe("client-intended-key-failing");
    expect(first?.severity).toBe("critical");
    expect(first?.cause).toContain("0xC004C008");
    expect(first?.fix).toContain("slmgr.vbs /ipk <MAK>");
    expect(`${first?.cause} ${first?.fix}`).not.toContain("GVLK");
    expect(rest.map((f) => f.ruleId)).not.toContain("client-notification");
  });

  it("a blocked MAK names the block; a grace MAK with days left is a warning", () => {
    const blocked = diagnoseClient(
      mak({ intendedChannel: intent, notificationReason: "0xC004C003", licenseStatus: "Notification" }),
      NOW,
    )[0];
    expect(blocked?.cause).toContain("blocked");
    const grace = diagnoseClient(mak({ intendedChannel: intent, licenseStatus: "InitialGrace", graceRemainingMin: 20_000 }), NOW);
    expect(grace.map((f) => f.ruleId)).toEqual(["client-intended-key-failing"]);
    expect(grace[0]?.severity).toBe("warning");
    expect(grace[0]?.fix).not.toContain("GVLK");
  });

  it("without the intent, the same failing MAK machine is told about the GVLK (grace/notification rules)", () => {
    const found = ids(mak({ licenseStatus: "Notification", notificationReason: "0xC004C008" }));
    expect(found).toContain("client-notification");
    expect(found).not.toContain("client-intended-key-failing");
  });
});
