// Browser tests: Debian's Chromium (no browser download) against the production server started
// by global-setup.ts on an embedded PostgreSQL with a small simulated fleet.
import { defineConfig } from "@playwright/test";
import { STORAGE_STATE } from "./global-setup";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "../../test-results",
  use: {
    baseURL: process.env.KMSWATCH_E2E_URL,
    // Signed in once by global-setup; tests about signing in start from an empty state themselves.
    storageState: STORAGE_STATE,
    locale: "en-US",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});
