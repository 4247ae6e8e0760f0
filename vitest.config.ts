import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite is WASM and memory-hungry, so two workers at once is the sweet spot.
    maxWorkers: 2,
    // Each file used to re-import the whole app (about 8 s of CPU under load) and start PGlite's WASM
    // in a fresh process. Files share nothing through modules: each opens its own database, and the
    // few that change process-wide settings (process.env, the GOV.UK brand) put them back afterwards.
    isolate: false,
    reporters: ["default"],
  },
});
