// What the person on call does: follows a notification's link while signed out, switches language, sorts a
// table and keeps the order in the URL, and acknowledges every machine of one alert cause at once.
import { expect, test } from "@playwright/test";
import { catalogues, email, fleetIds, password, type FleetIds } from "./helpers";

let ids: FleetIds;
test.beforeAll(async () => {
  ids = await fleetIds();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a deep link survives sign-in; a link to another site does not", async ({ page }) => {
    await page.goto(`/clients/${ids.clientId}?from=mail`);
    await expect(page).toHaveURL(/\/login\?next=%2Fclients%2F/);
    await page.getByLabel("E-mail").fill(email());
    await page.getByLabel("Password").fill(password());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${ids.clientId}\\?from=mail$`));
    await expect(page.getByRole("heading", { name: catalogues.en.client.diagnosis })).toBeVisible();

    await page.context().clearCookies();
    await page.goto("/login?next=//evil.example/steal");
    await page.getByLabel("E-mail").fill(email());
    await page.getByLabel("Password").fill(password());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: catalogues.en.overview.title })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("the sign-in page follows the browser's language and its switch", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-FR", storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("button", { name: catalogues.fr.login.signIn })).toBeVisible();
    await page.getByLabel(catalogues.fr.prefs.language).selectOption("en");
    await expect(page.getByRole("button", { name: catalogues.en.login.signIn })).toBeVisible();
    await context.close();
  });
});

test("the language switch speaks French at once and is remembered for the user", async ({ page }) => {
  await page.goto("/hosts");
  await page.getByLabel(catalogues.en.prefs.language).selectOption("fr");
  await expect(page.getByRole("heading", { name: catalogues.fr.hosts.title, exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: new RegExp(catalogues.fr.hosts.colCount) })).toBeVisible();
  // Another browser of the same user, English by its Accept-Language, still gets French.
  const other = await page
    .context()
    .browser()!
    .newContext({ locale: "en-US", storageState: await page.context().storageState() });
  const otherPage = await other.newPage();
  await otherPage.goto("/");
  await expect(otherPage.getByRole("heading", { name: catalogues.fr.overview.title })).toBeVisible();
  await other.close();
  await page.getByLabel(catalogues.fr.prefs.language).selectOption("en");
  await expect(page.getByRole("heading", { name: catalogues.en.hosts.title, exact: true })).toBeVisible();
});

test("tables sort by any column and keep the order in the URL", async ({ page }) => {
  await page.goto("/clients");
  const header = page.getByRole("columnheader", { name: new RegExp(catalogues.en.clients.colLastCheckIn) });
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/sort=lastCheckIn/);
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/sort=-lastCheckIn/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  // The rows follow once the API answers the new order (the previous page stays on screen meanwhile).
  const newestFirst = async () => {
    const times = await page
      .locator("tbody tr td:last-child time")
      .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
    return times.length > 5 && times.every((t, i) => i === 0 || (times[i - 1] ?? 0) >= t);
  };
  await expect.poll(newestFirst).toBe(true);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: new RegExp(catalogues.en.clients.colLastCheckIn) })).toHaveAttribute(
    "aria-sort",
    "descending",
  );

  await page.goto(`/hosts/${ids.hostId}`);
  const requests = page.getByRole("columnheader", { name: new RegExp(`^${catalogues.en.hostClients.colRequests}`) });
  await requests.getByRole("button").click();
  await expect(page).toHaveURL(/clientSort=requests/);
  await requests.getByRole("button").click();
  await expect(page).toHaveURL(/clientSort=-requests/);
  await expect(requests).toHaveAttribute("aria-sort", "descending");
  const counts = await page
    .locator("table")
    .filter({ has: requests })
    .locator("tbody tr td:last-child")
    .evaluateAll((els) => els.map((e) => Number(e.textContent)));
  expect(counts.length).toBeGreaterThan(1);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await page.getByRole("button", { name: "90d" }).click();
  await expect(page).toHaveURL(/range=90d/);
  await expect(page).toHaveURL(/clientSort=-requests/);
});

test("every machine of one cause is acknowledged at once", async ({ page, request }) => {
  await page.goto("/alerts?state=open");
  const card = page
    .locator("section.card")
    .filter({ has: page.getByRole("checkbox") })
    .first();
  const title = (await card.getByRole("heading").textContent()) ?? "";
  const rows = await card.locator("tbody tr").count();
  expect(rows).toBeGreaterThan(0);
  await card.getByRole("checkbox", { name: /^Select every machine of/ }).check();
  await expect(page.getByText(new RegExp(`^${rows} alerts? selected$`))).toBeVisible();
  await page.getByRole("region", { name: catalogues.en.alerts.bulkLabel }).getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${rows} alert(s) updated` })).toBeVisible();
  const after = (await (await request.get("/api/dashboard/alerts?state=acknowledged&limit=500")).json()) as { alerts: { title: string }[] };
  expect(after.alerts.filter((a) => a.title === title).length).toBeGreaterThanOrEqual(rows);
});
