import { defineConfig } from "vitest/config";

// One browser journey at a time by default: the runner, the server and Chromium hand each request
// along one after another, and two cores must run them all. KITH_E2E_WORKERS=2 runs two journey files
// at once (each has its own server, database copy and Chromium); see docs/performance.md 2026-12-07
// for why it is not the default yet.
const journeyWorkers = Number(process.env.KITH_E2E_WORKERS ?? "1");
if (!Number.isInteger(journeyWorkers) || journeyWorkers < 1) {
  throw new Error(`KITH_E2E_WORKERS must be a whole number from 1, not "${process.env.KITH_E2E_WORKERS}"`);
}

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: journeyWorkers,
    fileParallelism: journeyWorkers > 1,
  },
});
