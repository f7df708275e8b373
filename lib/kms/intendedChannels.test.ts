import { describe, expect, it } from "vitest";
import { channelKindOf, describeIntendedEntry, entryCovers, intendedChannelInputSchema, intendedEntryFor } from "./intendedChannels";

const mak = { channel: "VOLUME_MAK", productKeyChannel: "Volume:MAK" };

describe("channelKindOf", () => {
  it("reads MAK, retail and OEM from either source, and nothing from a GVLK or CSVLK", () => {
    expect(channelKindOf("VOLUME_MAK", null)).toBe("MAK");
    expect(channelKindOf(null, "Volume:MAK")).toBe("MAK");
    expect(channelKindOf("RETAIL", "Retail")).toBe("RETAIL");
    expect(channelKindOf("OEM_DM", "OEM:DM")).toBe("OEM");
    expect(channelKindOf("VOLUME_KMSCLIENT", "Volume:GVLK")).toBeNull();
    expect(channelKindOf("VOLUME_KMS_WS22", "Volume:CSVLK")).toBeNull();
    expect(channelKindOf(null, null)).toBeNull();
  });
});

describe("entryCovers / intendedEntryFor", () => {
  it("matches a name pattern against the short name or the FQDN, case-insensitively", () => {
    expect(entryCovers({ machinePattern: "LT-*", domain: null }, "lt-sales-0001.corp.contoso.com")).toBe(true);
    expect(entryCovers({ machinePattern: "lt-sales-00??", domain: null }, "LT-SALES-0001.corp.contoso.com")).toBe(true);
    expect(entryCovers({ machinePattern: "LT-*", domain: null }, "ws-0001.corp.contoso.com")).toBe(false);
    // A dot in the pattern is literal, not "any character".
    expect(entryCovers({ machinePattern: "a.b", domain: null }, "axb")).toBe(false);
  });

  it("a domain covers its own machines, not a look-alike suffix", () => {
    expect(entryCovers({ machinePattern: null, domain: "sales.contoso.com" }, "lt-1.sales.contoso.com")).toBe(true);
    expect(entryCovers({ machinePattern: null, domain: "sales.contoso.com" }, "lt-1.presales.contoso.com")).toBe(false);
    expect(entryCovers({ machinePattern: "LT-*", domain: "sales.contoso.com" }, "ws-1.sales.contoso.com")).toBe(false);
  });

  it("only an entry of the machine's own channel makes it intended", () => {
    const entries = [
      { channel: "RETAIL" as const, machinePattern: null, domain: null },
      { channel: "MAK" as const, machinePattern: "LT-*", domain: null },
    ];
    expect(intendedEntryFor(entries, { fqdn: "lt-9.contoso.com", ...mak })).toBe(entries[1]);
    expect(intendedEntryFor(entries, { fqdn: "ws-9.contoso.com", ...mak })).toBeNull();
    expect(
      intendedEntryFor(entries, { fqdn: "lt-9.contoso.com", channel: "VOLUME_KMSCLIENT", productKeyChannel: "Volume:GVLK" }),
    ).toBeNull();
    expect(intendedEntryFor(entries, { fqdn: "ws-9.contoso.com", channel: "RETAIL", productKeyChannel: "Retail" })).toBe(entries[0]);
  });
});

describe("intendedChannelInputSchema", () => {
  it("accepts a channel with an optional group, and refuses other channels and odd patterns", () => {
    expect(intendedChannelInputSchema.parse({ channel: "MAK", domain: "Sales.Contoso.com" })).toEqual({
      channel: "MAK",
      machinePattern: null,
      domain: "sales.contoso.com",
      note: null,
    });
    expect(intendedChannelInputSchema.safeParse({ channel: "GVLK" }).success).toBe(false);
    expect(intendedChannelInputSchema.safeParse({ channel: "MAK", machinePattern: "LT-*; DROP" }).success).toBe(false);
    expect(intendedChannelInputSchema.safeParse({ channel: "MAK", domain: "a..b" }).success).toBe(false);
  });

  it("describes an entry in the words findings use", () => {
    expect(describeIntendedEntry({ channel: "MAK", machinePattern: "LT-*", domain: "sales.contoso.com" })).toBe(
      "MAK intended for machines LT-* in sales.contoso.com",
    );
    expect(describeIntendedEntry({ channel: "OEM", machinePattern: null, domain: null })).toBe("OEM intended for every machine");
  });
});
