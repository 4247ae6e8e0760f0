/**
 * Background workers report a heartbeat; /health/ready answers "not ready" when one
 * has gone quiet for longer than it promised, so a load balancer stops sending work to a
 * process whose job loop has died even though it still answers HTTP.
 */
export class WorkerHeartbeats {
  private readonly workers = new Map<string, { lastSeen: Date; staleAfterMs: number }>();

  /** Registers a worker as alive now; it must report again within `staleAfterMs`. */
  expect(name: string, staleAfterMs: number, now: Date): void {
    this.workers.set(name, { lastSeen: now, staleAfterMs });
  }

  reportAlive(name: string, now: Date): void {
    const worker = this.workers.get(name);
    if (worker) worker.lastSeen = now;
    else this.workers.set(name, { lastSeen: now, staleAfterMs: defaultStaleAfterMs });
  }

  /** A worker that stopped on purpose (shutdown) is no longer expected. */
  forget(name: string): void {
    this.workers.delete(name);
  }

  status(now: Date): { name: string; alive: boolean; lastSeen: string }[] {
    return [...this.workers].map(([name, worker]) => ({
      name,
      alive: now.getTime() - worker.lastSeen.getTime() <= worker.staleAfterMs,
      lastSeen: worker.lastSeen.toISOString(),
    }));
  }
}

const defaultStaleAfterMs = 2 * 60_000;

/** The process's own workers (server.ts and the job runner report here). */
export const workerHeartbeats = new WorkerHeartbeats();

export function reportWorkerAlive(name: string, now: Date): void {
  workerHeartbeats.reportAlive(name, now);
}
