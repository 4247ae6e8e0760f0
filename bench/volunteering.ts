// Volunteering benchmarks on PostgreSQL: matching (volunteers × roles) and the hours report.
//   npx node bench/volunteering.ts [--scale 1]
// Full scale: 100,000 volunteers × 5,000 roles, and 5,000,000 hour records.
// --scale 0.01 builds 1,000 × 50 and 50,000 hours: use it to check the script works.
// DATABASE_URL chooses the server (default postgres://postgres@127.0.0.1:5432/postgres);
// the script makes its own database and drops it at the end.
import { parseArgs } from "node:util";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { suggestOpportunities, suggestVolunteers } from "../src/modules/volunteering/queries/matching.ts";
import { volunteeringValue } from "../src/modules/volunteering/queries/volunteering-value.ts";
import { interests, skills, themes } from "../src/modules/volunteering/vocabulary.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } } });
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) {
  console.error("--scale must be a number in (0, 1], e.g. 0.01");
  process.exit(2);
}
const volunteers = Math.round(100_000 * scale);
const roles = Math.max(10, Math.round(5_000 * scale));
const hourRecords = Math.round(5_000_000 * scale);
const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const name = `kith_bench_vol_${process.pid}`;

const admin = await openPostgres(serverUrl);
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openPostgres(url.toString());

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};
const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${ms.length} runs)`;
};
const textArray = (list: string[]) => `ARRAY[${list.map((v) => `'${v}'`).join(",")}]`;

try {
  await migrate(database);
  await loadReferenceData(database, loadConfig().referenceDir);
  const now = new Date("2026-06-15T10:00:00Z");
  const organisation = await createOrganisation(database.db, null, now, {
    name: "Bench Homes",
    kind: "housing-association",
  });
  const org = organisation.id;
  const interestKeys = textArray(Object.keys(interests));
  const skillKeys = textArray(Object.keys(skills));
  const slots = textArray(["weekday-mornings", "weekday-afternoons", "weekday-evenings", "weekends"]);
  const themeKeys = textArray(Object.keys(themes));
  // Random subsets per row: the "+ 0 * g" ties the subquery to the row so it is evaluated for each one.
  const subset = (keys: string, p: number) =>
    `ARRAY(SELECT k FROM unnest(${keys}) k WHERE random() < ${p} + 0 * g)`;

  const [, buildMs] = await timed(async () => {
    await database.query(
      `
      INSERT INTO volunteer (organisation_id, id, given_name, family_name, email, postcode, latitude, longitude, interests, skills, availability, created_at)
      SELECT $1, gen_random_uuid(), 'Given' || g, 'Family', 'v' || g || '@example.org', 'ME4 4TR',
             51.0 + random() * 0.45, 0.1 + random() * 1.3, ${subset(interestKeys, 0.2)}, ${subset(skillKeys, 0.15)}, ${subset(slots, 0.4)}, $2
        FROM generate_series(1, ${volunteers}) g`,
      [org, now],
    );
    await database.query(
      `
      INSERT INTO vol_opportunity (organisation_id, id, title, description, activity, theme, skills, interests, availability, remote,
                                   postcode, latitude, longitude, time_commitment, dbs_required, training_required, places, status, created_by, created_at, approved_at)
      SELECT $1, gen_random_uuid(), 'Role ' || g, 'A role', 'Activity ' || (g % 200), (${themeKeys})[1 + g % 9],
             ${subset(skillKeys, 0.12)}, ${subset(interestKeys, 0.15)} || ARRAY[(${interestKeys})[1 + g % 12]], ${subset(slots, 0.5)}, g % 10 = 0,
             'ME4 4TR', 51.0 + random() * 0.45, 0.1 + random() * 1.3, '2 hours a week', g % 4 = 0, ARRAY[]::text[], 20, 'approved', 'bench', $2, $2
        FROM generate_series(1, ${roles}) g`,
      [org, now],
    );
    await database.query(`CREATE TEMP TABLE v AS SELECT row_number() OVER () AS n, id FROM volunteer`);
    await database.query(
      `CREATE TEMP TABLE o AS SELECT row_number() OVER () AS n, id, theme, la_code FROM vol_opportunity`,
    );
    await database.query(
      `
      INSERT INTO vol_hours (organisation_id, id, volunteer_id, opportunity_id, worked_on, minutes, theme, la_code, status, logged_by, logged_at)
      SELECT $1, gen_random_uuid(), v.id, o.id, DATE '2024-06-15' + (g % 730), 60 + 30 * (g % 6), o.theme,
             (ARRAY['E06000035','E07000110','E07000114','E07000105','E07000106'])[1 + g % 5],
             CASE WHEN g % 20 = 0 THEN 'submitted' ELSE 'verified' END, 'coordinator', $2
        FROM generate_series(1, ${hourRecords}) g
        JOIN v ON v.n = 1 + (g::bigint * 7919) % ${volunteers}
        JOIN o ON o.n = 1 + (g::bigint * 104729) % ${roles}`,
      [org, now],
    );
    await database.query(
      `INSERT INTO vol_hourly_rate (organisation_id, id, year, rate_pence, source, recorded_at)
      SELECT $1, gen_random_uuid(), y, 1100 + (y - 2024) * 60, 'bench', $2 FROM generate_series(2024, 2026) y`,
      [org, now],
    );
    await database.query("ANALYZE");
  });
  console.log(
    `Volunteering benchmark on PostgreSQL, scale ${scale}: ${volunteers.toLocaleString("en-GB")} volunteers × ${roles.toLocaleString("en-GB")} roles, ${hourRecords.toLocaleString("en-GB")} hour records (built in ${(buildMs / 1000).toFixed(1)} s)`,
  );

  const actor = systemActor(org, "bench");
  const sampleVolunteers = (
    await database.query<{ id: string }>("SELECT id FROM volunteer ORDER BY md5(id::text) LIMIT 25")
  ).map((r) => r.id);
  const sampleRoles = (
    await database.query<{ id: string }>("SELECT id FROM vol_opportunity ORDER BY md5(id::text) LIMIT 25")
  ).map((r) => r.id);
  const forVolunteer: number[] = [];
  for (const id of sampleVolunteers)
    forVolunteer.push((await timed(() => suggestOpportunities(database.db, actor, now, id, 10)))[1]);
  const forRole: number[] = [];
  let found = 0;
  for (const id of sampleRoles) {
    const [matches, ms] = await timed(() => suggestVolunteers(database.db, actor, now, id, 10));
    forRole.push(ms);
    found += matches.length;
  }
  console.log(
    `Matching, top 10 roles for one volunteer (scored over all ${roles.toLocaleString("en-GB")} roles): ${stats(forVolunteer)}`,
  );
  console.log(
    `Matching, top 10 volunteers for one role (scored over all ${volunteers.toLocaleString("en-GB")} volunteers): ${stats(forRole)}; ${found} suggestions`,
  );

  const report: number[] = [];
  let total = 0;
  for (let run = 0; run < 3; run++) {
    const [value, ms] = await timed(() =>
      volunteeringValue(database.db, org, { from: "2024-01-01", to: "2026-12-31" }),
    );
    report.push(ms);
    total = value.total.minutes;
  }
  const [year, yearMs] = await timed(() =>
    volunteeringValue(database.db, org, { from: "2025-04-01", to: "2026-03-31" }),
  );
  console.log(
    `Hours report over all ${hourRecords.toLocaleString("en-GB")} records (total, by theme, area, organisation and year, valued by year): ${stats(report)}; ${Math.round(total / 60).toLocaleString("en-GB")} verified hours`,
  );
  console.log(
    `Hours report for one financial year: ${yearMs.toFixed(1)} ms; ${Math.round(year.total.minutes / 60).toLocaleString("en-GB")} hours, £${(year.total.valuePence / 100).toLocaleString("en-GB")}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  database.pool.on("error", () => {}); // the drop below ends any idle connection
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
