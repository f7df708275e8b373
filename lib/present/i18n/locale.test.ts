import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "fr"],
    ["en-US,en;q=0.9,fr;q=0.8", "en"],
    ["de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", "fr"],
    ["en;q=0.2, fr-CA;q=0.6", "fr"],
    ["FR", "fr"],
    ["fr;q=0, en", "en"],
    ["de, es", null],
    ["", null],
    [null, null],
    ["fr;q=abc", null],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("resolveLocale", () => {
  it("prefers the user's saved choice, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ userLocale: "fr", cookie: "en", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ userLocale: null, cookie: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ cookie: "xx", acceptLanguage: "fr-BE" })).toBe("fr");
    expect(resolveLocale({ userLocale: "de", acceptLanguage: "de" })).toBe("en");
  });
});
