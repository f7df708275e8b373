// Shared by the browser tests: the catalogues (so expected words come from the same files the pages use),
// the ids of a host, a client and the rogue host (read through the API with the signed-in session), and the
// list of every dashboard page.
import { expect, request, type Page } from "@playwright/test";
import { STORAGE_STATE } from "./global-setup";
import en from "../../lib/core/i18n/messages/en.json" with { type: "json" };
import fr from "../../lib/core/i18n/messages/fr.json" with { type: "json" };

export const catalogues = { en, fr } as const;
export type Messages = typeof en;

export const email = () => process.env.KMSWATCH_E2E_EMAIL ?? "";
export const password = () => process.env.KMSWATCH_E2E_PASSWORD ?? "";

/** Signs in through the login form, in English, and waits for the overview. */
export async function signIn(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email());
  await page.getByLabel("Password").fill(password());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();
}

export type FleetIds = { hostId: string; clientId: string; rogueHost: string };

/** Read with the suite's signed-in session whatever the calling test's own storage state. */
export async function fleetIds(): Promise<FleetIds> {
  const api = await request.newContext({ baseURL: process.env.KMSWATCH_E2E_URL, storageState: STORAGE_STATE });
  const hosts = (await (await api.get("/api/dashboard/hosts")).json()) as { hosts: { id: string; fqdn: string }[] };
  const clients = (await (await api.get("/api/dashboard/clients?q=ws-lab")).json()) as { rows: { id: string }[] };
  const audit = (await (await api.get("/api/dashboard/audit")).json()) as { hosts: { host: string; machineId: string | null }[] };
  await api.dispose();
  const host = hosts.hosts.find((h) => h.fqdn.startsWith("kms01.")) ?? hosts.hosts[0];
  const rogue = audit.hosts.find((h) => h.machineId === null);
  if (!host || !clients.rows[0] || !rogue) throw new Error("the e2e fleet lacks a host, a ws-lab client or a rogue host");
  return { hostId: host.id, clientId: clients.rows[0].id, rogueHost: rogue.host };
}

/** Every dashboard page and the heading that proves it rendered in a given language. */
export function everyPage(ids: FleetIds, m: Messages): { path: string; heading: string }[] {
  return [
    { path: "/", heading: m.overview.title },
    { path: "/hosts", heading: m.hosts.title },
    { path: `/hosts/${ids.hostId}`, heading: m.hostTrend.title },
    { path: "/clients", heading: m.clients.title },
    { path: `/clients/${ids.clientId}`, heading: m.client.diagnosis },
    { path: "/alerts", heading: m.alerts.title },
    { path: "/alerts/duplicate-cmids", heading: m.duplicates.title },
    { path: "/audit", heading: m.audit.title },
    { path: `/audit/hosts/${encodeURIComponent(ids.rogueHost)}`, heading: m.audit.hostTitle.replace("{host}", ids.rogueHost) },
    { path: "/parse", heading: m.parse.title },
    { path: "/settings", heading: m.settings.title },
    { path: "/settings/notifications", heading: m.notifications.title },
    { path: "/settings/agents", heading: m.settings.agents },
    { path: "/settings/users", heading: m.settings.users },
    { path: "/settings/audit-log", heading: m.settings.auditLog },
  ];
}

/** How far the page scrolls sideways (0 when nothing sticks out of the viewport). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
