import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    setupFiles: ["test/setup/no-console-noise.ts"],
    globalSetup: ["test/setup/build.ts", "test/setup/scan-logs.ts"],
  },
});
