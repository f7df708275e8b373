import { describe, expect, it } from "vitest";
import { readShapes } from "./shapes";
import { previewParse } from "./preview";
import { shared } from "../../../tests/support/dlvFixtures";

const CMID = "2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b";

describe("readShapes", () => {
  it("reads a CMID, a partial key, a host:port and an error code from lines of any language", () => {
    const { fields } = readShapes([
      "Aktivierungs-ID: 73111121-5638-40f6-bc11-f1d7b0d64300",
      "Anwendungs-ID: 55c92734-d682-4d71-983e-d6ec3f16059f",
      `クライアント コンピューター ID (CMID): ${CMID.toUpperCase()}`,
      "Teil-Produktschlüssel: 2YT43",
      "Nombre de equipo KMS registrado: kms01.corp.contoso.com:1688",
      "Fehler: 0xc004f038",
    ]);
    expect(fields).toEqual({
      cmid: CMID,
      hresult: "0xC004F038",
      partialProductKey: "2YT43",
      kmsHost: "kms01.corp.contoso.com",
      kmsPort: 1688,
    });
  });

  it("does not take the Windows application ID, a known activation ID, a time or a success code", () => {
    const { fields } = readShapes([
      "ID: 55c92734-d682-4d71-983e-d6ec3f16059f",
      "ID: 73111121-5638-40f6-bc11-f1d7b0d64300",
      "Zeit: 5/13/2024 9:05:44 AM",
      "Status: 0x00000000",
      "Wort: HELLO",
    ]);
    expect(fields).toEqual({ cmid: null, hresult: null, partialProductKey: null, kmsHost: null, kmsPort: null });
  });

  it("leaves an ambiguous field unknown and says so", () => {
    const { fields, ambiguous } = readShapes([`a: ${CMID}`, "b: 0e9b6c7a-1111-4222-8333-944455556666"]);
    expect(fields.cmid).toBeNull();
    expect(ambiguous.join(" ")).toContain("CMID");
  });

  it("reads through forum markup: escaped underscores, backticks, bold, quotes", () => {
    const { fields } = readShapes(["**Clé partielle :** `B8CQX`", "> hôte KMS : 'kms\\_br2.branch.contoso.com:1688'"]);
    expect(fields.partialProductKey).toBe("B8CQX");
    expect(fields.kmsPort).toBe(1688);
  });
});

describe("previewParse with the shape fallback", () => {
  it("fills only what no label gave, and names it in readByShape", () => {
    const text = `${shared("client-kms-initial-grace-unreachable.en-US.txt")}\nFehler: 0xC004F074\n`;
    const preview = previewParse({ type: "dlv", text });
    expect("products" in preview && preview.products[0]?.hresult).toBe("0xC004F074");
    expect(preview.readByShape).toEqual(["hresult (0x + 8 hex digits: the last activation error)"]);
  });

  it("a label always wins over a shape: a labelled CMID is not replaced by another GUID in an unknown line", () => {
    const text = `${shared("client-kms-licensed-registered.en-US.txt")}\nIrgendwas: 0e9b6c7a-1111-4222-8333-944455556666\n`;
    const preview = previewParse({ type: "dlv", text });
    expect("products" in preview && preview.products[0]?.cmid).toBe(CMID);
    expect(preview.readByShape).toEqual([]);
  });

  it("a /dlv wrapped by a narrow console and quoted in a forum still reads the error by shape", () => {
    const quoted =
      `${shared("client-kms-initial-grace-unreachable.en-US.txt")}\nError: 0xC004F038 On a computer running Microsoft Windows non-core edition`
        .split(/\r?\n/)
        .map((l) => `> ${l}`)
        .join("<br>\n");
    const preview = previewParse({ type: "dlv", text: quoted });
    expect("products" in preview && preview.products[0]?.hresult).toBe("0xC004F038");
  });

  it("text with no /dlv label and no CMID-plus-something shape is still refused (422), not guessed", () => {
    expect(() => previewParse({ type: "dlv", text: `just a GUID ${CMID}` })).toThrow(/not_recognized/);
    expect(() => previewParse({ type: "dlv", text: "hello world" })).toThrow(/not_recognized/);
  });
});

describe("event text read by the shape of its data", () => {
  it("a German 12288 wrapped by a forum (GUID split across lines, > quotes) is still a 12288 with its fields", () => {
    const text = [
      "> Protokollname: Application",
      "> Computer: WS-BR2-0007.branch.contoso.com",
      "> Beschreibung: Der Client hat eine Aktivierungsanforderung gesendet.",
      "> Info: 0x00000000, 0x00000000, kms-br2.branch.contoso.com:1688, e0f1a2b3-c4d5-4e6f-",
      "> 8a9b-0c1d2e3f4a5b, 2024/05/13 12:02, 0, 2, 39597,",
      "> 73111121-5638-40f6-bc11-f1d7b0d64300, 25",
    ].join("<br>\n");
    const preview = previewParse({ type: "eventText", text });
    expect("events" in preview && preview.events[0]).toMatchObject({
      eventId: 12288,
      kmsHost: "kms-br2.branch.contoso.com",
      kmsPort: 1688,
      cmid: "e0f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b",
      minCount: 25,
      computer: "WS-BR2-0007.branch.contoso.com",
    });
    expect(preview.readByShape.join(" ")).toContain("eventId");
  });

  it("text without an event's data shape is still refused", () => {
    expect(() => previewParse({ type: "eventText", text: "Bonjour, mon ordinateur ne s'active pas : 0xC004F038" })).toThrow(
      /not_recognized/,
    );
  });
});
