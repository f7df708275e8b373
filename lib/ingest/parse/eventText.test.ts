import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsedEventSchema } from "../../kms/parsed";
import { parseEventText } from "./eventText";
import { LOCAL_FIXTURES, SHARED_FIXTURES } from "@/tests/support/fixtures";
import { outcomeOf } from "@/tests/support/parseOutcome";
import { copiedEvent, ev, FIXTURE_EVENTS, SPP } from "@/tests/support/eventExpectations";

const local = (name: string) => readFileSync(`${LOCAL_FIXTURES}/events/${name}`, "utf8");
const shared = (name: string) => readFileSync(`${SHARED_FIXTURES}/events/${name}`, "utf8");

function parse(text: string) {
  const r = parseEventText(text);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  for (const e of r.value) parsedEventSchema.parse(e);
  return r;
}

/** A message pasted without its header: the fixture's data fields, nothing about where it was logged. */
const withoutHeader = { timeCreated: null, computer: null, log: null, provider: null };

describe("parseEventText: fixtures", () => {
  it("wevtutil /f:text, two events (12288 + 12289), CRLF", () => {
    const r = parse(local("client-ws-fin-0142.wevtutil-text.txt"));
    expect(r.value).toEqual([copiedEvent("client-12288-success.xml"), copiedEvent("client-12289-success.xml")]);
    expect(r.warnings).toEqual([
      "text event 1 (12288): Date carries no time zone; treated as UTC",
      "text event 2 (12289): Date carries no time zone; treated as UTC",
    ]);
    expect(r.unrecognized).toEqual([]);
  });

  it("Event Viewer copy: Event Xml wins (record id, UTC time), second event without XML", () => {
    const r = parse(local("host-12290.eventviewer-copy.txt"));
    expect(r.value).toEqual([
      FIXTURE_EVENTS["host-12290-success.xml"],
      copiedEvent("host-12290-insufficient-count.xml", { timeCreated: "2024-05-13T14:02:31.000Z" }),
    ]);
    expect(r.warnings).toEqual(["text event 2 (12290): Date carries no time zone; treated as UTC"]);
  });

  it("forum post: fences, > quotes, <br>, short Source name, label-less wrapped 12288", () => {
    const r = parse(local("branch-forum-post.md"));
    expect(r.value).toEqual([
      copiedEvent("host-12293-dns-publish-failure.xml", { timeCreated: "2024-05-13T09:15:02.000Z" }),
      copiedEvent("client-12288-branch-request.xml", withoutHeader),
    ]);
    expect(r.unrecognized).toEqual(["Hi all, our new branch KMS host keeps logging this one:"]);
  });

  it("Event Viewer clipboard flattened onto one line (12289 failure)", () => {
    const r = parse(local("client-12289-failure.flattened-copy.txt"));
    expect(r.value).toEqual([copiedEvent("client-12289-failure-insufficient-count.xml", { timeCreated: "2024-05-13T12:02:31.000Z" })]);
  });
});

describe("parseEventText: variants", () => {
  it("KB-style 12293: misspelt 'Managment', backtick domain, Info on the same line", () => {
    const r = parse(
      "> Source:  Security-SPP  \n> Event ID:  12293  \n> Publishing the Key Managment Service (KMS) to DNS in the `contoso.com` domain failed.  \n> Info:  0x80072338  \n>\n> 0x80072338: DNS_ERROR RCODE_BADSIG  \n",
    );
    expect(r.value).toEqual([ev({ eventId: 12293, provider: SPP, hresult: "0x80072338", domain: "contoso.com" })]);
  });

  it("infers the event id from the message when Event ID is missing (hard-wrapped GUID)", () => {
    const r = parse(
      "An activation request has been processed.\r\nInfo:\r\n0x0,25,WS-FIN-0142.corp.contoso.com,5e1c2a7b-3d94-4f1e-9b0a-\r\n6c8d2e7f4a13,2024/5/13 11:12,0,1,249120,73111121-5638-40f6-bc11-f1d7b0d64300",
    );
    expect(r.value).toEqual([copiedEvent("host-12290-success.xml", withoutHeader)]);
  });

  it("several label-less messages in one paste, Vista 'computer' wording", () => {
    const r = parse(
      [
        "The client has sent an activation request to the key management service computer.",
        "Info:",
        "0x0, 0x8, kms01.contoso.com:1688, 08c3bda0-c556-4b61-9e4e-7bf6d4df80be, 2006/1/14 2:30, 1, 2, 40123, cf67834d-db4a-402c-ab1f-2c134f02b700, 25",
        "The client has processed an activation response from the key management service computer.",
        "Info:",
        "0x0, 0x4000008, 0, 0, 4, 120, 10080, 1/14/2006 2:30",
      ].join("\n"),
    );
    expect(r.value.map((e) => [e.eventId, e.status, e.isVm, e.hostCurrentCount, e.clientTime])).toEqual([
      [12288, "0x00000008", true, null, "2006-01-14T02:30:00.000Z"],
      [12289, "0x04000008", null, 4, "2006-01-14T02:30:00.000Z"],
    ]);
  });

  it("Event ID label wins over a contradicting message, with a warning", () => {
    const r = parse(
      "Event ID: 12289\nDescription:\nThe client has sent an activation request to the key management service machine.\nInfo:\n0x0, 0x0, 1, 0, 50, 120, 10080, 2024/05/13 11:12",
    );
    expect(r.value[0]!.eventId).toBe(12289);
    expect(r.value[0]!.hostCurrentCount).toBe(50);
    expect(r.warnings).toEqual(["text event 1 (12289): Event ID 12289 but the message is the 12288 template; fields decoded as 12289"]);
  });

  it("wrong field count: decodes what is safe and warns", () => {
    const r = parse(
      "Event ID: 12288\nDescription:\nThe client has sent an activation request to the key management service machine.\nInfo:\n0xC004F074, 0x00000000, kms01.corp.contoso.com:1688",
    );
    expect(r.value).toEqual([
      ev({ eventId: 12288, hresult: "0xC004F074", status: "0x00000000", kmsHost: "kms01.corp.contoso.com", kmsPort: 1688 }),
    ]);
    expect(r.warnings).toEqual(["text event 1 (12288): expected 10 data fields, got 3; decoded what fits"]);
  });

  it("unknown Event ID still gives an event with its header fields", () => {
    const r = parse(
      "Log Name: Application\nSource: Microsoft-Windows-Security-SPP\nDate: 2024-05-13T09:14:58.000Z\nEvent ID: 1003\nComputer: KMS-BR2\nDescription:\nThe Software Protection service has completed licensing status check.",
    );
    expect(r.value).toEqual([
      ev({ eventId: 1003, timeCreated: "2024-05-13T09:14:58.000Z", computer: "KMS-BR2", log: "Application", provider: SPP }),
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("bare event XML pasted into the text box goes through the XML parser", () => {
    const r = parse(shared("host-kms01-keymanagementservice-log.multi.xml"));
    expect(r.value.map((e) => e.recordId)).toEqual([884206, 884207, 884208, 884209, 884210, 884211, 884212, 884213]);
  });

  it("HTML-escaped Event Xml from a page source copy", () => {
    const xml = shared("client-12288-success.xml").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const r = parse(`Event ID: 12288<br>Event Xml:<br>${xml}`);
    expect(r.value[0]!.recordId).toBe(51877);
    expect(r.value[0]!.cmid).toBe("5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13");
  });
});

describe("parseEventText: refusals and hostile input", () => {
  const code = outcomeOf(parseEventText);
  it("empty, too large, unrelated, binary", () => {
    expect(code("")).toBe("empty");
    expect(code(" \n```\n```\n> \n")).toBe("empty");
    expect(code("x".repeat(10_000_000))).toBe("too_large");
    expect(code("Hello, my printer is broken.")).toBe("not_recognized");
    let bin = "";
    for (let i = 0; i < 4000; i++) bin += String.fromCharCode((i * 131) % 256);
    expect(code(bin)).toBe("not_recognized");
    expect(code(undefined as unknown as string)).toBe("malformed");
  });

  it("1.5 MB of noise finishes (no hang)", () => {
    const inputs = [
      "Log Name: x ".repeat(125_000),
      "An activation request has been processed. Info: ".repeat(30_000),
      "Publishing the Key Management Service (KMS) to DNS in the ".repeat(25_000),
      "> ".repeat(750_000),
      `Event ID: 12288\nInfo:\n${"0x0, ".repeat(300_000)}`,
      "<br>".repeat(375_000),
    ];
    for (const input of inputs) {
      const r = parseEventText(input);
      if (r.ok) for (const e of r.value) parsedEventSchema.parse(e);
    }
  });
});
