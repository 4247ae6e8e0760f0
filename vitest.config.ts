import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite is WASM and memory-hungry, so two workers at once is the sweet spot.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
