import { createHash, timingSafeEqual } from "node:crypto";
import { readdir } from "node:fs/promises";
import { type Context, Hono } from "hono";
import type { Database } from "../db/database.ts";
import { migrationsDir } from "../db/migrate.ts";
import type { AppEnv } from "../http/app-env.ts";
import { Problem } from "../http/problem.ts";
import { buildInfo } from "./build-info.ts";
import { metricsText } from "./metrics.ts";
import { type WorkerHeartbeats, workerHeartbeats } from "./readiness.ts";

type Check = { name: string; ok: boolean; detail?: string };

let migrationFiles: Promise<string[]> | undefined;

async function pendingMigrations(database: Database): Promise<string[]> {
  // The files cannot change while the process runs, so they are listed once.
  migrationFiles ??= readdir(migrationsDir).then((names) => names.filter((name) => name.endsWith(".sql")));
  const applied = new Set(
    (await database.query<{ name: string }>("SELECT name FROM kith_migration")).map((row) => row.name),
  );
  return (await migrationFiles).filter((name) => !applied.has(name));
}

async function readinessChecks(database: Database, workers: WorkerHeartbeats, now: Date): Promise<Check[]> {
  try {
    await database.query("SELECT 1");
  } catch (error) {
    return [{ name: "database", ok: false, detail: error instanceof Error ? error.message : String(error) }];
  }
  const pending = await pendingMigrations(database);
  return [
    { name: "database", ok: true },
    pending.length === 0
      ? { name: "migrations", ok: true }
      : { name: "migrations", ok: false, detail: `not applied: ${pending.join(", ")}` },
    ...workers.status(now).map((worker) => ({
      name: `worker:${worker.name}`,
      ok: worker.alive,
      detail: worker.alive ? undefined : `no heartbeat since ${worker.lastSeen}`,
    })),
  ];
}

function sameToken(given: string, expected: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const problemJson = { "Content-Type": "application/problem+json" };

/**
 * Endpoints for the load balancer, the operator and Prometheus. They sit before sign-in
 * and CSRF: a probe has no session. /metrics asks for KITH_METRICS_TOKEN as a bearer token.
 */
export function operationsRoutes(workers: WorkerHeartbeats = workerHeartbeats): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/health/live", (c) => c.json({ status: "ok" }));

  const ready = async (c: Context<AppEnv>) => {
    const { database } = c.get("services");
    const checks = await readinessChecks(database, workers, c.get("services").clock());
    const ok = checks.every((check) => check.ok);
    if (!ok) c.get("log")?.warn({ checks: checks.filter((check) => !check.ok) }, "not ready");
    return c.json({ status: ok ? "ok" : "unavailable", database: database.kind, checks }, ok ? 200 : 503);
  };
  app.get("/health/ready", ready);
  // The original single health check: kept for existing probes, now the readiness answer.
  app.get("/health", ready);

  app.get("/info", async (c) => {
    const { database, config } = c.get("services");
    const [{ server_version: serverVersion }] = await database.query<{ server_version: string }>(
      "SHOW server_version",
    );
    const build = buildInfo(config.commit);
    return c.json({
      name: "kith",
      version: build.version,
      commit: build.commit,
      database: { engine: database.kind, version: serverVersion },
    });
  });

  app.get("/metrics", async (c) => {
    const { database, config } = c.get("services");
    // Answered here as problem+json, not thrown: the page error handler would send a scraper to sign in.
    const refuse = (problem: Problem, headers: Record<string, string> = {}) =>
      c.body(JSON.stringify(problem.toJson(c.req.path)), problem.status as 401, {
        ...problemJson,
        ...headers,
      });
    if (!config.metricsToken) {
      return refuse(
        new Problem(
          404,
          "metrics-off",
          "Metrics are turned off",
          "Set KITH_METRICS_TOKEN and scrape /metrics with that bearer token.",
        ),
      );
    }
    const given = /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (!given || !sameToken(given, config.metricsToken)) {
      const detail = given
        ? "The bearer token does not match KITH_METRICS_TOKEN."
        : "Send the metrics token as `Authorization: Bearer <KITH_METRICS_TOKEN>`.";
      return refuse(new Problem(401, "metrics-token-required", "Metrics token required", detail), {
        "WWW-Authenticate": 'Bearer realm="kith-metrics"',
      });
    }
    return c.body(await metricsText(database), 200, { "Content-Type": "text/plain; version=0.0.4" });
  });

  return app;
}
