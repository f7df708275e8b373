// Every dashboard page, in French on a 390 px phone and in English on a 1440 px screen: it speaks the language
// (its heading from the catalogue), never scrolls sideways, and passes axe with no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { catalogues, everyPage, fleetIds, horizontalOverflow, type FleetIds } from "./helpers";

let ids: FleetIds;
test.beforeAll(async () => {
  ids = await fleetIds();
});

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
}

const layouts = [
  {
    name: "French, 390 px",
    title: "every page speaks French, fits the phone and passes axe",
    language: "fr",
    use: { locale: "fr-FR", viewport: { width: 390, height: 844 } },
  },
  {
    name: "English, 1440 px",
    title: "every page speaks English and passes axe",
    language: "en",
    use: { locale: "en-US", viewport: { width: 1440, height: 900 } },
  },
] as const;

for (const layout of layouts) {
  test.describe(layout.name, () => {
    test.use(layout.use);
    test(layout.title, async ({ page }) => {
      test.setTimeout(120_000);
      // The user's saved language wins over the browser's: say it the way the header switch does.
      expect((await page.request.patch("/api/dashboard/me/locale", { data: { locale: layout.language } })).status()).toBe(200);
      for (const { path, heading } of everyPage(ids, catalogues[layout.language])) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: heading, exact: true }).first(), path).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", layout.language);
        await expect(page.getByText(/Loading|Chargement/)).toHaveCount(0);
        expect.soft(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        expect.soft(await seriousViolations(page), path).toEqual([]);
      }
    });
  });
}

test.describe("findings in the reader's language", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test("a client's findings read in French on the French page and in English on the English one", async ({ page }) => {
    type Finding = { ruleId: string; title: string; cause: string; messages?: { title: { key: string; values?: object } } };
    const detail = (await (await page.request.get(`/api/dashboard/clients/${ids.clientId}`)).json()) as { findings: Finding[] };
    // Titles without values are the catalogue's text as it stands (a coverage title names its product).
    const finding = detail.findings.find((f) => f.messages && !f.messages.title.values);
    expect(finding, "the e2e client has a finding").toBeDefined();
    const rules = catalogues.fr.findings.rules as Record<string, { title: string }>;
    const french = rules[finding!.ruleId]?.title ?? "";
    expect(french).not.toBe(finding!.title);
    try {
      expect((await page.request.patch("/api/dashboard/me/locale", { data: { locale: "fr" } })).status()).toBe(200);
      await page.goto(`/clients/${ids.clientId}`);
      await expect(page.getByText(french, { exact: true }).first()).toBeVisible();
      await expect(page.getByText(finding!.title, { exact: true })).toHaveCount(0);
      expect((await page.request.patch("/api/dashboard/me/locale", { data: { locale: "en" } })).status()).toBe(200);
      await page.goto(`/clients/${ids.clientId}`);
      await expect(page.getByText(finding!.title, { exact: true }).first()).toBeVisible();
      await expect(page.getByText(french, { exact: true })).toHaveCount(0);
    } finally {
      await page.request.patch("/api/dashboard/me/locale", { data: { locale: "en" } });
    }
  });
});

test.describe("dark", () => {
  test.use({ colorScheme: "dark", viewport: { width: 1440, height: 900 } });
  test("follows the system's dark scheme, stays readable (axe contrast) and the switch overrides it", async ({ page }) => {
    expect((await page.request.patch("/api/dashboard/me/locale", { data: { locale: "en" } })).status()).toBe(200);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const path of ["/", "/alerts", `/hosts/${ids.hostId}`]) {
      await page.goto(path);
      await expect(page.locator(".recharts-surface, .card").first()).toBeVisible();
      await expect(page.getByText(/Loading|Chargement/)).toHaveCount(0);
      expect(await background()).toBe("rgb(11, 18, 32)");
      expect.soft(await seriousViolations(page), `${path} in dark`).toEqual([]);
    }
    const saved = () => page.waitForResponse((r) => r.url().endsWith("/api/preferences") && r.ok());
    let done = saved();
    await page.getByLabel("Theme").selectOption("light");
    expect(await background()).toBe("rgb(246, 247, 249)");
    await done;
    await page.reload();
    expect(await background()).toBe("rgb(246, 247, 249)");
    done = saved();
    await page.getByLabel("Theme").selectOption("");
    await done;
    await page.reload();
    expect(await background()).toBe("rgb(11, 18, 32)");
  });
});
