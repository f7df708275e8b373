import { describe, expect, it } from "vitest";
import { activationTypeOf, type ActivationFacts } from "@/lib/kms/activationType";

const f = (over: Partial<ActivationFacts>): ActivationFacts => ({
  channel: null,
  productKeyChannel: null,
  configuredActivationType: null,
  adActivationObjectName: null,
  kmsHost: null,
  ...over,
});

describe("activation type", () => {
  it.each([
    [f({ channel: "VOLUME_KMSCLIENT", kmsHost: "kms01" }), "kms"],
    [f({ channel: "VOLUME_KMSCLIENT", configuredActivationType: "AD", adActivationObjectName: "WS2025 CSVLK" }), "adba"],
    [f({ channel: "VOLUME_KMSCLIENT", configuredActivationType: "AD" }), "adba"],
    [f({ channel: "VOLUME_KMS_WS22", productKeyChannel: "Volume:CSVLK" }), "kms_host"],
    [f({ channel: "VOLUME_MAK" }), "mak"],
    [f({ channel: "RETAIL", productKeyChannel: "Retail" }), "retail"],
    [f({ channel: "OEM_DM", productKeyChannel: "OEM:DM" }), "oem"],
    [f({}), "unknown"],
  ])("%o -> %s", (facts, type) => expect(activationTypeOf(facts)).toBe(type));
});
