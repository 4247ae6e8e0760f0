import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser journey at a time: two cores run Chromium and the server.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
