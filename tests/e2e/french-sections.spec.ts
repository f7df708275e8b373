// The sections translated last, read by a French user: the 2026 activation views, the settings tables, the duplicate
// CMID groups, the ePID forensics, paste & parse and the intended channels show the French catalogue's words, and none
// of the English sentences they used to hard-code.
import { expect, test, type Locator } from "@playwright/test";
import { catalogues, fleetIds, type FleetIds } from "./helpers";

const fr = catalogues.fr;
let ids: FleetIds;

test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });

test.beforeAll(async () => {
  ids = await fleetIds();
});

test.beforeEach(async ({ page }) => {
  expect((await page.request.patch("/api/dashboard/me/locale", { data: { locale: "fr" } })).status()).toBe(200);
});

// The other browser tests read English with the same account.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  expect((await page.request.patch("/api/dashboard/me/locale", { data: { locale: "en" } })).status()).toBe(200);
  await page.close();
});

/** English a French page must not show any more (headings, columns, badges and sentences of these sections). */
const ENGLISH_LEFTOVERS = [
  "Hardware-secured KMS readiness",
  "Client products activated by KMS",
  "no host covers it",
  "Informational:",
  "Activation types",
  "Other Key Management Service log events",
  "Client products asking this host",
  "Windows and Office products",
  "Last sign-in",
  "Reset password",
  "Enroll secrets",
  "Agent version",
  "Rotate enroll secret",
  "The KMS host counts these",
  "Open these clients",
  "KMS hosts that saw it",
  "KMS host ePID received",
  "Matches the host?",
  "Host forensics",
  "ePID(s) served",
  "Show ePIDs",
  "What did you paste?",
  "Nothing is stored",
  "Mark a channel as intended",
  "not seen in use",
  "Add approved host",
  "Create a user",
  "Show revoked tokens",
  "Each enrollment issues an agent token",
  "Changes made through the dashboard",
  "on this host",
  "does not activate",
];

async function expectNoEnglish(section: Locator) {
  const text = (await section.textContent()) ?? "";
  expect(ENGLISH_LEFTOVERS.filter((phrase) => text.includes(phrase))).toEqual([]);
}

test("the overview's and a host's 2026 activation sections are in French", async ({ page }) => {
  await page.goto("/");
  const fleet = page.getByTestId("fleet-activation-2026");
  await expect(fleet.getByRole("heading", { name: fr.activation2026.fleetTitle, exact: true })).toBeVisible();
  await expect(fleet.getByRole("heading", { name: fr.activation2026.readinessTitle })).toBeVisible();
  await expect(fleet.getByRole("heading", { name: fr.activation2026.typesTitle })).toBeVisible();
  await expectNoEnglish(fleet);

  await page.goto(`/hosts/${ids.hostId}`);
  const host = page.getByTestId("host-activation-2026");
  await expect(host.getByRole("heading", { name: fr.activation2026.hostTitle })).toBeVisible();
  await expect(host.getByRole("heading", { name: fr.activation2026.otherEvents })).toBeVisible();
  await expectNoEnglish(host);
});

test("a client's products and ePID received are in French", async ({ page }) => {
  await page.goto(`/clients/${ids.clientId}`);
  const products = page.getByTestId("client-activation-2026");
  await expect(products.getByRole("heading", { name: fr.activation2026.clientTitle })).toBeVisible();
  await expectNoEnglish(products);
  const epid = page.locator("#epid");
  await expect(epid.getByRole("heading", { name: fr.forensics.received.title })).toBeVisible();
  await expectNoEnglish(epid);
});

test("the settings tables of users and agents are in French", async ({ page }) => {
  await page.goto("/settings/users");
  for (const column of [fr.admin.users.colEmail, fr.admin.users.colName, fr.admin.users.colLastSignIn]) {
    await expect(page.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: fr.admin.users.resetPassword }).first()).toBeVisible();
  await expectNoEnglish(page.locator("main"));

  await page.goto("/settings/agents");
  await expect(page.getByRole("heading", { name: fr.admin.enroll.title })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: fr.admin.agents.colVersion })).toBeVisible();
  await expectNoEnglish(page.locator("main"));

  await page.goto("/settings/audit-log");
  await expect(page.getByText(fr.admin.auditLog.intro)).toBeVisible();
  await expectNoEnglish(page.locator("main"));

  await page.goto("/settings/intended-channels");
  await expect(page.getByRole("heading", { name: fr.intendedChannels.markTitle })).toBeVisible();
  await expectNoEnglish(page.locator("main"));
});

test("duplicate CMID groups, the host audit's forensics and paste & parse are in French", async ({ page }) => {
  await page.goto("/alerts/duplicate-cmids");
  const group = page.locator("section.card").filter({ has: page.getByRole("link", { name: fr.duplicates.group.open }) });
  await expect(group.first()).toBeVisible();
  await expect(group.first()).toContainText("L’hôte KMS compte ces");
  await expect(group.first().getByText(fr.duplicates.group.hostsSaw)).toBeVisible();
  await expectNoEnglish(page.locator("main"));

  await page.goto("/audit");
  const forensics = page.locator("#forensics");
  await expect(forensics.getByRole("heading", { name: fr.forensics.hosts.title })).toBeVisible();
  await expect(forensics.locator("[data-verdict='impostor']").first()).toHaveText(fr.forensics.verdict.impostor);
  await expectNoEnglish(page.locator("main"));

  await page.goto("/parse");
  await expect(page.getByText(fr.parse.form.what)).toBeVisible();
  await expectNoEnglish(page.locator("main"));
});
