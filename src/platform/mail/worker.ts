import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "../db/database.ts";
import { type DeliveryOptions, type DeliveryRun, deliverQueuedMail } from "./deliver.ts";
import type { MailTransport } from "./transport.ts";

export type MailWorker = {
  /** Stops polling, waits for the batch in hand, then closes the SMTP pool. */
  stop(): Promise<void>;
};

export type MailWorkerOptions = Omit<DeliveryOptions, "workerId"> & {
  workerId?: string;
  /** Pause between polls when the outbox is empty. */
  intervalMs?: number;
  clock?: () => Date;
  onError?: (error: unknown) => void;
  onRun?: (run: DeliveryRun) => void;
};

/** A worker id that differs between processes, and between restarts of one process. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Drains the outbox in the background: a full batch is followed at once by the next, an
 * empty or short one by a pause. Errors (a database hiccup) are reported and the loop goes on.
 */
export function startMailWorker(
  database: Database,
  transport: MailTransport,
  options: MailWorkerOptions,
): MailWorker {
  const workerId = options.workerId ?? newWorkerId();
  const batchSize = options.batchSize ?? 20;
  const clock = options.clock ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    let more = true;
    while (more && !stopped) {
      try {
        const run = await deliverQueuedMail(database, transport, clock(), {
          ...options,
          workerId,
          batchSize,
        });
        options.onRun?.(run);
        more = run.claimed === batchSize;
      } catch (error) {
        options.onError?.(error);
        more = false;
      }
    }
    if (!stopped) timer = setTimeout(schedule, options.intervalMs ?? 5_000);
  };
  const schedule = () => {
    running = tick();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
