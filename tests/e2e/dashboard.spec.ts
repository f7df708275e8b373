// What an ops engineer does on a morning: sign in, see the fleet, open a host, find the clones,
// spot the rogue host, read a client's diagnosis, paste a /dlv.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const email = () => process.env.KMSWATCH_E2E_EMAIL ?? "";
const password = () => process.env.KMSWATCH_E2E_PASSWORD ?? "";

async function signIn(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("E-mail").fill(email());
  await page.getByLabel("Password").fill(password());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
}

test("refuses a wrong password and explains why", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email());
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("wrong e-mail or password")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("overview shows the fleet and leads to a host's count trend", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Client license states" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open alerts by kind" })).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "KMS hosts" }).click();
  await expect(page.getByRole("heading", { name: "KMS hosts" })).toBeVisible();
  await page.getByRole("link", { name: /^kms01\./i }).click();
  await expect(page.getByRole("heading", { name: "Count trend" })).toBeVisible();
  // Recharts draws an SVG with the threshold reference lines.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByText("client OS needs 25").first()).toBeVisible();
  await page.getByRole("button", { name: "90d" }).click();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
});

test("duplicate CMIDs and the rogue host are visible with their fix", async ({ page }) => {
  await signIn(page);
  await page.goto("/alerts/duplicate-cmids");
  await expect(page.getByRole("heading", { name: "Duplicate CMIDs" })).toBeVisible();
  await expect(page.getByText("sysprep /generalize").first()).toBeVisible();
  await page.goto("/audit");
  const rogue = page.getByRole("row").filter({ hasText: "kms-rogue.lab.contoso.com" });
  await expect(rogue).toContainText(/not approved/i);
});

test("a client page puts the diagnosis first", async ({ page }) => {
  await signIn(page);
  await page.goto("/clients");
  await page.getByLabel("Search by name or CMID").fill("ws-lab");
  await page.getByLabel("Search by name or CMID").press("Enter");
  await page
    .getByRole("link", { name: /^ws-lab-/i })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Diagnosis: what is wrong and what to do" })).toBeVisible();
  await expect(page.getByText(/1688/).first()).toBeVisible();
});

test("paste & parse reads a pasted /dlv without storing it", async ({ page }) => {
  await signIn(page);
  await page.goto("/parse");
  const dlv = readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/dlv/kms-host-healthy.en-US.txt"), "utf8");
  await page.getByLabel("Pasted text").fill(dlv);
  await page.getByRole("button", { name: "Parse" }).click();
  await expect(page.getByRole("heading", { name: /1 product/ })).toBeVisible();
  await expect(page.getByText("18342").first()).toBeVisible();
});

test("paste & parse gives the finding a pasted /dlv allows, and says what it read by shape", async ({ page }) => {
  await signIn(page);
  await page.goto("/parse");
  const dlv = readFileSync(
    path.resolve(import.meta.dirname, "../../../shared/fixtures/dlv/client-kms-initial-grace-unreachable.en-US.txt"),
    "utf8",
  );
  await page.getByLabel("Pasted text").fill(`${dlv}\nError: 0xC004F038 On a computer running Microsoft Windows non-core edition`);
  await page.getByRole("button", { name: "Parse" }).click();
  await expect(page.getByRole("heading", { name: "What this shows" })).toBeVisible();
  await expect(page.getByText("KMS host refused the client: count too low")).toBeVisible();
  await expect(page.getByText(/Read by shape.*hresult/)).toBeVisible();
});

test("an admin marks MAK as intended for a group on the settings page", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: /Intended channels/ }).click();
  const pattern = `E2E-${Date.now().toString(36).toUpperCase()}-*`;
  await page.getByLabel("Machine names (optional)").fill(pattern);
  await page.getByRole("button", { name: "Add" }).click();
  const row = page.getByRole("row").filter({ hasText: `MAK intended for machines ${pattern}` });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);
});

test("signing out returns to the sign-in page", async ({ page }) => {
  await signIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/hosts");
  await expect(page).toHaveURL(/\/login/);
});

test("an alert can be acknowledged from the alerts page", async ({ page }) => {
  await signIn(page);
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
  const acknowledge = page.getByRole("button", { name: "Acknowledge" }).first();
  await expect(acknowledge).toBeVisible();
  const before = await page.getByRole("button", { name: "Acknowledge" }).count();
  await acknowledge.click();
  await expect.poll(() => page.getByRole("button", { name: "Acknowledge" }).count()).toBeLessThan(before);
});

test("a host's support bundle downloads as a zip", async ({ page }) => {
  await signIn(page);
  await page.goto("/hosts");
  await page.getByRole("link", { name: /^kms01\./i }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download support bundle" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
});

test("the alerts page filters by severity on the server, counts in full and keeps the filter in the URL", async ({ page }) => {
  await signIn(page);
  await page.goto("/alerts");
  const critical = page.getByRole("button", { name: /^\d+ critical$/ });
  const count = Number((await critical.textContent())?.match(/\d+/)?.[0]);
  await critical.click();
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page.getByText(new RegExp(`^${count} of \\d+ alert\\(s\\), KMS hosts first`))).toBeVisible();
  // Only critical alerts are listed now (by the severity badge's text: an acknowledged state badge is amber too).
  await expect(page.locator("li span.badge").filter({ hasText: /^(warning|info)$/ })).toHaveCount(0);
  if (count > 0)
    await expect(
      page
        .locator("li span.badge")
        .filter({ hasText: /^critical$/ })
        .first(),
    ).toBeVisible();
});
