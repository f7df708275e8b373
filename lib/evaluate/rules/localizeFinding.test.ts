import { describe, expect, it } from "vitest";
import { translate } from "@/lib/core/i18n/translate";
import { diagnoseClient, diagnoseHost } from "./index";
import { NOW, client, host } from "../../../tests/support/diagnosisFacts";
import { localizeFinding, localizeRuleTitle } from "@/lib/kms/localizeFinding";

const notLicensed = () => diagnoseHost(host({ licenseStatus: "Notification", notificationReason: "0xC004F009" }), NOW)[0]!;

describe("localizeFinding", () => {
  it("renders a finding in English exactly as the rule's stored text", () => {
    const f = notLicensed();
    expect(localizeFinding(f, translate("en"))).toEqual({ title: f.title, cause: f.cause, fix: f.fix });
  });

  it("renders it in French with this machine's values filled in", () => {
    const fr = localizeFinding(notLicensed(), translate("fr"));
    expect(fr.title).toBe("L’hôte KMS n’est pas activé");
    expect(fr.cause).toContain("est Notification, et non Licensed ; raison : 0xC004F009 (Période de grâce expirée (Notification))");
    expect(fr.fix).toContain("`slmgr.vbs /ato`");
    for (const text of Object.values(fr)) expect(text).not.toMatch(/[{}]/);
  });

  it("fills plurals and nested parts per language", () => {
    const [f] = diagnoseHost(host({ unreachableClients24h: 3 }), NOW);
    expect(f?.cause).toMatch(/^3 clients could not reach this host/);
    expect(localizeFinding(f!, translate("fr")).cause).toMatch(/^3 clients n’ont pas pu atteindre cet hôte/);
    const [one] = diagnoseHost(host({ unreachableClients24h: 1 }), NOW);
    expect(localizeFinding(one!, translate("fr")).cause).toMatch(/^1 client n’a pas pu atteindre/);
  });

  it("falls back to the stored English text for an alert stored without messages or with an unknown key", () => {
    const { messages: _dropped, ...old } = notLicensed();
    expect(localizeFinding(old, translate("fr"))).toEqual({ title: old.title, cause: old.cause, fix: old.fix });
    const renamed = { ...notLicensed(), messages: { ...notLicensed().messages!, cause: { key: "findings.rules.gone.cause" } } };
    const fr = localizeFinding(renamed, translate("fr"));
    expect(fr.cause).toBe(renamed.cause);
    expect(fr.title).toBe("L’hôte KMS n’est pas activé");
  });

  it("falls back when a stored reference lacks a value its message now needs", () => {
    const [f] = diagnoseClient(client({ cmid: "c-1", cmidMachines: 4 }), NOW);
    const stale = { ...f!, messages: { ...f!.messages!, cause: { key: f!.messages!.cause.key } } };
    expect(localizeFinding(stale, translate("fr")).cause).toBe(f!.cause);
  });
});

describe("localizeRuleTitle", () => {
  it("names a rule in the reader's language, and keeps the stored title for unknown rules", () => {
    expect(localizeRuleTitle("host-idle", "No client has contacted the KMS host recently", translate("fr"))).toBe(
      "Aucun client n’a contacté l’hôte KMS récemment",
    );
    expect(localizeRuleTitle("retired-rule", "Old title", translate("fr"))).toBe("Old title");
    // A title with values (the product a host key does not cover) is only known from the finding itself.
    expect(localizeRuleTitle("host-key-does-not-cover", "KMS host cannot activate Windows 11", translate("fr"))).toBe(
      "KMS host cannot activate Windows 11",
    );
  });
});
