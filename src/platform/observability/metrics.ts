import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../db/database.ts";

// One registry per process, not prom-client's global one, so nothing a library registers
// leaks into Kith's /metrics and tests can read exactly what Kith records.
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: "kith_" });

export const httpRequestDuration = new Histogram({
  name: "kith_http_request_duration_seconds",
  help: "Time to answer a request, by method and route pattern (not the raw path, so ids do not multiply series)",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const httpRequests = new Counter({
  name: "kith_http_requests_total",
  help: "Requests answered, by method, route pattern and status code",
  labelNames: ["method", "route", "status"] as const,
  registers: [metricsRegistry],
});

const jobRuns = new Counter({
  name: "kith_job_runs_total",
  help: "Background jobs run, by job name",
  labelNames: ["job"] as const,
  registers: [metricsRegistry],
});

const jobFailures = new Counter({
  name: "kith_job_failures_total",
  help: "Background job runs that threw, by job name (they are retried with back-off)",
  labelNames: ["job"] as const,
  registers: [metricsRegistry],
});

const outboxQueued = new Gauge({
  name: "kith_outbox_queued_messages",
  help: "Emails written to the outbox and not yet sent (read at scrape)",
  registers: [metricsRegistry],
});

const poolConnections = new Gauge({
  name: "kith_db_pool_connections",
  help: "Database connections held by this process, by state (total, idle) and requests waiting for one",
  labelNames: ["state"] as const,
  registers: [metricsRegistry],
});

/** The job runner calls this once per job it ran. */
export function recordJobRun(job: string, outcome: "done" | "failed"): void {
  jobRuns.inc({ job });
  if (outcome === "failed") jobFailures.inc({ job });
}

type PoolUse = { totalCount: number; idleCount: number; waitingCount: number };

function poolOf(database: Database): PoolUse {
  // node-postgres exposes its pool; PGlite is one in-process session that is never waited for.
  const pool = (database as Database & { pool?: PoolUse }).pool;
  return pool ?? { totalCount: 1, idleCount: 1, waitingCount: 0 };
}

/** Prometheus text: the gauges that live in the database are read now, at scrape time. */
export async function metricsText(database: Database): Promise<string> {
  const [{ queued }] = await database.query<{ queued: number }>(
    "SELECT count(*)::int AS queued FROM outbound_message WHERE sent_at IS NULL",
  );
  outboxQueued.set(queued);
  const pool = poolOf(database);
  poolConnections.set({ state: "total" }, pool.totalCount);
  poolConnections.set({ state: "idle" }, pool.idleCount);
  poolConnections.set({ state: "waiting" }, pool.waitingCount);
  return metricsRegistry.metrics();
}
