import { describe, expect, it } from "vitest";
import { capturedLogger } from "../../../test/captured-logs.ts";
import { WorkerHeartbeats } from "../observability/readiness.ts";
import { startIntervalWorker } from "./interval-worker.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("interval worker", () => {
  it("never overlaps runs, logs a failed run and carries on, and waits for the run in progress when stopped", async () => {
    const heartbeats = new WorkerHeartbeats();
    const { logger, lines } = capturedLogger();
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const worker = startIntervalWorker({
      name: "jobs",
      intervalMs: 20,
      logger,
      heartbeats,
      work: async () => {
        runs++;
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await pause(70);
        running--;
        if (runs === 1) throw new Error("first run fails");
      },
    });
    expect(heartbeats.status(new Date()).map((w) => w.name)).toEqual(["jobs"]);
    await pause(250);
    await worker.stop();
    expect(running).toBe(0);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(mostAtOnce).toBe(1);
    expect(lines.find((line) => line.msg === "background work failed")).toMatchObject({ worker: "jobs" });
    // A worker stopped on purpose no longer counts against readiness.
    expect(heartbeats.status(new Date())).toEqual([]);
  });
});
