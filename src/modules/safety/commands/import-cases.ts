import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database, Db } from "../../../platform/db/database.ts";
import { databaseOf } from "../../../platform/db/database-of.ts";
import { Problem } from "../../../platform/http/problem.ts";
import {
  CsvFileError,
  CsvHeaderError,
  type CsvImportOptions,
  type CsvImportReport,
  type RowProblem,
} from "../../../platform/imports/csv-import.ts";
import { sqlText } from "../../../platform/imports/sql-checks.ts";
import { importStaged } from "../../../platform/imports/staged-import.ts";
import { loadSafetyConfiguration } from "../domain/configuration.ts";
import { canImportCases } from "../policy.ts";
import { caseProblemsSql, checkCasesSql, insertCasesSql, insertedCountsSql } from "./import-cases-sql.ts";

// `kith import cases FILE.csv`: historic cases from another system. The format is in docs/safety-import.md.
// All or nothing: every row is checked first, and any bad row is reported with its line and nothing is written.

export type ImportError = { line: number; field: string; message: string };
export type ImportResult = { cases: number; parties: number; reports: number };

export class ImportRejected extends Problem {
  readonly rowErrors: ImportError[];
  constructor(rowErrors: ImportError[], total = rowErrors.length) {
    super(
      422,
      "import-rejected",
      "The file was not imported",
      `${total} problem(s) found; nothing was imported.`,
    );
    this.rowErrors = rowErrors;
  }
}

const requiredColumns = [
  "reference",
  "opened_on",
  "closed_on",
  "category",
  "hate_strand",
  "uprn",
  "parties",
  "reports",
];
const optionalColumns = ["la_code", "sub_category", "summary", "outcome"];

export type CaseImportReport = CsvImportReport & { result: ImportResult };

/**
 * `kith import cases` and the cases upload page: the file streams into a staging table with COPY,
 * SQL checks every row (import-cases-sql.ts), and one statement per table writes the good ones.
 * All or nothing, unless `skipBadRows`.
 */
export async function importCaseFile(
  database: Database,
  actor: Actor,
  now: Date,
  file: string,
  options: CsvImportOptions & { fileName?: string } = {},
): Promise<CaseImportReport> {
  requireAllowed(canImportCases(actor), "Only managers can import cases.");
  const organisation = `${sqlText(actor.organisationId)}::uuid`;
  const configuration = await loadSafetyConfiguration(database.db, actor.organisationId);
  const result: ImportResult = { cases: 0, parties: 0, reports: 0 };
  const report = await importStaged(
    database,
    file,
    {
      requiredColumns,
      optionalColumns,
      problemsSql: caseProblemsSql,
      async check(connection, cell) {
        await connection.execScript(checkCasesSql(organisation, configuration, cell));
      },
      async insert(connection) {
        await connection.execScript(insertCasesSql(organisation, now));
        const [counts] = await connection.query<ImportResult>(insertedCountsSql);
        Object.assign(result, counts);
      },
    },
    { maxBytes: 2 * 1024 * 1024 * 1024, ...options },
  );
  if (report.committed) {
    await recordAudit(database.db, actor, now, {
      action: "create",
      entityType: "safety_case_import",
      summary: `Imported ${result.cases} cases, ${result.parties} parties and ${result.reports} reports from ${options.fileName ?? "a CSV file"}${report.problemCount ? `, skipping the rows with ${report.problemCount} problems` : ""}`,
      after: result,
    });
  }
  return { ...report, result };
}

/**
 * The same import from CSV text, all or nothing: throws ImportRejected listing every problem
 * by line and field. For callers holding the text (tests, fixtures), on the database's own handle.
 */
export async function importCases(
  db: Db,
  actor: Actor,
  now: Date,
  csvText: string,
  fileName = "file",
): Promise<ImportResult> {
  requireAllowed(canImportCases(actor), "Only managers can import cases.");
  const folder = await mkdtemp(path.join(tmpdir(), "kith-cases-"));
  try {
    const file = path.join(folder, "cases.csv");
    await writeFile(file, csvText);
    const report = await importCaseFile(databaseOf(db), actor, now, file, { fileName });
    if (!report.committed) throw new ImportRejected(report.problems.map(rowError), report.problemCount);
    return report.result;
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    const field = error instanceof CsvHeaderError ? "header" : "file";
    throw new ImportRejected([{ line: 1, field, message: error.message }]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A reported problem ("field: message") as the line, field and message it names. */
export function rowError(problem: RowProblem): ImportError {
  const split = problem.reason.indexOf(": ");
  return {
    line: problem.line,
    field: problem.reason.slice(0, split),
    message: problem.reason.slice(split + 2),
  };
}
