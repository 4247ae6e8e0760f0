// Grants benchmark: time to export a large 360Giving register from PostgreSQL.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/grants.ts [GRANTS]
//
// GRANTS defaults to 100,000 (the figure). It builds a throwaway database,
// loads GRANTS published grants (a mix of charities, companies, unregistered groups and
// some bad registration numbers), then streams the register as 360Giving JSON and CSV
// and the Transparency Code CSV, printing the time and rate of each, and checks the
// whole JSON file against the official schema.
import { createWriteStream } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  newRegisterReport,
  type RegisterFormat,
  registerChunks,
} from "../src/modules/grants/register/export-register.ts";
import { registerValidator } from "../src/modules/grants/register/validate-register.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { newId } from "../src/platform/db/ids.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

const grants = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(grants) || grants < 1) {
  console.error("Usage: node bench/grants.ts [GRANTS]   (a whole number of grants, like 100000)");
  process.exit(2);
}
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  process.exit(2);
}

const name = `kith_bench_grants_${newId().replaceAll("-", "").slice(0, 16)}`;
const admin = await openPostgres(serverUrl);
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openPostgres(url.toString());
const now = new Date();

try {
  await migrate(database);
  const organisation = await createOrganisation(database.db, null, now, {
    name: "Bench Homes",
    kind: "housing-association",
    orgIdentifier: "GB-MPR-1234",
  });
  const loadStarted = performance.now();
  const programmeId = newId();
  await database.query(
    `INSERT INTO grant_programme (organisation_id, id, code, title, description, grant_type, budget_pence, max_award_pence, opens_on, closes_on, eligibility_questions, scoring_criteria, outcomes, created_at)
     VALUES ($1, $2, 'BENCH', 'Bench programme', 'Benchmark', 'innovation', 100000000000, 1000000, '2025-01-01', '2025-03-31', '[]', '[]', '[]', $3)`,
    [organisation.id, programmeId, now],
  );
  // One INSERT … SELECT per table: loading is not what is measured.
  await database.query(
    `INSERT INTO grant_award (organisation_id, id, reference, programme_id, route, direct_award_criterion, direct_award_justification, status, grant_type, title, description,
       recipient_name, recipient_type, charity_number, company_number, recipient_postcode, recipient_town, amount_applied_for_pence, amount_awarded_pence,
       award_date, start_date, end_date, grant_owner, accountable_officer, outcome_codes, created_at, updated_at)
     SELECT $1, gen_random_uuid(), 'GR-' || lpad(to_hex(n), 8, '0'), CASE WHEN n % 20 = 0 THEN NULL ELSE $2::uuid END,
       CASE WHEN n % 20 = 0 THEN 'direct-award' ELSE 'open-call' END,
       CASE WHEN n % 20 = 0 THEN 'track-record' END, CASE WHEN n % 20 = 0 THEN 'Ten years of evaluated results.' END,
       CASE WHEN n % 50 = 0 THEN 'ended' ELSE 'active' END, CASE WHEN n % 3 = 0 THEN 'strategic' ELSE 'innovation' END,
       'Community project ' || n, 'A community project "number" ' || n || ', with commas',
       'Community organisation ' || n,
       CASE n % 4 WHEN 0 THEN 'registered-charity' WHEN 1 THEN 'community-interest-company' WHEN 2 THEN 'community-group' ELSE 'registered-charity' END,
       CASE WHEN n % 4 = 0 THEN (1000000 + n % 999999)::text WHEN n % 4 = 3 AND n % 8 = 3 THEN 'BAD' || n END,
       CASE WHEN n % 4 = 1 THEN lpad((n % 99999999)::text, 8, '0') END,
       'ME1 1AA', 'Rochester', 100000 + (n % 900) * 1000, 100000 + (n % 900) * 1000 - (n % 7),
       DATE '2025-01-01' + (n % 365), DATE '2025-02-01' + (n % 365), DATE '2026-01-31' + (n % 365),
       'Grant owner', 'Accountable officer', '["CI-1"]', $3, $3
     FROM generate_series(1, $4::int) AS n`,
    [organisation.id, programmeId, now, grants],
  );
  await database.query(
    `INSERT INTO grant_payment (organisation_id, id, grant_id, instalment, due_on, amount_pence, status, paid_on)
     SELECT organisation_id, gen_random_uuid(), id, 1, start_date, amount_awarded_pence, 'paid', start_date FROM grant_award WHERE organisation_id = $1`,
    [organisation.id],
  );
  await database.query("ANALYZE");
  console.log(
    `Loaded ${grants.toLocaleString("en-GB")} grants in ${((performance.now() - loadStarted) / 1000).toFixed(1)}s (${database.describe}).`,
  );

  const formats: RegisterFormat[] = ["360giving-json", "360giving-csv", "transparency-csv"];
  for (const format of formats) {
    const file = path.join(tmpdir(), `${name}.${format}`);
    const report = newRegisterReport();
    const started = performance.now();
    await pipeline(
      Readable.from(registerChunks(database.db, organisation.id, format, report, { now })),
      createWriteStream(file),
    );
    const seconds = (performance.now() - started) / 1000;
    const size = (await stat(file)).size;
    console.log(
      `${format.padEnd(17)} ${report.grants.toLocaleString("en-GB")} grants in ${seconds.toFixed(2)}s = ${Math.round(report.grants / seconds).toLocaleString("en-GB")} grants/s, ${(size / 1024 / 1024).toFixed(1)} MB, ${report.issues.length.toLocaleString("en-GB")} identifier issues reported`,
    );
    if (report.grants !== grants)
      throw new Error(`Expected ${grants} grants in the export, got ${report.grants}`);
    if (format === "360giving-json") {
      const data = JSON.parse(await readFile(file, "utf8")) as { grants: unknown[] };
      const validationStarted = performance.now();
      const errors = registerValidator().validatePackage(data);
      console.log(
        `  schema check of all ${data.grants.length.toLocaleString("en-GB")} grants: ${errors.length} errors (${((performance.now() - validationStarted) / 1000).toFixed(2)}s)`,
      );
      if (errors.length > 0) throw new Error(errors.slice(0, 5).join("\n"));
    }
    await rm(file, { force: true });
  }
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
