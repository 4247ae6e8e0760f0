import type { Server } from "node:http";
import type { Logger } from "../observability/logger.ts";

/** Something that runs in the background and can be asked to stop after its current piece of work. */
export type Stoppable = { name: string; stop: () => Promise<void> };

export type ShutdownPlan = {
  server: Pick<Server, "close" | "closeIdleConnections" | "closeAllConnections">;
  workers: Stoppable[];
  closeDatabase: () => Promise<void>;
  /** After this, connections are cut and the database closed anyway (KITH_SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  logger: Logger;
};

/**
 * Stops accepting connections, lets in-flight requests and the running job finish (up
 * to the time limit), then closes the database. "timed-out" means work was cut off.
 */
export async function shutDown(plan: ShutdownPlan, signal: string): Promise<"clean" | "timed-out"> {
  const { server, logger } = plan;
  logger.info(
    { signal, timeoutMs: plan.timeoutMs },
    `${signal} received: finishing requests and jobs, then closing the database`,
  );
  // A keep-alive connection goes idle once its last response is sent; close it then, or
  // close() would wait for the browser to hang up.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const drained = Promise.all([
    new Promise<void>((resolve) => server.close(() => resolve())),
    ...plan.workers.map((worker) =>
      worker
        .stop()
        .catch((error: unknown) =>
          logger.error({ err: error, worker: worker.name }, "worker failed while stopping"),
        ),
    ),
  ]);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<"timed-out">((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), plan.timeoutMs);
  });
  const outcome = await Promise.race([drained.then(() => "clean" as const), limit]);
  clearTimeout(timer);
  clearInterval(sweep);
  if (outcome === "timed-out") {
    logger.warn(
      { timeoutMs: plan.timeoutMs },
      "shutdown time limit reached: cutting remaining connections and work",
    );
    server.closeAllConnections();
  }
  await plan.closeDatabase();
  logger.info({ outcome }, "stopped");
  return outcome;
}

/** SIGTERM (systemd, containers) and SIGINT (Ctrl-C) both stop gracefully; exit 1 only if work was cut off. */
export function installGracefulShutdown(
  plan: ShutdownPlan,
  exit: (code: number) => void = process.exit,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      plan.logger.info({ signal }, "already stopping");
      return;
    }
    stopping = true;
    shutDown(plan, signal).then(
      (outcome) => exit(outcome === "clean" ? 0 : 1),
      (error: unknown) => {
        plan.logger.error({ err: error }, "shutdown failed");
        exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
