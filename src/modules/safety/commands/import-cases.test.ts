import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { loadSafetyConfiguration } from "../domain/configuration.ts";
import { makeHomes, makePerson, medway } from "../testing/fixtures.ts";
import { type ParsedRow, parseRow } from "../testing/import-row-rules.ts";
import { type ImportError, importCaseFile, rowError } from "./import-cases.ts";

// The SQL rules of the staged cases import (import-cases-sql.ts) against the per-row rules the
// import used before (testing/import-row-rules.ts): the same file must give the same line, field
// and message for every problem, and the rows both accept must be stored as the per-row rules read them.

let database: Database;
let organisationId: string;
let folder: string;
let linkedPerson: string;
let strangerPerson: string;

const header =
  "reference,opened_on,closed_on,category,hate_strand,uprn,parties,reports,la_code,summary,outcome";
const rows = [
  // Good rows, written as other systems write them.
  "G-1,01/05/2025,2025-06-01,Noise,,000501,P1:victim;P2:Perpetrator:Sam Smith,2025-05-20;1/5/2025,,A summary,Resolved",
  "G-2,2025-04-10,,HARASSMENT,Religion or belief,502,P3:household member;P4:witness:Ann: a neighbour,,,,",
  "G-3,2025-04-11,,hate-incident,faith,,LINKED:complainant;STRANGER:agency,,e07000110,,Never used",
  "G-4,2025-04-12,2025-04-12,drugs,,501,P5:complainant/victim,2025-04-12;2025-04-12,,,",
  // One bad value for every rule, several on some lines.
  ",2025-05-01,,noise,,501,P1:complainant,",
  `${"R".repeat(51)},2025-05-01,,noise,,501,P1:complainant,`,
  "B-1,,,noise,,501,P1:complainant,",
  "B-2,2025-02-30,2025-13-01,noise,,501,P1:complainant,",
  "B-3,2025-05-01,2025-04-30,noise,,501,P1:complainant,",
  "B-4,2025-05-01,,burglary,martian,501,P1:complainant,",
  "B-5,2025-05-01,,hate-incident,,501,P1:complainant,",
  "B-6,2025-05-01,,noise,,12AB,P1:complainant,",
  "B-7,2025-05-01,,noise,,1234567890123,P1:complainant,",
  "B-8,2025-05-01,,noise,,999,P1:complainant,",
  "B-9,2025-05-01,,noise,,601,P1:complainant,",
  "B-10,2025-05-01,,noise,,,P1:complainant,",
  "B-11,2025-05-01,,noise,,,P1:complainant,,W06000001",
  "B-12,2025-05-01,,noise,,501,:complainant;P2:boss;P3,",
  "B-13,2025-05-01,,noise,,501, ; ,",
  "B-14,2025-05-01,,noise,,501,P1:complainant,2025-05-xx;;31/02/2025",
  "B-15,yesterday,someday,nothing,gender identity,x,P1,x",
  // Repeats in the file, and a case already in Kith.
  "G-1,2025-05-01,,noise,,501,P1:complainant,",
  "OLD-1,2025-05-01,,noise,,501,P1:complainant,",
  "OLD-1,2025-05-01,,noise,,501,P1:complainant,",
];

async function writeCsv(name: string, lines: string[]): Promise<string> {
  const file = path.join(folder, name);
  const text = [header, ...lines]
    .join("\n")
    .replace("LINKED", linkedPerson)
    .replace("STRANGER", strangerPerson);
  await writeFile(file, text);
  return file;
}

/** What the per-row rules say of the file: every problem, and the rows they accept. */
async function perRowVerdict(file: string): Promise<{ errors: ImportError[]; good: ParsedRow[] }> {
  const actor = systemActor(organisationId, "test");
  const configuration = await loadSafetyConfiguration(database.db, organisationId);
  const records: string[][] = parse(await readFile(file, "utf8"), {
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  });
  const names = records[0] ?? [];
  const errors: ImportError[] = [];
  const parsed: ParsedRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const cells = Object.fromEntries(names.map((name, column) => [name, records[index]?.[column] ?? ""]));
    const row = await parseRow(database.db, actor, testNow, index + 1, cells, configuration, errors);
    if (row) parsed.push(row);
  }
  // The file-level rules, as the import applied them to the rows that passed.
  const firstLine = new Map<string, number>();
  for (const row of parsed) {
    if (firstLine.has(row.reference))
      errors.push({
        line: row.line,
        field: "reference",
        message: `Reference ${row.reference} appears more than once in the file`,
      });
    else firstLine.set(row.reference, row.line);
  }
  const existing = await database.query<{ reference: string }>(
    "SELECT reference FROM safety_case WHERE organisation_id = $1",
    [organisationId],
  );
  for (const { reference } of existing) {
    const line = firstLine.get(reference);
    if (line) errors.push({ line, field: "reference", message: `Case ${reference} is already in Kith` });
  }
  const badLines = new Set(errors.map((error) => error.line));
  return {
    errors: errors.sort((a, b) => a.line - b.line),
    good: parsed.filter((row) => !badLines.has(row.line)),
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  const otherId = (await makeOrganisation(database.db, "Other Homes")).id;
  await makeHomes(database, organisationId, medway, 3, 500);
  await makeHomes(database, otherId, medway, 1, 601);
  linkedPerson = await makePerson(database, organisationId, "Lina", "Linked");
  strangerPerson = await makePerson(database, otherId, "Stan", "Stranger");
  folder = await mkdtemp(path.join(tmpdir(), "kith-import-cases-"));
  const old = path.join(folder, "old.csv");
  await writeFile(old, `${header}\nOLD-1,2024-01-01,,noise,,500,P9:complainant,,,,`);
  const seeded = await importCaseFile(database, systemActor(organisationId, "test"), testNow, old);
  expect(seeded.result.cases).toBe(1);
});

afterAll(async () => {
  await database.close();
});

describe("import cases in SQL against the per-row rules", () => {
  it("reports every problem with the same line, field and message, and writes nothing", async () => {
    const file = await writeCsv("all-rules.csv", rows);
    const expected = await perRowVerdict(file);
    const report = await importCaseFile(database, systemActor(organisationId, "test"), testNow, file);
    expect(report.committed).toBe(false);
    expect(report.problems.map(rowError)).toEqual(expected.errors);
    // Every field's rules were exercised.
    const fields = "reference opened_on closed_on category hate_strand uprn la_code parties reports";
    expect(new Set(expected.errors.map((e) => e.field))).toEqual(new Set(fields.split(" ")));
    const [{ n }] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_case WHERE organisation_id = $1",
      [organisationId],
    );
    expect(n).toBe(1);
  });

  it("with skipBadRows stores the good rows as the per-row rules read them", async () => {
    const file = await writeCsv("skip.csv", rows);
    const expected = await perRowVerdict(file);
    const report = await importCaseFile(database, systemActor(organisationId, "test"), testNow, file, {
      skipBadRows: true,
    });
    expect(report.committed).toBe(true);
    expect(report.imported).toBe(expected.good.length);
    expect(report.result).toEqual({
      cases: expected.good.length,
      parties: expected.good.reduce((sum, row) => sum + row.parties.length, 0),
      reports: expected.good.reduce((sum, row) => sum + Math.max(1, row.reports.length), 0),
    });
    const stored = await database.query<{
      reference: string;
      opened_on: string;
      closed_on: string | null;
      category: string;
      hate_strand: string | null;
      home_id: string | null;
      la_code: string | null;
      parties: { ref: string; role: string; name: string; personId: string | null }[];
      reports: string[];
    }>(
      `SELECT c.reference, c.opened_on::text, c.closed_on::text, c.category, c.hate_strand, c.home_id, c.la_code,
         (SELECT json_agg(json_build_object('ref', p.external_ref, 'role', p.role, 'name', p.display_name, 'personId', p.person_id) ORDER BY p.external_ref)
          FROM safety_party p WHERE p.organisation_id = c.organisation_id AND p.case_id = c.id) AS parties,
         (SELECT json_agg(r.reported_on::text ORDER BY r.reported_on) FROM safety_report r
          WHERE r.organisation_id = c.organisation_id AND r.case_id = c.id) AS reports
       FROM safety_case c WHERE c.organisation_id = $1 AND c.reference LIKE 'G-%' ORDER BY c.reference`,
      [organisationId],
    );
    const byRef = (a: { ref: string }, b: { ref: string }) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
    for (const row of stored) row.parties.sort(byRef);
    expect(stored).toEqual(
      expected.good.map((row) => ({
        reference: row.reference,
        opened_on: row.openedOn,
        closed_on: row.closedOn,
        category: row.category.code,
        hate_strand: row.hateStrand,
        home_id: row.homeId,
        la_code: row.laCode,
        parties: [...row.parties].sort(byRef),
        reports: row.reports.length > 0 ? row.reports : [row.openedOn],
      })),
    );
    // A person of another organisation is never linked; the organisation's own is, under their name.
    const g3 = stored.find((row) => row.reference === "G-3");
    expect(g3?.parties.map((p) => [p.name, p.personId]).sort()).toEqual(
      [
        ["Lina Linked", linkedPerson],
        [`Person ${strangerPerson}`, null],
      ].sort(),
    );
  });
});
