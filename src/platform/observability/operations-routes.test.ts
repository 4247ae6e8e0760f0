import { readFileSync } from "node:fs";
import path from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { projectRoot } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "../http/app-env.ts";
import { enqueueJob, runDueJobs } from "../jobs/jobs.ts";
import { queueEmails } from "../jobs/outbox.ts";
import { WorkerHeartbeats } from "./readiness.ts";

const metricsToken = "metrics-token-for-tests-0123";
const bearer = { authorization: `Bearer ${metricsToken}` };

describe("operations endpoints", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  const workers = new WorkerHeartbeats();
  const at = (seconds: number) => new Date(testNow.getTime() + seconds * 1000);
  let now = testNow;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database, () => now, {
      config: { metricsToken, commit: "abc1234" },
      workers,
    });
  });
  afterAll(async () => database.close());

  it("answers the liveness probe without touching the database", async () => {
    const response = await app.request("/health/live");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is ready when the database answers, migrations are applied and workers report in", async () => {
    workers.expect("jobs", 90_000, testNow);
    now = at(60);
    const response = await app.request("/health/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: database.kind,
      checks: [
        { name: "database", ok: true },
        { name: "migrations", ok: true },
        { name: "worker:jobs", ok: true },
      ],
    });
    // The old single probe answers the same.
    expect((await app.request("/health")).status).toBe(200);
  });

  it("is not ready when a worker has stopped reporting", async () => {
    now = at(91);
    const response = await app.request("/health/ready");
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: { name: string; detail?: string }[] };
    expect(body.status).toBe("unavailable");
    expect(body.checks.find((check) => check.name === "worker:jobs")?.detail).toBe(
      `no heartbeat since ${testNow.toISOString()}`,
    );
    workers.reportAlive("jobs", now);
    expect((await app.request("/health/ready")).status).toBe(200);
  });

  it("is not ready when a migration file has not been applied", async () => {
    const [last] = await database.query<{ name: string; checksum: string; applied_at: Date }>(
      "SELECT name, checksum, applied_at FROM kith_migration ORDER BY name DESC LIMIT 1",
    );
    await database.query("DELETE FROM kith_migration WHERE name = $1", [last.name]);
    try {
      const response = await app.request("/health/ready");
      expect(response.status).toBe(503);
      expect(JSON.stringify(await response.json())).toContain(`not applied: ${last.name}`);
    } finally {
      await database.query("INSERT INTO kith_migration (name, checksum, applied_at) VALUES ($1, $2, $3)", [
        last.name,
        last.checksum,
        last.applied_at,
      ]);
    }
  });

  it("tells the version, the commit and the database engine", async () => {
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8"));
    const response = await app.request("/info");
    const body = (await response.json()) as { version: string; commit: string; database: { engine: string } };
    expect(body.version).toBe(manifest.version);
    expect(body.commit).toBe("abc1234");
    expect(body.database.engine).toBe(database.kind);
  });

  it("refuses metrics without the token, with a message saying how to send it", async () => {
    const response = await app.request("/metrics");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      "Send the metrics token as `Authorization: Bearer <KITH_METRICS_TOKEN>`.",
    );
    const wrong = await app.request("/metrics", { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { detail: string }).detail).toMatch(/does not match/);
  });

  it("keeps metrics off when no token is configured", async () => {
    const closed = await buildTestApp(database, () => now, { config: { metricsToken: undefined } });
    const response = await closed.request("/metrics", { headers: bearer });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { title: string }).title).toBe("Metrics are turned off");
  });

  it("exposes request, job, outbox and pool series to the token holder", async () => {
    const organisation = await makeOrganisation(database.db);
    await queueEmails(database.db, organisation.id, testNow, [
      { recipient: "a@example.org", subject: "Hello", body: "One" },
      { recipient: "b@example.org", subject: "Hello", body: "Two" },
    ]);
    await enqueueJob(database.db, { name: "metrics-test-ok", runAt: testNow });
    await enqueueJob(database.db, { name: "metrics-test-broken", runAt: testNow });
    const definitions = [
      { name: "metrics-test-ok", run: async () => {} },
      {
        name: "metrics-test-broken",
        run: async () => {
          throw new Error("broken on purpose");
        },
      },
    ];
    await runDueJobs(database, definitions, testNow);
    await app.request("/health/live");
    await app.request("/sign-in/not-a-page/zqxprobe");

    const response = await app.request("/metrics", { headers: bearer });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(
      /kith_http_request_duration_seconds_count\{method="GET",route="\/health\/live"\} \d+/,
    );
    expect(text).toMatch(/kith_http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/);
    // Paths nothing answers share one series, so a scanner cannot create a series per URL.
    expect(text).toMatch(/kith_http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} \d+/);
    expect(text).not.toContain("zqxprobe");
    expect(text).toContain('kith_job_runs_total{job="metrics-test-ok"} 1');
    expect(text).toContain('kith_job_runs_total{job="metrics-test-broken"} 1');
    expect(text).toContain('kith_job_failures_total{job="metrics-test-broken"} 1');
    expect(text).not.toContain('kith_job_failures_total{job="metrics-test-ok"}');
    expect(text).toContain("kith_outbox_queued_messages 2");
    expect(text).toMatch(/kith_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toContain('kith_db_pool_connections{state="waiting"} 0');
    expect(text).toContain("kith_process_resident_memory_bytes");
  });
});
