import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsedEventSchema, type ParsedEvent } from "../../kms/parsed";
import { parseEventXml, parseOneEvent, type EventXmlItem } from "./eventXml";
import { LOCAL_FIXTURES, SHARED_FIXTURES } from "@/tests/support/fixtures";
import { ev, FIXTURE_EVENTS, SPP, WIN_ENT } from "@/tests/support/eventExpectations";

const shared = (name: string) => readFileSync(`${SHARED_FIXTURES}/events/${name}`, "utf8");
const local = (name: string) => readFileSync(`${LOCAL_FIXTURES}/events/${name}`, "utf8");

function events(input: string): { items: EventXmlItem[]; ok: ParsedEvent[]; warnings: string[]; unrecognized: string[] } {
  const r = parseEventXml(input);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  const ok = r.value.flatMap((i) => (i.ok ? [i.event] : []));
  for (const e of ok) parsedEventSchema.parse(e);
  return { items: r.value, ok, warnings: r.warnings, unrecognized: r.unrecognized };
}

const single = Object.entries(FIXTURE_EVENTS);

describe("parseEventXml: shared fixtures", () => {
  it.each(single)("%s", (name, expected) => {
    const text = shared(name);
    const { items, ok, warnings } = events(text);
    expect(items).toHaveLength(1);
    expect(ok).toEqual([expected]);
    expect(warnings).toEqual([]);
    expect(items[0]!.raw).toBe(text.replace(/\r\n$/, ""));
  });

  it("client-12288-failure-rpc-unavailable.renderedxml.xml gives the same event as the plain one", () => {
    const { items, ok } = events(shared("client-12288-failure-rpc-unavailable.renderedxml.xml"));
    expect(ok).toEqual([FIXTURE_EVENTS["client-12288-failure-rpc-unavailable.xml"]]);
    expect(items[0]!.raw).toContain("<RenderingInfo Culture='en-US'>");
  });

  const host = (
    recordId: number,
    time: string,
    fqdn: string,
    cmid: string,
    clientTime: string,
    isVm: boolean,
    licenseStatus: ParsedEvent["licenseStatus"],
    minutesToExpiry: number,
    activationId: string,
    minCount: number,
    hresult = "0x00000000",
  ) =>
    ev({
      eventId: 12290,
      recordId,
      timeCreated: time,
      computer: "KMS01.corp.contoso.com",
      log: "Key Management Service",
      provider: SPP,
      hresult,
      minCount,
      clientFqdn: fqdn,
      cmid,
      clientTime,
      isVm,
      licenseStatus,
      minutesToExpiry,
      activationId,
    });
  const multiExpected = [
    host(
      884206,
      "2024-05-13T09:58:12.300Z",
      "SRV-SQL-07.corp.contoso.com",
      "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d",
      "2024-05-13T09:58:00.000Z",
      false,
      "Licensed",
      251003,
      "9bd77860-9b31-4b7b-96ad-2564017315bf",
      5,
    ),
    host(
      884207,
      "2024-05-13T10:04:40.010Z",
      "VDI-POOL-113.corp.contoso.com",
      "f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b",
      "2024-05-13T10:04:00.000Z",
      true,
      "InitialGrace",
      43195,
      WIN_ENT,
      25,
    ),
    host(
      884208,
      "2024-05-13T10:20:05.500Z",
      "WS-CLONE-01.corp.contoso.com",
      "11111111-2222-4333-8444-555555555555",
      "2024-05-13T10:20:00.000Z",
      false,
      "InitialGrace",
      41870,
      WIN_ENT,
      25,
    ),
    host(
      884209,
      "2024-05-13T10:21:47.900Z",
      "WS-CLONE-02.corp.contoso.com",
      "11111111-2222-4333-8444-555555555555",
      "2024-05-13T10:21:00.000Z",
      false,
      "InitialGrace",
      41905,
      WIN_ENT,
      25,
    ),
    host(
      884210,
      "2024-05-13T10:48:31.120Z",
      "WS-DRIFT-22.corp.contoso.com",
      "98a7b6c5-d4e3-4f2a-8b1c-0d9e8f7a6b5c",
      "2024-05-13T10:48:00.000Z",
      false,
      "InitialGrace",
      36020,
      WIN_ENT,
      25,
      "0xC004F06C",
    ),
    host(
      884211,
      "2024-05-13T10:02:17.390Z",
      "WS-ENG-0211.corp.contoso.com",
      "2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b",
      "2024-05-13T10:02:00.000Z",
      false,
      "Licensed",
      249120,
      WIN_ENT,
      25,
    ),
    // The log holds the single-event fixture's request too.
    FIXTURE_EVENTS["host-12290-success.xml"],
    host(
      884213,
      "2024-05-13T11:13:05.700Z",
      "WS-FIN-0142.corp.contoso.com",
      "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
      "2024-05-13T11:13:00.000Z",
      false,
      "Licensed",
      249120,
      "d450596f-894d-49e0-966a-fd39ed4c4c64",
      5,
    ),
  ];

  it.each(["host-kms01-keymanagementservice-log.multi.xml", "host-kms01-keymanagementservice-log.multi.rooted.xml"])(
    "%s: the 8 host events",
    (name) => {
      const { items, ok, warnings, unrecognized } = events(shared(name));
      expect(ok).toEqual(multiExpected);
      expect(warnings).toEqual([]);
      expect(unrecognized).toEqual([]);
      expect(items.map((i) => i.raw).join("")).toBe(shared("host-kms01-keymanagementservice-log.multi.xml").trimEnd());
    },
  );

  it("accepts CRLF / blank lines between back-to-back events", () => {
    const raws = events(shared("host-kms01-keymanagementservice-log.multi.xml")).items.map((i) => i.raw);
    const { ok } = events(`${raws.join("\r\n\r\n")}\r\n`);
    expect(ok).toEqual(multiExpected);
  });
});

describe("parseEventXml: variants", () => {
  it("$event.ToXml() style: BOM, declaration, double quotes, pretty-printed, short hex", () => {
    const { items, ok, warnings } = events(local("client-12289.toxml-doublequotes-bom.xml"));
    // The same event as the shared fixture, written by PowerShell instead of wevtutil.
    expect(ok).toEqual([FIXTURE_EVENTS["client-12289-failure-insufficient-count.xml"]]);
    expect(warnings).toEqual([]);
    expect(items[0]!.raw.startsWith('<Event xmlns="')).toBe(true);
    expect(items[0]!.raw.endsWith("</Event>")).toBe(true);
  });

  it("Vista provider (Security-Licensing-SLC), braced upper-case CMID, VM flag", () => {
    const { ok, warnings } = events(local("client-12288.vista-slc.xml"));
    expect(ok).toEqual([
      ev({
        eventId: 12288,
        recordId: 311,
        timeCreated: "2008-03-02T08:30:12.000Z",
        computer: "VISTA-PC-01.contoso.com",
        log: "Application",
        provider: "Microsoft-Windows-Security-Licensing-SLC",
        hresult: "0x00000000",
        status: "0x00000008",
        kmsHost: "KMS01.contoso.com",
        kmsPort: 1688,
        cmid: "08c3bda0-c556-4b61-9e4e-7bf6d4df80be",
        clientTime: "2008-03-02T08:30:00.000Z",
        isVm: true,
        licenseStatus: "InitialGrace",
        minutesToExpiry: 40123,
        activationId: "cf67834d-db4a-402c-ab1f-2c134f02b700",
        minCount: 25,
      }),
    ]);
    expect(warnings).toEqual([]);
  });

  it("unknown EventID, Data[0]-only 12290, short 12288, truncated tail: each handled on its own", () => {
    const { items, ok, warnings } = events(local("mixed-kms-br2.crlf-truncated.xml"));
    expect(items.map((i) => i.ok)).toEqual([true, true, true, true, false]);
    expect(ok[0]).toEqual(
      ev({
        eventId: 1003,
        recordId: 40230,
        timeCreated: "2024-05-13T09:14:58.000Z",
        computer: "KMS-BR2.branch.contoso.com",
        log: "Application",
        provider: SPP,
      }),
    );
    expect(ok[1]).toEqual(
      ev({
        eventId: 12290,
        recordId: 78,
        timeCreated: "2024-05-13T12:40:00.000Z",
        computer: "KMS-BR2.branch.contoso.com",
        log: "Key Management Service",
        provider: SPP,
        hresult: "0xC004F038",
        minCount: 25,
        clientFqdn: "WS-BR2-0004.branch.contoso.com",
        cmid: "a1b2c3d4-e5f6-4789-8abc-def012345678",
        clientTime: "2024-05-13T12:40:00.000Z",
        isVm: true,
        licenseStatus: "InitialGrace",
        minutesToExpiry: 39559,
        activationId: WIN_ENT,
      }),
    );
    expect(ok[2]).toEqual(
      ev({
        eventId: 12288,
        recordId: 1310,
        timeCreated: "2024-05-13T12:45:00.000Z",
        computer: "WS-BR2-0005.branch.contoso.com",
        log: "Application",
        provider: SPP,
        hresult: "0xC004F074",
        status: "0x00000000",
        kmsHost: "kms-br2.branch.contoso.com",
        kmsPort: 1688,
        cmid: "b2c3d4e5-f6a7-4890-9bcd-ef0123456789",
        clientTime: "2024-05-13T12:45:00.000Z",
        isVm: false,
      }),
    );
    expect(ok[3]).toEqual(
      ev({
        eventId: 12293,
        recordId: 40234,
        timeCreated: "2024-05-13T10:15:02.000Z",
        computer: "KMS-BR2.branch.contoso.com",
        log: "Application",
        provider: SPP,
        hresult: "0x80072338",
        domain: "branch.contoso.com",
      }),
    );
    const last = items[4]!;
    expect(last.ok ? "" : last.error).toMatch(/truncated/);
    expect(last.raw.startsWith("<Event ")).toBe(true);
    expect(last.raw.endsWith("WS-BR2-00")).toBe(true);
    expect(warnings).toEqual([
      "event 1003 #40230: not a KMS activation event (12288/12289/12290/12293); only System fields were read",
      "event 12288 #1310: expected 10 data fields, got 6; decoded what fits",
      "1 of 5 events could not be parsed",
    ]);
  });

  it("bad values inside one event are nulled with a warning, the rest still decodes", () => {
    const xml = shared("client-12288-success.xml").replace("2024/05/13 11:12", "2024/13/45 99:99").replace(", 0, 1,", ", 0, 9,");
    const { ok, warnings } = events(xml);
    expect(ok[0]!.clientTime).toBeNull();
    expect(ok[0]!.licenseStatus).toBeNull();
    expect(ok[0]!.minutesToExpiry).toBe(249120);
    expect(warnings).toEqual([
      'event 12288 #51877: ClientTime "2024/13/45 99:99" is not valid; left empty',
      'event 12288 #51877: LicensingStatus "9" is not valid; left empty',
    ]);
  });

  it("invalid XML in one event does not fail its neighbours", () => {
    const good = shared("client-12289-success.xml").trim();
    const bad = good.replace("<Computer>", "<Computer><Oops>");
    const { items } = events(good + bad + good);
    expect(items.map((i) => i.ok)).toEqual([true, false, true]);
    expect(items[1]!.ok ? "" : items[1]!.error).toMatch(/^invalid XML/);
    expect(items[1]!.raw).toBe(bad);
  });

  it("truncated mid-event after complete events keeps the complete ones", () => {
    const full = shared("host-kms01-keymanagementservice-log.multi.xml");
    const cut = full.slice(0, full.indexOf("WS-CLONE-02") + 4);
    const { items, ok } = events(cut);
    expect(ok.map((e) => e.recordId)).toEqual([884206, 884207, 884208]);
    expect(items).toHaveLength(4);
    expect(items[3]!.ok).toBe(false);
  });

  it("reports text outside events as unrecognized", () => {
    const r = events(`PS C:\\> wevtutil qe Application\n${shared("client-12289-success.xml")}\nDone.`);
    expect(r.ok).toHaveLength(1);
    expect(r.unrecognized).toEqual(["PS C:\\> wevtutil qe Application", "Done."]);
  });
});

describe("parseOneEvent: XML details", () => {
  const dns = shared("host-12293-dns-publish-failure.xml").trim();
  const one = (raw: string) => {
    const warnings: string[] = [];
    const item = parseOneEvent(raw, warnings);
    return { item, event: item.ok ? item.event : null, error: item.ok ? null : item.error, warnings };
  };

  it("namespace prefixes, comments, CDATA and entities read like the plain event", () => {
    const plain = one(dns).event;
    const prefixed = dns
      .replace("<Event xmlns=", "<ev:Event xmlns:ev='x' xmlns=")
      .replace(/<(\/?)(System|EventID|Computer|EventData|Data)\b/g, "<$1ev:$2")
      .replace("</Event>", "</ev:Event>")
      .replace("Provider Name=", "Provider ev:Name=")
      .replace("<ev:System>", "<ev:System><!-- exported by hand -->")
      .replace("KMS-BR2.branch", " <![CDATA[KMS-BR2]]>.branch")
      .replace(">branch.contoso.com<", ">&#x62;ranch.contoso&#46;com<");
    expect(one(prefixed)).toEqual({ item: { ok: true, event: plain, raw: prefixed }, event: plain, error: null, warnings: [] });
  });

  it("an unknown entity stays literal text instead of failing the event", () => {
    expect(one(dns.replace("KMS-BR2.branch", "KMS&nbsp;BR2.branch")).event?.computer).toBe("KMS&nbsp;BR2.branch.contoso.com");
  });

  it("a repeated field is ambiguous and read as missing; an empty <System/> is no block", () => {
    expect(one(dns.replace(/(<Computer>.*?<\/Computer>)/, "$1$1")).event?.computer).toBeNull();
    expect(one(dns.replace(/(<EventID.*?<\/EventID>)/, "$1$1")).error).toBe("no numeric <EventID>");
    expect(one("<Event><System/></Event>").error).toBe("no <System> block");
    expect(one("<Event><System><!-- x --></System></Event>").error).toBe("no <System> block");
    expect(one("<Event><System Q='1'/></Event>").error).toBe("no numeric <EventID>");
  });

  it("malformed XML names the problem and its line; deep nesting is refused", () => {
    expect(one("<Event>\n<System>\n<EventID>1</EventID>\n<Computer>x</Oops>\n</System></Event>").error).toBe(
      "invalid XML: unexpected close tag. (line 4)",
    );
    expect(one(dns.replace("KMS-BR2.branch", "\nKMS & BR2")).error).toBe('invalid XML: stray "&" (write it as &amp;) (line 2)');
    const deep = dns.replace("<EventData>", `<EventData>${"<x>".repeat(150)}${"</x>".repeat(150)}`);
    expect(one(deep).error).toBe("could not parse: elements nested more than 100 levels below the root");
  });
});
