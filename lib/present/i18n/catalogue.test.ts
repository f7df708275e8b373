import { describe, expect, it } from "vitest";
import en from "@/lib/core/i18n/messages/en.json";
import fr from "@/lib/core/i18n/messages/fr.json";
import { KNOWN_HRESULTS } from "@/lib/kms/hresults";
import { errorCodes } from "@/lib/core/errors";
import { compareCatalogues, placeholders } from "./catalogue";

describe("message catalogues", () => {
  it("English and French hold the same keys with the same placeholders", () => {
    expect(compareCatalogues({ en, fr })).toEqual([]);
  });

  it("reports a key missing in one language and a placeholder renamed in the other", () => {
    const problems = compareCatalogues({
      en: { nav: { hosts: "KMS hosts", clients: "{count} clients" } },
      fr: { nav: { clients: "{total} clients" } },
    });
    expect(problems).toEqual([
      { key: "nav.clients", problem: "placeholders differ: en {count} / fr {total}" },
      { key: "nav.hosts", problem: "missing in fr" },
    ]);
  });

  it("reads plural arguments and rich-text tags, not the words inside plural branches", () => {
    expect(placeholders("{count, plural, one {# host} other {# hosts}} on {host}, see <code>slmgr</code>")).toEqual([
      "<code>",
      "count",
      "host",
    ]);
  });

  it("has a meaning for every known HRESULT and a text for every API error code, in each language", () => {
    for (const messages of [en, fr]) {
      expect(Object.keys(messages.hresults).sort()).toEqual([...KNOWN_HRESULTS.keys()].sort());
      expect(Object.keys(messages.errors).sort()).toEqual([...Object.keys(errorCodes), "http_error", "network"].sort());
    }
    expect(fr.hresults["0xC004F038"]).toContain("Décompte KMS");
  });
});
