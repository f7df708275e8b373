// README's screenshots (French, 1440 and 390 px: overview, a KMS host, /alerts), taken against the browser
// tests' fleet. Only when asked (KMSWATCH_SCREENSHOTS=1): they are pictures for people, not checks.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { catalogues, fleetIds } from "./helpers";

const OUT = path.resolve(import.meta.dirname, "../../docs/screenshots");

test.describe("README screenshots", () => {
  test.skip(process.env.KMSWATCH_SCREENSHOTS !== "1", "set KMSWATCH_SCREENSHOTS=1 to refresh docs/screenshots");
  test.use({ locale: "fr-FR" });

  for (const width of [1440, 390]) {
    test(`French at ${width} px`, async ({ page }) => {
      const { hostId } = await fleetIds();
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      const pages = [
        { name: "overview", path: "/", ready: catalogues.fr.overview.licenseStates },
        { name: "host", path: `/hosts/${hostId}`, ready: catalogues.fr.hostTrend.title },
        { name: "alerts", path: "/alerts", ready: catalogues.fr.alerts.title },
      ];
      for (const shot of pages) {
        await page.goto(shot.path);
        await expect(page.getByRole("heading", { name: shot.ready }).first()).toBeVisible();
        await expect(page.getByText(/Chargement/)).toHaveCount(0);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(OUT, `${shot.name}-fr-${width}.png`), fullPage: false });
      }
    });
  }
});
