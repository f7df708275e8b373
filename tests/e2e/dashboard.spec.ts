// What an ops engineer does on a morning: see the fleet, open a host, find the clones, spot the rogue host,
// read a client's diagnosis, paste a /dlv. Signed in once by global-setup (storage state).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { catalogues, email } from "./helpers";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("refuses a wrong password and explains why", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(email());
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("wrong e-mail or password")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});

test("overview shows the fleet and leads to a host's count trend", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Client license states" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open alerts by kind" })).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "KMS hosts" }).click();
  await expect(page.getByRole("heading", { name: "KMS hosts" })).toBeVisible();
  await page.getByRole("link", { name: /^kms01\./i }).click();
  await expect(page.getByRole("heading", { name: "Count trend" })).toBeVisible();
  // Recharts draws an SVG with the threshold reference lines, the count in steps.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByText("client OS needs 25").first()).toBeVisible();
  await page.getByRole("button", { name: "90d" }).click();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // A section folds and unfolds.
  const fold = page.getByRole("button", { name: /Hide\s+Count trend/ });
  await fold.click();
  await expect(page.locator(".recharts-surface")).toHaveCount(0);
  await page.getByRole("button", { name: /Show\s+Count trend/ }).click();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
});

test("duplicate CMIDs and the rogue host are visible with their fix, the rogue host has a page", async ({ page }) => {
  await page.goto("/alerts/duplicate-cmids");
  await expect(page.getByRole("heading", { name: "Duplicate CMIDs" })).toBeVisible();
  await expect(page.getByText("sysprep /generalize").first()).toBeVisible();
  await page.goto("/audit");
  const rogue = page.getByRole("row").filter({ hasText: "kms-rogue.lab.contoso.com" });
  await expect(rogue).toContainText(/not approved/i);
  await rogue.getByRole("link", { name: "kms-rogue.lab.contoso.com" }).click();
  await expect(page.getByRole("heading", { name: "KMS host kms-rogue.lab.contoso.com" })).toBeVisible();
  await expect(page.getByText("NOT approved")).toBeVisible();
});

test("a client page puts the diagnosis first", async ({ page }) => {
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

test("the clients list pages by cursor: Next, Previous and Last keep the page in the URL, Back returns to it", async ({ page }) => {
  const m = catalogues.en.pager;
  const names = () => page.locator("tbody tr td:first-child a").allTextContents();
  await page.goto("/clients");
  const pager = page.getByRole("navigation", { name: m.label });
  await expect(pager.getByText(/^Page 1 of [2-9]$/)).toBeVisible();
  await expect(pager.getByRole("button", { name: m.first })).toBeDisabled();
  await expect(pager.getByRole("button", { name: m.previous })).toBeDisabled();
  const first = await names();
  expect(first).toHaveLength(50);

  await pager.getByRole("button", { name: m.next }).click();
  await expect(page).toHaveURL(/\/clients\?after=[\w-]+&page=2$/);
  await expect(pager.getByText(/^Page 2 of /)).toBeVisible();
  await expect(pager.getByText(/^Showing 51–100 of \d+$/)).toBeVisible();
  const second = await names();
  expect(second.filter((name) => first.includes(name))).toEqual([]);

  await pager.getByRole("button", { name: m.previous }).click();
  await expect(page).toHaveURL(/\/clients\?before=[\w-]+$/);
  await expect(pager.getByText(/^Page 1 of /)).toBeVisible();
  expect(await names()).toEqual(first);

  await pager.getByRole("button", { name: m.last }).click();
  await expect(page).toHaveURL(/\/clients\?last=1&page=\d+$/);
  const pages = Number(new URL(page.url()).searchParams.get("page"));
  await expect(pager.getByText(`Page ${pages} of ${pages}`)).toBeVisible();
  await expect(pager.getByRole("button", { name: m.next })).toBeDisabled();
  const last = await names();
  expect(last.filter((name) => first.includes(name) || second.includes(name))).toEqual([]);

  // Back returns to the page before, by its cursor in the URL; a sort drops the cursor (page 1 of the new order).
  await page.goBack();
  await expect(page).toHaveURL(/\/clients\?before=[\w-]+$/);
  await expect.poll(names).toEqual(first);
  await pager.getByRole("button", { name: m.next }).click();
  await expect(page).toHaveURL(/after=/);
  await page
    .getByRole("columnheader", { name: new RegExp(catalogues.en.clients.colLastCheckIn) })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(/\/clients\?sort=lastCheckIn$/);
  await expect(pager.getByText(/^Page 1 of /)).toBeVisible();
});

test("a cursor whose rows are gone says so and leads back to page 1", async ({ page }) => {
  const cursor = Buffer.from(JSON.stringify({ s: "fqdn", v: "zzzz", f: "zzzz" })).toString("base64url");
  await page.goto(`/clients?after=${cursor}&page=4`);
  await expect(page.getByText(catalogues.en.clients.pageMoved)).toBeVisible();
  await page.getByRole("button", { name: catalogues.en.clients.goFirst }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole("navigation", { name: catalogues.en.pager.label }).getByText(/^Page 1 of /)).toBeVisible();
});

test("paste & parse reads a pasted /dlv without storing it", async ({ page }) => {
  await page.goto("/parse");
  const dlv = readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/dlv/kms-host-healthy.en-US.txt"), "utf8");
  await page.getByLabel("Pasted text").fill(dlv);
  await page.getByRole("button", { name: "Parse" }).click();
  await expect(page.getByRole("heading", { name: /1 product/ })).toBeVisible();
  await expect(page.getByText("18342").first()).toBeVisible();
});

test("a host's support bundle downloads as a zip", async ({ page }) => {
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
  await page.goto("/alerts");
  const critical = page.getByRole("button", { name: /^\d+ critical$/ });
  const count = Number((await critical.textContent())?.match(/\d+/)?.[0]);
  await critical.click();
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page.getByText(new RegExp(`^${count} of \\d+ alert\\(s\\), KMS hosts first`))).toBeVisible();
  // Only critical causes are listed now (each card's severity badge).
  await expect(page.locator(".groupHead span.badge").filter({ hasText: /^(warning|info)$/ })).toHaveCount(0);
  if (count > 0)
    await expect(
      page
        .locator(".groupHead span.badge")
        .filter({ hasText: /^critical$/ })
        .first(),
    ).toBeVisible();
});

test("signing out returns to the sign-in page", async ({ browser }) => {
  // Its own sign-in: signing out ends the session the other tests share.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email());
  await page.getByLabel("Password").fill(process.env.KMSWATCH_E2E_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  // The overview's data arrives once the page is live (hydrated), so the button has its handler.
  await expect(page.getByRole("heading", { name: "Client license states" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/hosts");
  await expect(page).toHaveURL(/\/login\?next=%2Fhosts/);
  await context.close();
});
