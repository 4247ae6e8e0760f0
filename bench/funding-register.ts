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
import type { Database } from "../src/platform/db/database.ts";
import { newId } from "../src/platform/db/ids.ts";

// Part of bench/funding.ts: time to export a large 360Giving register. Loads GRANTS published
// grants in SQL (a mix of charities, companies, unregistered groups and some bad registration
// numbers), then streams the register as 360Giving JSON and CSV and the Transparency Code CSV,
// printing time, rate and peak memory of each, and checks the whole JSON file against the schema.
export async function benchRegister(database: Database, grants: number, scratchName: string): Promise<void> {
  const now = new Date();

  const organisation = await createOrganisation(database.db, null, now, {
    name: "Bench Homes",
    kind: "housing-association",
    orgIdentifier: "GB-MPR-1234",
  });
  const loadStarted = performance.now();
  const programmeId = newId();
  await database.query(
    `INSERT INTO grant_programme (organisation_id, id, code, title, description, grant_type, budget_pence, max_award_pence, opens_on, closes_on, eligibility_questions, scoring_criteria, outcomes, created_at)
     VALUES ($1, $2, 'BENCH', 'Bench programme', 'Benchmark', 'innovation', 100000000000, 1000000, '2025-01-01', '2025-03-31', '[]', '[]', $4, $3)`,
    // The grants' outcome comes from the outcome framework, so each exports a framework classification too.
    [
      organisation.id,
      programmeId,
      now,
      JSON.stringify([
        {
          code: "CI-1",
          title: "Residents feel less isolated",
          frameworkOutcomeId: newId(),
          frameworkTheme: "Wellbeing",
        },
      ]),
    ],
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
    `360Giving register: loaded ${grants.toLocaleString("en-GB")} grants in ${((performance.now() - loadStarted) / 1000).toFixed(1)}s (${database.describe}).`,
  );

  const formats: RegisterFormat[] = ["360giving-json", "360giving-csv", "transparency-csv"];
  for (const format of formats) {
    const file = path.join(tmpdir(), `${scratchName}.${format}`);
    const report = newRegisterReport();
    const started = performance.now();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    await pipeline(
      Readable.from(registerChunks(database.db, organisation.id, format, report, { now })),
      createWriteStream(file),
    );
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const size = (await stat(file)).size;
    console.log(
      `${format.padEnd(17)} ${report.grants.toLocaleString("en-GB")} grants in ${seconds.toFixed(2)}s = ${Math.round(report.grants / seconds).toLocaleString("en-GB")} grants/s, ${(size / 1024 / 1024).toFixed(1)} MB, ${report.issues.length.toLocaleString("en-GB")} identifier issues reported, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
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
}
