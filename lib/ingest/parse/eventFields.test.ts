import { describe, expect, it } from "vitest";
import { decodeEventData, findTemplate, normalizeGuid, parseClientTime, parseEventTime, splitHostPort } from "./eventFields";

const collect = () => {
  const warnings: string[] = [];
  return { warnings, warn: (m: string) => warnings.push(m) };
};

describe("times", () => {
  it.each([
    ["2024/5/13 11:12", "2024-05-13T11:12:00.000Z"],
    ["2024/05/13 09:58", "2024-05-13T09:58:00.000Z"],
    ["2024/5/13 9:58", "2024-05-13T09:58:00.000Z"],
    ["2024/5/13 9:58:07", "2024-05-13T09:58:07.000Z"],
    ["1/14/2006 2:30", "2006-01-14T02:30:00.000Z"],
  ])("ClientTime %s", (input, iso) => expect(parseClientTime(input)).toBe(iso));

  it.each(["", "2024/2/30 10:00", "2024/5/13 24:00", "2024/5/13", "13/05/2024 10:00", "soon"])("bad ClientTime %j", (input) => {
    expect(parseClientTime(input)).toBeNull();
  });

  it.each([
    ["2024-05-13T11:12:44.1234560Z", "2024-05-13T11:12:44.123Z", true],
    ["2024-05-13T11:12:44Z", "2024-05-13T11:12:44.000Z", true],
    ["2024-05-13T13:12:44.5+02:00", "2024-05-13T11:12:44.500Z", true],
    ["2024-05-13T11:12:44.123", "2024-05-13T11:12:44.123Z", false],
    ["5/13/2024 11:12:44 AM", "2024-05-13T11:12:44.000Z", false],
    ["5/13/2024 12:05:00 AM", "2024-05-13T00:05:00.000Z", false],
    ["5/13/2024 1:12:44 PM", "2024-05-13T13:12:44.000Z", false],
    ["13/05/2024 13:12:44", "2024-05-13T13:12:44.000Z", false],
  ])("event time %s", (input, iso, zoned) => expect(parseEventTime(input)).toEqual({ iso, zoned }));

  it("rejects impossible event times", () => {
    expect(parseEventTime("2024-13-01T00:00:00Z")).toBeNull();
    expect(parseEventTime("5/13/2024 13:00:00 PM")).toBeNull();
    expect(parseEventTime("yesterday")).toBeNull();
  });
});

describe("small decoders", () => {
  it("host:port", () => {
    expect(splitHostPort("kms01.corp.contoso.com:1688")).toEqual({ host: "kms01.corp.contoso.com", port: 1688 });
    expect(splitHostPort("KMS01")).toEqual({ host: "KMS01", port: null });
    expect(splitHostPort("[fe80::1]:1688")).toEqual({ host: "[fe80::1]", port: 1688 });
    expect(splitHostPort("kms:99999")).toBeNull();
  });
  it("GUIDs", () => {
    expect(normalizeGuid("{08C3BDA0-C556-4B61-9E4E-7BF6D4DF80BE}")).toBe("08c3bda0-c556-4b61-9e4e-7bf6d4df80be");
    expect(normalizeGuid("08c3bda0-c556")).toBeNull();
  });
  it("templates, including the 12293 domain", () => {
    expect(findTemplate("x\nAn activation request\nhas been processed.")).toMatchObject({ eventId: 12290, index: 2 });
    expect(findTemplate("Publishing the Key Management Service (KMS) to DNS in the 'corp.contoso.com' domain failed.")).toMatchObject({
      eventId: 12293,
      domain: "corp.contoso.com",
    });
    expect(findTemplate("nothing here")).toBeNull();
  });
});

/** The nine individual Data elements of a 12290 from PC1, with the two numbers a test varies. */
const pc1Data = ({ minCount, minutesToExpiry }: { minCount: string; minutesToExpiry: string }) => [
  "0x0",
  minCount,
  "PC1",
  "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d",
  "2024/5/13 9:58",
  "0",
  "1",
  minutesToExpiry,
  "9bd77860-9b31-4b7b-96ad-2564017315bf",
];

describe("decodeEventData", () => {
  it("12290 falls back to splitting Data[0] when the individual fields are missing", () => {
    const { warn, warnings } = collect();
    expect(
      decodeEventData(
        12290,
        [
          "0x0,5,SRV-SQL-07.corp.contoso.com,6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d,2024/5/13 9:58,0,1,251003,9bd77860-9b31-4b7b-96ad-2564017315bf",
        ],
        warn,
      ),
    ).toEqual({
      hresult: "0x00000000",
      minCount: 5,
      clientFqdn: "SRV-SQL-07.corp.contoso.com",
      cmid: "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d",
      clientTime: "2024-05-13T09:58:00.000Z",
      isVm: false,
      licenseStatus: "Licensed",
      minutesToExpiry: 251003,
      activationId: "9bd77860-9b31-4b7b-96ad-2564017315bf",
    });
    expect(warnings).toEqual([]);
  });
  it("12290 prefers Data[1..9] over a disagreeing Data[0]", () => {
    const { warn } = collect();
    const d = decodeEventData(12290, ["0x0,25,OLD,6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d", "0xC004F038", "25", "NEW"], warn);
    expect(d).toMatchObject({ hresult: "0xC004F038", minCount: 25, clientFqdn: "NEW", cmid: "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d" });
  });
  it("numbers beyond the int4 columns they go to are left empty with a warning, not stored to fail the batch", () => {
    const { warn, warnings } = collect();
    const d = decodeEventData(12290, pc1Data({ minCount: "99999999999", minutesToExpiry: "2147483648" }), warn);
    expect(d).toMatchObject({ clientFqdn: "PC1" });
    expect(d.minCount ?? null).toBeNull();
    expect(d.minutesToExpiry ?? null).toBeNull();
    expect(warnings.filter((w) => w.includes("is not valid"))).toHaveLength(2);
    expect(decodeEventData(12290, pc1Data({ minCount: "25", minutesToExpiry: "2147483647" }), warn)).toMatchObject({
      minCount: 25,
      minutesToExpiry: 2147483647,
    });
  });
  it("12290 with only the nine individual Data elements (no joined string)", () => {
    const { warn, warnings } = collect();
    const d = decodeEventData(12290, pc1Data({ minCount: "25", minutesToExpiry: "10" }), warn);
    expect(d).toMatchObject({ clientFqdn: "PC1", minutesToExpiry: 10 });
    expect(warnings).toEqual(["Data[0] is not the joined string; read the Data elements as individual fields"]);
  });
  it("extra fields are ignored with a warning; empty data decodes nothing", () => {
    const { warn, warnings } = collect();
    expect(decodeEventData(12293, ["0x80072338", "contoso.com", "extra"], warn)).toEqual({ hresult: "0x80072338", domain: "contoso.com" });
    expect(decodeEventData(12289, [], warn)).toEqual({});
    expect(decodeEventData(4242, ["a"], warn)).toEqual({});
    expect(warnings).toEqual(["expected 2 data fields, got 3; decoded what fits", "no data fields (expected 8)"]);
  });
});
