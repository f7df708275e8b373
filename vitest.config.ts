import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Same "@/..." imports as the app (tsconfig paths). `server-only` marks modules a client component must never
// import (Next fails the build if one does); tests run on the server side, so it resolves to its empty module.
const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "agents/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // Generous: hostile-input tests only guard against hangs; speed is measured in bench/, not here.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
