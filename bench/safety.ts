// Community safety at scale on PostgreSQL: generates 1,000,000 cases × scale (3 parties each, 1-3
// reports) inside PostgreSQL with INSERT … SELECT FROM generate_series, serves the real app, and
// measures under 50 concurrent clients:
//   - the case page (/safety/cases/:id) and a filtered case list (/safety?category=noise&state=open),
//   - a bare Hono JSON route in the same process and run (the framework's own limit), as a ratio,
//   - NM01 for all areas for one year.
// Run: npx node bench/safety.ts [--scale 1] [--seconds 20] [--keep] [--reuse NAME]
//   --scale 1 is the full size (1,000,000 cases, 3,000,000 parties); --scale 0.01 is 10,000 cases.
// The database is s3_safetyperf_bench_<timestamp>, created fresh and dropped at the end (--keep leaves
// it for EXPLAIN ANALYZE and prints its name: drop it yourself afterwards). --reuse NAME measures a
// kept database again without generating anything (its migrations are brought up to date; it is
// kept), so code changes can be compared on the same data. --skip-nm01 leaves out the NM01 timing
// (about 90 s at full scale on a busy machine) when only the pages are being compared.

import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createApp } from "../src/app.ts";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { modules } from "../src/modules/registry.ts";
import { nm01 } from "../src/modules/safety/index.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { recordAudit } from "../src/platform/audit/audit-log.ts";
import { loadSigningSecret } from "../src/platform/auth/secret.ts";
import { createUser } from "../src/platform/auth/users.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import type { Connection } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

const { values: options } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seconds: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    "skip-nm01": { type: "boolean", default: false },
  },
});
const scale = Number(options.scale);
const seconds = Number(options.seconds);
if (!(scale > 0 && scale <= 1) || !(seconds > 0)) {
  console.error("Usage: npx node bench/safety.ts [--scale 0<s<=1] [--seconds N>0] [--keep]");
  process.exit(2);
}
const cases = Math.round(1_000_000 * scale);
const clients = 50;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(import.meta.dirname, "..");
const reuse = options.reuse;
if (reuse !== undefined && !/^s3_safetyperf_bench_\d+$/.test(reuse)) {
  console.error("--reuse takes the name of a kept bench database (s3_safetyperf_bench_<digits>)");
  process.exit(2);
}
const dbName = reuse ?? `s3_safetyperf_bench_${Date.now()}`;
const homes = Math.max(1000, Math.round(cases / 20));
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

const admin = await openPostgres(serverUrl);
if (!reuse) await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const database = await openPostgres(url.toString());

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type LoadResult = { p50: number; p99: number; rps: number; errors: number };

/** 50 clients in a closed loop for `seconds`: each starts its next call when the last one ends. */
async function closedLoop(call: () => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        if (!(await call())) errors++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
    errors,
  };
}

function load(base: string, paths: () => string, cookie: string): Promise<LoadResult> {
  return closedLoop(async () => {
    const response = await fetch(`${base}${paths()}`, { headers: { cookie } });
    await response.arrayBuffer();
    return response.status === 200;
  });
}

const bulkTables = ["safety_case", "safety_party", "safety_report"];

/**
 * Loads homes, cases, parties and reports in a handful of INSERT … SELECT statements. The
 * secondary indexes are dropped first and rebuilt afterwards, and foreign-key triggers are off
 * for this one connection (replica role): building an index once is far faster than updating
 * it a million times, and the generated rows are consistent by construction.
 */
async function generateCases(connection: Connection, o: string): Promise<void> {
  await connection.execScript("SET session_replication_role = replica; SET maintenance_work_mem = '256MB'");
  const indexes = await connection.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
    [bulkTables],
  );
  for (const index of indexes) await connection.execScript(`DROP INDEX "${index.name}"`);
  // Homes spread over the Kent and Medway districts; cases over two years; parties and reports in bulk SQL.
  await connection.query(
    `INSERT INTO home (organisation_id, id, uprn, address_line_1, town, postcode, tenure, tsm_stock_category, la_code, block_name, created_at)
    SELECT $1, gen_random_uuid(), (200000000000 + g)::text, g || ' Bench Road', 'Benchtown', 'ME1 1AA', 'social-rent', 'lcra-general-needs',
           (ARRAY['E06000035','E07000105','E07000106','E07000107','E07000108','E07000109','E07000110','E07000111','E07000112','E07000113','E07000114','E07000115','E07000116'])[1 + g % 13],
           CASE WHEN g % 5 = 0 THEN 'Block ' || (g / 40) END, now()
      FROM generate_series(1, $2::int) AS g`,
    [o, homes],
  );
  await connection.query(
    `CREATE TEMP TABLE bench_home AS SELECT row_number() OVER (ORDER BY id) AS n, id, la_code, block_name FROM home WHERE organisation_id = $1`,
    [o],
  );
  const categories = [
    "noise",
    "harassment",
    "hate-incident",
    "fly-tipping",
    "animal-nuisance",
    "drugs",
    "communal-misuse",
    "household-noise",
  ];
  for (let start = 0; start < cases; start += 200_000) {
    const size = Math.min(200_000, cases - start);
    await connection.query(
      `INSERT INTO safety_case (organisation_id, id, reference, workflow, category, nsir_type, hate_strand, counts_as_asb, location_type, home_id, block_name, la_code, status, summary, published_fields, safeguarding_flags, opened_on, closed_on, source, legal_hold, created_at, updated_at)
      SELECT $1, gen_random_uuid(), 'B-' || g, 'asb', c.cat, 'nuisance', CASE WHEN g % 25 = 0 THEN 'race' END, c.cat <> 'household-noise', 'home', h.id, h.block_name, h.la_code,
             CASE WHEN g % 4 = 0 THEN 'open' ELSE 'closed' END, 'Bench case ' || g, '{}', '{}', d.opened, CASE WHEN g % 4 = 0 THEN NULL ELSE d.opened + 30 END, 'import', false, now(), now()
        FROM generate_series($2::int + 1, $2::int + $3::int) AS g
        CROSS JOIN LATERAL (SELECT ($4::text[])[1 + g % ${categories.length}] AS cat) c
        CROSS JOIN LATERAL (SELECT DATE '2024-04-01' + (g::bigint * 7919 % 730)::int AS opened) d
        JOIN bench_home h ON h.n = 1 + (g::bigint * 31 % $5::int)`,
      [o, start, size, categories, homes],
    );
  }
  await connection.query(
    `INSERT INTO safety_party (organisation_id, id, case_id, role, external_ref, display_name, vulnerable, created_at)
    SELECT c.organisation_id, gen_random_uuid(), c.id, r.role, 'P-' || (abs(hashtext(c.id::text || r.role)) % ${Math.max(1000, Math.round(cases / 2))}), 'Bench Person', false, now()
      FROM safety_case c CROSS JOIN (VALUES ('complainant'), ('alleged-perpetrator'), ('witness')) AS r(role) WHERE c.organisation_id = $1`,
    [o],
  );
  await connection.query(
    `INSERT INTO safety_report (organisation_id, id, case_id, status, source, reported_on, category, created_at)
    SELECT c.organisation_id, gen_random_uuid(), c.id, 'attached', 'import', c.opened_on + k * 5, c.category, now()
      FROM safety_case c CROSS JOIN generate_series(0, 2) AS k WHERE c.organisation_id = $1 AND (k = 0 OR abs(hashtext(c.id::text)) % 3 >= k)`,
    [o],
  );
  for (const index of indexes) await connection.execScript(index.definition);
  await connection.execScript("RESET session_replication_role");
}

try {
  const t0 = performance.now();
  const loadAtStart = loadAverage();
  await migrate(database);
  let o: string;
  if (reuse) {
    const [kept] = await database.query<{ id: string }>(
      "SELECT id FROM organisation WHERE name = 'Bench Homes'",
    );
    if (!kept) throw new Error(`${dbName} has no bench organisation: was it kept by this bench?`);
    o = kept.id;
  } else {
    await loadReferenceData(database, path.join(root, "reference"));
    const org = await createOrganisation(database.db, null, new Date(), {
      name: "Bench Homes",
      kind: "housing-association",
    });
    o = org.id;
    await database.withConnection((connection) => generateCases(connection, o));
    await database.query("ANALYZE");
    await createUser(database.db, systemActor(o), new Date(), {
      organisationId: o,
      email: "bench@example.org",
      name: "Bench Officer",
      role: "officer",
      password: "bench-password-123",
    });
  }
  // A live database's autovacuum sets the visibility map after a bulk load; without it every
  // index-only scan (the capped count, related cases through the open-case index) still reads the
  // heap. Vacuuming here measures the queries as they run in service; on a kept database whose
  // tables have not changed since, it finds nothing to do.
  await database.query(`VACUUM (ANALYZE) ${bulkTables.join(", ")}`);
  const [counts] = await database.query<{ cases: number; parties: number; reports: number }>(
    `SELECT (SELECT count(*) FROM safety_case)::int AS cases, (SELECT count(*) FROM safety_party)::int AS parties, (SELECT count(*) FROM safety_report)::int AS reports`,
  );
  const setupSeconds = (performance.now() - t0) / 1000;

  const config = loadConfig({ ...process.env, DATABASE_URL: url.toString() });
  const app = createApp(
    { database, config, signingSecret: await loadSigningSecret(database.db), clock: () => new Date() },
    modules,
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bare = new Hono();
  bare.get("/bare", (c) => c.json({ ok: true, at: Date.now() }));
  const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => bareServer.once("listening", () => resolve()));
  const bareBase = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

  // Sign in like a browser: read the CSRF cookie and token, post the form, keep the session cookie.
  const signInPage = await fetch(`${base}/sign-in`);
  const csrfCookie = signInPage.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())?.[1] ?? "";
  const signedIn = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, email: "bench@example.org", password: "bench-password-123" }),
  });
  const cookie = [csrfCookie, ...signedIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const ids = (
    await database.query<{ id: string }>("SELECT id FROM safety_case TABLESAMPLE SYSTEM (1) LIMIT 2000")
  ).map((r) => r.id);
  if (ids.length === 0)
    ids.push(
      ...(await database.query<{ id: string }>("SELECT id FROM safety_case LIMIT 2000")).map((r) => r.id),
    );
  let i = 0;

  // Which index answers a search from the middle of a reference or of an address (trigram indexes,
  // migrations 0025 and 0131): the scan lines of each plan, at this scale.
  const scansOf = async (statement: string, params: unknown[]) =>
    (await database.query<Record<string, string>>(`EXPLAIN ${statement}`, params))
      .map((row) => Object.values(row)[0] ?? "")
      .filter((line) => /Index|Seq Scan/.test(line))
      .map((line) => line.trim().replace(/\s+\(cost.*$/, ""))
      .join("; ");
  const referencePlan = await scansOf(
    "SELECT id FROM safety_case WHERE organisation_id = $1 AND reference ILIKE $2",
    [o, "%B-4242%"],
  );
  const addressPlan = await scansOf(
    "SELECT id FROM home WHERE organisation_id = $1 AND home_search_text(address_line_1, address_line_2, block_name, town, postcode) ILIKE $2",
    [o, "%4242 Bench%"],
  );

  const nm01Started = performance.now();
  const report = options["skip-nm01"]
    ? undefined
    : await nm01(database.db, systemActor(o), { from: "2025-04-01", to: "2026-03-31" });
  const nm01Ms = performance.now() - nm01Started;

  const bareResult = await load(bareBase, () => "/bare", "");
  const caseResult = await load(base, () => `/safety/cases/${ids[i++ % ids.length]}`, cookie);
  const listResult = await load(
    base,
    () => `/safety?state=open&category=noise&page=${1 + (i++ % 20)}`,
    cookie,
  );
  server.close();
  bareServer.close();
  // The audit entries alone, straight to the database: a read (read log, plain insert) against a
  // chained write (advisory lock per organisation), 50 callers in one organisation.
  const auditor = systemActor(o);
  const auditEntry = (action: string) => async () => {
    await recordAudit(database.db, auditor, new Date(), {
      action,
      entityType: "bench",
      summary: "Bench entry",
    });
    return true;
  };
  const readAudit = await closedLoop(auditEntry("read"));
  const chainedAudit = await closedLoop(auditEntry("update"));

  const fmt = (r: LoadResult) =>
    `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s${r.errors ? `, ${r.errors} non-200` : ""}`;
  console.log(
    `Community safety on PostgreSQL: ${counts?.cases.toLocaleString("en-GB")} cases, ${counts?.parties.toLocaleString("en-GB")} parties, ${counts?.reports.toLocaleString("en-GB")} reports, ${homes.toLocaleString("en-GB")} homes (set-up ${setupSeconds.toFixed(0)} s, load average at start ${loadAtStart})`,
  );
  console.log(
    `${clients} concurrent clients, ${seconds} s per test, one Node process; load average ${loadAverage()} (1, 5, 15 min; other engineers' work was running on the same 2 cores)`,
  );
  console.log(`  bare Hono JSON route:        ${fmt(bareResult)}`);
  // The goals of issue 14: p99 at most 5x the bare route's, throughput at least 20% of it.
  const againstGoals = (r: LoadResult) => {
    const p99Ratio = r.p99 / bareResult.p99;
    const share = (100 * r.rps) / bareResult.rps;
    return `p99 ${p99Ratio.toFixed(1)}x the bare route's (goal <= 5x: ${p99Ratio <= 5 ? "met" : "not met"}), throughput ${share.toFixed(1)}% of it (goal >= 20%: ${share >= 20 ? "met" : "not met"})`;
  };
  console.log(`  case page (audited read):    ${fmt(caseResult)}`);
  console.log(`      ${againstGoals(caseResult)}`);
  console.log(`  case list (filtered, paged): ${fmt(listResult)}`);
  console.log(`      ${againstGoals(listResult)}`);
  console.log(`  audit entry for a read (read log, no lock): ${fmt(readAudit)}`);
  console.log(`  audit entry for a write (hash chain, org lock): ${fmt(chainedAudit)}`);
  console.log(`  case search by reference (ILIKE '%B-4242%'): ${referencePlan}`);
  console.log(`  home search by address (ILIKE '%4242 Bench%'): ${addressPlan}`);
  if (report)
    console.log(
      `  NM01, all ${report.areas.length} areas, 2025-04-01 to 2026-03-31: ${nm01Ms.toFixed(0)} ms (${report.total.cases.toLocaleString("en-GB")} cases, ${report.total.casesPer1000Homes} per 1,000 homes)`,
    );
} finally {
  await database.close();
  if (options.keep || reuse) console.log(`Kept database ${dbName} (drop it when done)`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.close();
}
