import type { Connection, Database } from "../db/database.ts";
import { refreshPlannerStatistics } from "../db/planner-statistics.ts";
import {
  type CsvImportOptions,
  type CsvImportReport,
  checkFile,
  checkHeader,
  defaultMaxLineLength,
} from "./csv-import.ts";
import { CsvFileError, numberedCsv } from "./csv-records.ts";

/** A cell of the staged file as SQL: trimmed text, NULL when empty or when the file lacks the column. */
export type CellSql = (column: string) => string;

export type StagedImportSpec = {
  requiredColumns: string[];
  optionalColumns?: string[];
  /**
   * Checks every staged row at once. Reads `import_row` through `cell` and creates the TEMP table
   * `import_checked` with a `line` and a `problem` (NULL for a good row), plus what `insert` needs.
   */
  check(connection: Connection, cell: CellSql): Promise<void>;
  /** Writes the good rows of `import_checked` (problem IS NULL) in one statement. */
  insert(connection: Connection): Promise<void>;
  /**
   * A SELECT of every problem as `line, reason` rows in the order to report them (ending in ORDER BY),
   * for imports where a row may have several (cases report each field's). By default a row's one
   * problem is its `import_checked.problem`.
   */
  problemsSql?: string;
};

const keptProblems = 1000;

/**
 * Imports a CSV file the set-based way, in ONE transaction: the file streams into a TEMP table
 * with COPY (each row keeping its file line), SQL checks every row at once, and one
 * INSERT … SELECT writes the good ones. All or nothing unless `skipBadRows`, as importCsv.
 * The TEMP tables drop at commit or rollback, so nothing is left behind.
 */
export async function importStaged(
  database: Database,
  file: string,
  spec: StagedImportSpec,
  options: CsvImportOptions = {},
): Promise<CsvImportReport> {
  await checkFile(file, options.maxBytes);
  const csv = await numberedCsv(file, options.maxLineLength ?? defaultMaxLineLength);
  checkHeader(csv.header, spec);
  let phaseStarted = performance.now();
  const phaseDone = (phase: string) => {
    const now = performance.now();
    options.onPhase?.(phase, now - phaseStarted);
    phaseStarted = now;
  };
  return database.withConnection(async (connection) => {
    await connection.execScript("BEGIN");
    try {
      const staged = csv.header.map((_, index) => `c${index + 1} text`).join(", ");
      await connection.execScript(
        `CREATE TEMP TABLE import_row (line int NOT NULL, ${staged}) ON COMMIT DROP`,
      );
      await connection.copyCsv("import_row", csv.records).catch(unreadable);
      const rowsRead = csv.count();
      if (rowsRead === 0) throw new CsvFileError("The file has a header row but no data rows.");
      options.onProgress?.(rowsRead);
      phaseDone("copy into the staging table");
      // TEMP tables are never analysed automatically; the checks join on them.
      await connection.execScript("ANALYZE import_row");
      await spec.check(connection, (column) => {
        const index = csv.header.indexOf(column);
        return index < 0 ? "NULL::text" : `nullif(btrim(c${index + 1}, E' \\t'), '')`;
      });
      phaseDone("check every row in SQL");
      const badRows = await countOf(connection, "SELECT 1 FROM import_checked WHERE problem IS NOT NULL");
      const listed =
        spec.problemsSql ??
        "SELECT line, problem AS reason FROM import_checked WHERE problem IS NOT NULL ORDER BY line";
      const count = spec.problemsSql && badRows > 0 ? await countOf(connection, listed) : badRows;
      const problems =
        count === 0
          ? []
          : await connection.query<{ line: number; reason: string }>(`${listed} LIMIT ${keptProblems}`);
      const report: CsvImportReport = {
        imported: 0,
        rowsRead,
        problems,
        problemCount: count,
        committed: false,
      };
      if (badRows > 0 && !options.skipBadRows) {
        await connection.execScript("ROLLBACK");
        return report;
      }
      phaseDone("count and list the bad rows");
      await spec.insert(connection);
      phaseDone("insert the good rows");
      report.imported = rowsRead - badRows;
      await connection.execScript("COMMIT");
      report.committed = true;
      phaseDone("commit");
      // A large import changes the shape of the data the planner works from (PGlite has no autovacuum).
      await refreshPlannerStatistics(connection);
      phaseDone("refresh planner statistics");
      return report;
    } catch (error) {
      await connection.execScript("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

async function countOf(connection: Connection, select: string): Promise<number> {
  const [row] = await connection.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM (${select}) counted`,
  );
  return row?.count ?? 0;
}

// COPY refuses bytes that are not text (a spreadsheet saved as .xlsx, another encoding): say so plainly.
function unreadable(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (typeof code === "string" && code.startsWith("22")) {
    const where = /line (\d+)/.exec(String((error as { where?: string }).where ?? ""));
    throw new CsvFileError(
      `The file could not be read as UTF-8 CSV${where ? ` (record ${where[1]})` : ""}: ${(error as Error).message}`,
    );
  }
  throw error;
}
