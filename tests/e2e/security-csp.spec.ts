// Issue #17 item 5 in a real browser: the nonce Content-Security-Policy lets the dashboard's own scripts (and
// charts) run, and the browser reports no violation on any page an admin visits.
import { expect, test } from "@playwright/test";

test("the dashboard runs under its Content-Security-Policy with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(process.env.KMSWATCH_E2E_EMAIL ?? "");
  await page.getByLabel("Password").fill(process.env.KMSWATCH_E2E_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
  for (const path of ["/hosts", "/clients", "/alerts", "/audit", "/settings/users", "/settings/agents"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/'nonce-[^']+'/);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});
