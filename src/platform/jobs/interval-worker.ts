import type { Stoppable } from "../http/graceful-shutdown.ts";
import type { Logger } from "../observability/logger.ts";
import { type WorkerHeartbeats, workerHeartbeats } from "../observability/readiness.ts";

export type IntervalWorkerOptions = {
  name: string;
  intervalMs: number;
  work: (now: Date) => Promise<void>;
  logger: Logger;
  heartbeats?: WorkerHeartbeats;
  clock?: () => Date;
};

/**
 * Runs `work` every interval, never two at once. Each tick is a heartbeat for
 * /health/ready; stop() waits for the run in progress so shutdown never cuts a job short.
 */
export function startIntervalWorker(options: IntervalWorkerOptions): Stoppable {
  const heartbeats = options.heartbeats ?? workerHeartbeats;
  const clock = options.clock ?? (() => new Date());
  const log = options.logger.child({ worker: options.name });
  // Three missed ticks before the process counts as not ready: one slow run is not an outage.
  heartbeats.expect(options.name, options.intervalMs * 3, clock());
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    heartbeats.reportAlive(options.name, clock());
    if (running) return;
    running = options
      .work(clock())
      .catch((error: unknown) => log.error({ err: error }, "background work failed"))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs);
  return {
    name: options.name,
    async stop() {
      clearInterval(timer);
      heartbeats.forget(options.name);
      await running;
    },
  };
}
