// Benchmark: the community investment dashboard, the annual report's figures and one year's social
// value for a large landlord on PostgreSQL. Full scale (1): 125,000 homes, 5 years, 10 million
// attendance rows, 1 million outcome records. Every timing is also printed as a ratio to a plain
// `SELECT count(*)` over the attendance table in the same run, so figures compare across machines.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx node bench/impact.ts [--scale 0.01]
//
// It creates its own database (s3_impact2_bench_<n>), fills it inside PostgreSQL with
// INSERT … SELECT … generate_series (nothing row by row from Node), runs ANALYZE, and drops it at the end
// (--keep leaves it for EXPLAIN ANALYZE; --reuse NAME times a kept database again and leaves it).
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { installOpenDefaultBank } from "../src/modules/impact/commands/import-value-bank.ts";
import { periodFrom } from "../src/modules/impact/pages/impact-nav.ts";
import { computeDashboard } from "../src/modules/impact/queries/dashboard.ts";
import { computeSocialValue, computeSocialValueSummary } from "../src/modules/impact/queries/social-value.ts";
import { computeReportFigures, financialYear } from "../src/modules/impact/report/report-figures.ts";
import {
  rebuildAttendanceSummary,
  recordAttendance,
  recordSession,
} from "../src/modules/investment/index.ts";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    // --keep leaves the database for EXPLAIN ANALYZE; --reuse NAME times again on a kept one (no rebuild).
    keep: { type: "boolean" },
    reuse: { type: "string" },
  },
});
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) {
  console.error("--scale must be a number above 0 and at most 1, like 0.01");
  process.exit(2);
}
if (values.reuse !== undefined && !/^s3_impact2_bench_\d+$/.test(values.reuse)) {
  console.error(
    "--reuse takes the name of a database an earlier --keep run built, like s3_impact2_bench_1795384438012",
  );
  process.exit(2);
}
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server, like postgres://postgres@127.0.0.1:5432/postgres");
  process.exit(2);
}

const homes = Math.round(125_000 * scale);
const participants = Math.max(200, Math.round(250_000 * scale));
const projects = Math.max(20, Math.round(600 * Math.sqrt(scale)));
const attendanceTarget = Math.round(10_000_000 * scale);
const perSession = 12;
const sessions = Math.max(100, Math.round(attendanceTarget / perSession));
const outcomes = Math.round(1_000_000 * scale);
const now = new Date();
const today = now.toISOString().slice(0, 10);
const kentAndMedway = [
  "E06000035",
  "E07000105",
  "E07000106",
  "E07000107",
  "E07000108",
  "E07000109",
  "E07000110",
  "E07000111",
  "E07000112",
  "E07000113",
  "E07000114",
  "E07000115",
  "E07000116",
];

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

// Other people's work shares this machine; the load average beside each figure says how busy it was.
function load(): string {
  return `load ${loadavg()
    .map((figure) => figure.toFixed(2))
    .join(" ")}`;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  console.log(`  ${label}: ${(ms / 1000).toFixed(2)} s (${load()})`);
  return { ms, value };
}

/** Fills a fresh database inside PostgreSQL (INSERT … SELECT … generate_series) and returns the organisation id. */
async function buildLandlord(database: BenchDatabase): Promise<string> {
  await migrate(database);
  await loadReferenceData(database, loadConfig().referenceDir);
  const org = await createOrganisation(database.db, null, now, {
    name: "Bench Homes",
    kind: "housing-association",
  });
  const o = org.id;
  const actor = systemActor(o, "bench");
  await installOpenDefaultBank(database.db, actor, now);
  const codes = [
    "EMP-FT",
    "EMP-PT",
    "EMP-TRAIN",
    "SKL-DIGITAL",
    "FIN-DEBT",
    "FIN-CONF",
    "HLT-ANX",
    "HLT-ACTIVE",
    "SOC-LONELY",
    "SOC-GROUP",
    "SOC-VOLUNTEER",
    "YTH-CONFIDENT",
    "NBH-SAFE",
  ];

  await timed("generate data", async () => {
    await database.query(
      `INSERT INTO organisation_area (organisation_id, la_code) SELECT $1, unnest($2::text[])`,
      [o, kentAndMedway],
    );
    // Neighbourhoods of the Kent and Medway local authorities, numbered so rows can pick one by index.
    await database.execScript(
      `CREATE TEMP TABLE bench_lsoa AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, lad_code FROM lsoa WHERE edition = 'iod2025' AND lad_code IN (${kentAndMedway.map((c) => `'${c}'`).join(",")})`,
    );
    const [{ count: lsoaCount }] = await database.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM bench_lsoa",
    );
    await database.query(
      `INSERT INTO home (organisation_id, id, uprn, address_line_1, town, postcode, tenure, tsm_stock_category, la_code, lsoa21_code, created_at)
       SELECT $1, gen_random_uuid(), (100000000000 + i)::text, i || ' Bench Street', 'Kent', 'ME1 1AA', 'social-rent', 'lcra-general-needs', l.lad_code, l.code, $2
       FROM generate_series(0::bigint, $3 - 1) i JOIN bench_lsoa l ON l.n = (i * 7919) % $4`,
      [o, now, homes, lsoaCount],
    );
    await database.query(
      `INSERT INTO participant (organisation_id, id, external_ref, display_name, date_of_birth, tenant, la_code, lsoa21_code, communities, created_at)
       SELECT $1, gen_random_uuid(), 'bench-' || i, 'Participant ' || i, date '1940-01-01' + ((i * 7907) % 25000)::int, i % 3 <> 0, l.lad_code, l.code, '{}', $2
       FROM generate_series(0::bigint, $3 - 1) i JOIN bench_lsoa l ON l.n = (i * 104729) % $4`,
      [o, now, participants, lsoaCount],
    );
    await database.query(
      `INSERT INTO investment_theme (organisation_id, id, code, name, cross_cutting, position)
       VALUES ($1, gen_random_uuid(), 'wellbeing', 'Wellbeing', false, 0), ($1, gen_random_uuid(), 'communities', 'Communities', false, 1), ($1, gen_random_uuid(), 'employability', 'Employability', false, 2)`,
      [o],
    );
    await database.query(
      `INSERT INTO project (organisation_id, id, name, kind, stage, community_development, need_answer, best_placed_answer, resource_answer, life_role,
                            toc_inputs, toc_activities, toc_outputs, toc_outcomes, attribution_percent, displacement_percent, drop_off_percent, benefit_years, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'Project ' || i, 'project', CASE WHEN i % 10 = 0 THEN 'pipeline' ELSE 'active' END, i % 2 = 0, 'yes', 'yes', 'yes', 'lead',
              'i', 'a', 'o', 'c', 10, 5, 20, 2, $2, $2
       FROM generate_series(0::bigint, $3 - 1) i`,
      [o, now, projects],
    );
    await database.execScript(
      "CREATE TEMP TABLE bench_project AS SELECT row_number() OVER (ORDER BY name) - 1 AS n, id FROM project",
    );
    await database.query(
      `INSERT INTO project_theme (organisation_id, project_id, theme_id)
       SELECT $1, p.id, t.id FROM bench_project p JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS n, id FROM investment_theme WHERE organisation_id = $1) t ON t.n = p.n % 3`,
      [o],
    );
    await database.query(
      `INSERT INTO project_area (organisation_id, project_id, la_code) SELECT $1, p.id, ($2::text[])[(p.n % 13) + 1] FROM bench_project p`,
      [o, kentAndMedway],
    );
    for (let year = now.getUTCFullYear() - 5; year <= now.getUTCFullYear(); year++) {
      await database.query(
        `INSERT INTO project_funding (organisation_id, id, project_id, source, kind, amount_pence, year, secured)
         SELECT $1, gen_random_uuid(), p.id, 'Budget', CASE WHEN k = 0 THEN 'internal' ELSE 'external' END, 1000000 + (p.n * 9973 % 3000000), $2, true
         FROM bench_project p CROSS JOIN generate_series(0, 1) k`,
        [o, year],
      );
    }
    // Sessions spread over five years; attendance in batches so one statement never holds too much,
    // each batch in session (so date) order, as registers are written: a year's rows sit together.
    await database.query(
      `INSERT INTO activity_session (organisation_id, id, project_id, title, held_on, duration_minutes, depth, la_code, lsoa21_code, created_at)
       SELECT $1, gen_random_uuid(), p.id, 'Session', $2::date - (i % 1825)::int, 90, CASE WHEN i % 3 = 0 THEN 'in-depth' ELSE 'light' END, l.lad_code, l.code, $3
       FROM generate_series(0::bigint, $4 - 1) i JOIN bench_project p ON p.n = i % $5 JOIN bench_lsoa l ON l.n = (i * 31) % $6`,
      [o, today, now, sessions, projects, lsoaCount],
    );
    // Numbered in date order, so attendance is written in date order as real registers are (sessions
    // get random ids here; in Kith they are time-ordered UUID v7s).
    await database.execScript(
      "CREATE TEMP TABLE bench_session AS SELECT row_number() OVER (ORDER BY held_on, id) - 1 AS n, id, held_on FROM activity_session",
    );
    await database.execScript(
      "CREATE TEMP TABLE bench_participant AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM participant",
    );
    await database.execScript("CREATE INDEX ON bench_session (n); CREATE INDEX ON bench_participant (n);");
    // The two big tables are written with their foreign-key triggers off and their secondary indexes
    // built once afterwards: the rows are consistent by construction (every id comes from the temp
    // tables above), and checking 20 million keys and growing two indexes row by row is what made
    // scale 1 take an hour. Checks and the primary key still apply.
    await database.withConnection(async (bulk) => {
      await bulk.execScript(
        "SET session_replication_role = replica; SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; DROP INDEX attendance_participant, attendance_held_on, outcome_record_achieved, outcome_record_participant",
      );
      const batch = 200_000;
      for (let start = 0; start < sessions; start += batch) {
        await bulk.query(
          `INSERT INTO attendance (organisation_id, session_id, participant_id, role, minutes, held_on)
           SELECT $1, s.id, p.id, CASE WHEN k = 0 THEN 'volunteer' WHEN k = 1 AND s.n % 5 = 0 THEN 'service-user-input' ELSE 'participant' END, CASE WHEN k <= 1 THEN 90 ELSE 0 END, s.held_on
           FROM bench_session s CROSS JOIN generate_series(0, $2 - 1) k
           JOIN bench_participant p ON p.n = (s.n * 13 + k * 7907) % $3
           WHERE s.n >= $4 AND s.n < $5
           ORDER BY s.n, k
           ON CONFLICT DO NOTHING`,
          [o, perSession, participants, start, start + batch],
        );
      }
      await bulk.query(
        `INSERT INTO outcome_record (organisation_id, id, participant_id, project_id, value_code, achieved_on, wellbeing_before, wellbeing_after, distance_before, distance_after, evidence, story, created_at)
         SELECT $1, gen_random_uuid(), bp.id, pr.id, ($2::text[])[((i % 13) + 1)::int], $3::date - (i % 1825)::int, 15, 20, 3, 7, 'Survey', CASE WHEN i % 500 = 0 THEN 'A story' END, $4
         FROM generate_series(0::bigint, $5 - 1) i JOIN bench_participant bp ON bp.n = (i * 48271) % $6 JOIN bench_project pr ON pr.n = i % $7`,
        [o, codes, today, now, outcomes, participants, projects],
      );
      // The same definitions as the migrations (0200, 0203).
      await bulk.execScript(
        `CREATE INDEX attendance_participant ON attendance (organisation_id, participant_id);
         CREATE INDEX attendance_held_on ON attendance (organisation_id, held_on);
         CREATE INDEX outcome_record_achieved ON outcome_record (organisation_id, achieved_on);
         CREATE INDEX outcome_record_participant ON outcome_record (organisation_id, participant_id, value_code);
         RESET session_replication_role`,
      );
    });
    // Bulk-loaded attendance bypasses the register commands, so the summary is built from it here.
    await rebuildAttendanceSummary(database.db, o);
    await database.query(
      `INSERT INTO project_spend (organisation_id, id, project_id, spent_on, amount_pence, description)
       SELECT $1, gen_random_uuid(), p.id, $2::date - m * 30, 150000 + (p.n * 7 % 100000), 'Month' FROM bench_project p CROSS JOIN generate_series(0, 59) m`,
      [o, today],
    );
    // VACUUM as well as ANALYZE: a freshly loaded table has no hint bits and no visibility map, so the
    // first reads would write every page back; autovacuum would have done this on a live system.
    await database.execScript("VACUUM ANALYZE");
  });
  return o;
}

/** With --reuse: the organisation an earlier --keep run built. */
async function benchOrganisation(database: BenchDatabase): Promise<string> {
  const [org] = await database.query<{ id: string }>(
    "SELECT id FROM organisation WHERE name = 'Bench Homes'",
  );
  if (!org) throw new Error("That database holds no Bench Homes organisation: build one with --keep first.");
  return org.id;
}

type BenchDatabase = Awaited<ReturnType<typeof openPostgres>>;

const name = values.reuse ?? `s3_impact2_bench_${Date.now()}`;
const admin = await openPostgres(serverUrl);
if (!values.reuse) await admin.query(`CREATE DATABASE ${name}`);
const database = await openPostgres(withDatabase(serverUrl, name));
// Dropping the database at the end ends idle pooled connections; that is expected, not a crash.
database.pool.on("error", () => {});
try {
  console.log(
    `Impact benchmark at scale ${scale}: ${homes.toLocaleString("en-GB")} homes, ${participants.toLocaleString("en-GB")} participants, ${projects} projects, ${sessions.toLocaleString("en-GB")} sessions, ~${(sessions * perSession).toLocaleString("en-GB")} attendance rows, ${outcomes.toLocaleString("en-GB")} outcomes over 5 years (PostgreSQL).`,
  );
  // A kept database gets any migration added since it was built (new indexes, summaries).
  if (values.reuse) await migrate(database);
  const o = values.reuse ? await benchOrganisation(database) : await buildLandlord(database);
  const actor = systemActor(o, "bench");
  const [{ count: attendanceRows }] = await database.query<{ count: string }>(
    "SELECT count(*) AS count FROM attendance",
  );
  console.log(`  attendance rows: ${Number(attendanceRows).toLocaleString("en-GB")}`);
  const lastYear = now.getUTCMonth() >= 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear() - 2;
  const period = financialYear(lastYear);
  console.log(`Timings (financial year ${period.label}; second run of each, after one warm-up):`);
  const run = async (label: string, work: () => Promise<unknown>) => {
    await work();
    return (await timed(label, work)).ms;
  };
  const countMs = await run("SELECT count(*) FROM attendance", () =>
    database.query("SELECT count(*) FROM attendance"),
  );
  const dashboardMs = await run("whole dashboard", () =>
    computeDashboard(database.db, actor, { from: period.from, to: period.to }),
  );
  // The dashboard page's default: the last 12 months to today, day-precise (partial months at both ends).
  const rolling = periodFrom({}, today);
  const rollingMs = await run(`whole dashboard, ${rolling.from} to ${rolling.to} (the page's default)`, () =>
    computeDashboard(database.db, actor, { from: rolling.from, to: rolling.to }),
  );
  const reportMs = await run("annual report figures", () =>
    computeReportFigures(database.db, actor, { name: "Bench Homes", colour: null }, lastYear),
  );
  const valueMs = await run("social value for one year", () =>
    computeSocialValue(database.db, actor, { from: period.from, to: period.to }),
  );
  // The dashboard's part of it: the same totals without the lines (computeSocialValueSummary).
  const totalsMs = await run("social value totals for one year (the dashboard's)", () =>
    computeSocialValueSummary(database.db, actor, { from: period.from, to: period.to }),
  );
  // Bulk attendance entry: one register of 500 people saved through the command (validation, upsert, audit).
  const [someProject] = await database.query<{ id: string }>(
    "SELECT id FROM project WHERE stage = 'active' LIMIT 1",
  );
  const people = await database.query<{ id: string }>("SELECT id FROM participant LIMIT 500");
  const session = await recordSession(database.db, actor, now, {
    projectId: someProject.id,
    title: "Big event",
    heldOn: today,
    durationMinutes: 120,
    depth: "light",
    laCode: "E06000035",
  });
  await timed(`record attendance of ${people.length} people at one session`, () =>
    recordAttendance(database.db, actor, now, session.id, {
      attendees: people.map((p) => ({ participantId: p.id })),
    }),
  );
  console.log("Ratios to SELECT count(*) over attendance:");
  console.log(`  dashboard: ${(dashboardMs / countMs).toFixed(1)}×`);
  console.log(`  dashboard, last 12 months (the page's default): ${(rollingMs / countMs).toFixed(1)}×`);
  console.log(`  report figures: ${(reportMs / countMs).toFixed(1)}×`);
  console.log(`  social value (one year): ${(valueMs / countMs).toFixed(1)}×`);
  console.log(`  social value totals (one year, the dashboard's): ${(totalsMs / countMs).toFixed(1)}×`);
} catch (error) {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
  if (!values.keep && !values.reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
