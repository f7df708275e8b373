import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Same "@/..." imports as the app (tsconfig paths).
const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

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
