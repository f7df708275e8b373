// Activation in 2026 as an admin sees it: the overview's readiness and coverage, a host refusing Windows Server
// 2025 clients, a host's undocumented KMS log warnings, Office apart on a client page, the activation-type filter.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { pushActivation2026 } from "../../scripts/simulator/scenarios/pushActivation2026";

const domain = "act2026.e2e.contoso.com";

test.beforeAll(async () => {
  await pushActivation2026(process.env.KMSWATCH_E2E_URL ?? "", process.env.KMSWATCH_E2E_ENROLL_SECRET ?? "", domain);
});

test("overview, hosts, client and clients page show the 2026 activation facts", async ({ page }) => {
  await signIn(page);
  const fleet = page.getByTestId("fleet-activation-2026");
  await expect(fleet.getByText("Must change hardware before the next Windows Server")).toBeVisible();
  await expect(fleet.getByText(`kms22.${domain}`).first()).toBeVisible();

  await fleet.getByRole("link", { name: `kms22.${domain}` }).click();
  const host = page.getByTestId("host-activation-2026");
  await expect(host.getByRole("row").filter({ hasText: "Windows Server 2025" })).toContainText(/not covered.*KB5034765/);

  await page.goto("/");
  await page
    .getByTestId("fleet-activation-2026")
    .getByRole("link", { name: `kms25b.${domain}` })
    .click();
  await expect(page.getByTestId("host-activation-2026").getByRole("row").filter({ hasText: "12320" })).toContainText(
    "hardware-based security",
  );

  await page.goto("/clients");
  await page
    .getByTestId("activation-type-filter")
    .getByRole("button", { name: /^Retail/ })
    .click();
  // The filter's own list: the clients table below may list the same machine once it has loaded.
  await page
    .getByTestId("activation-type-filter")
    .getByRole("link", { name: `retail-pc1.${domain}` })
    .click();
  await expect(page.getByTestId("client-activation-2026")).toContainText("installed from retail media");

  await page.goto("/clients");
  await page.getByTestId("activation-type-filter").getByRole("button", { name: /^KMS:/ }).click();
  await page
    .getByTestId("activation-type-filter")
    .getByRole("link", { name: `off24-01.${domain}` })
    .click();
  const products = page.getByTestId("client-activation-2026");
  await expect(products.getByRole("heading", { name: "Office", exact: true })).toBeVisible();
  await expect(products.getByRole("row").filter({ hasText: "Office LTSC 2024" })).toContainText("covered");
});
