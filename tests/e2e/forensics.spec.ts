// Rogue-host forensics in a real browser: from the overview, the impostor at site2 (scenario epid-impostor) and
// the rogue host are on /audit with their verdict and evidence, and the host and client pages show the ePIDs.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an impostor under a real host's name is visible within three clicks of the overview", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation").getByRole("link", { name: "Host audit" }).click();
  const impostor = page.locator("li[data-host^='kms01.']");
  await expect(impostor.locator("[data-verdict]")).toHaveText("Impostor likely");
  await impostor.getByRole("button", { name: /signal/ }).click();
  await expect(impostor.locator("[data-rule='host-epid-impostor']")).toContainText("10.77.0.5");
  await expect(impostor.locator("[data-rule='host-epid-impostor']")).toContainText("ws-s2-0001.site2.contoso.com");

  const rogue = page.locator("li[data-host='kms-rogue.lab.contoso.com']");
  await expect(rogue.locator("[data-verdict]")).toHaveText("Suspicious");
  await rogue.getByRole("button", { name: /signal/ }).click();
  await expect(rogue.locator("[data-rule='host-epid-unknown-activator']")).toContainText("activatedClients");

  await impostor.getByRole("link", { name: /^kms01\./ }).click();
  await expect(page.getByRole("heading", { name: "ePIDs served" })).toBeVisible();
  await expect(page.locator("#epids").getByText("10.77.0.5").first()).toBeVisible();
});

test("a client of the impostor sees that its ePID does not match the host", async ({ page }) => {
  await signIn(page);
  await page.goto("/clients");
  await page.getByLabel("Search by name or CMID").fill("ws-s2-0001");
  await page.getByLabel("Search by name or CMID").press("Enter");
  await page
    .getByRole("link", { name: /^ws-s2-0001/i })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "KMS host ePID received" })).toBeVisible();
  await expect(page.locator("tr[data-match='mismatch']").first()).toContainText("Impostor likely");
});
