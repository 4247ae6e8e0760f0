import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parse } from "csv-parse";
import type { Connection, Database } from "../db/database.ts";
import { refreshPlannerStatistics } from "../db/planner-statistics.ts";
import { CsvFileError, CsvHeaderError } from "./csv-records.ts";

export { CsvFileError, CsvHeaderError };

export type RowProblem = { line: number; reason: string };

export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export type CsvImportSpec<T> = {
  /** Column names the file must have (header row, any order; extra columns are ignored). */
  requiredColumns: string[];
  optionalColumns?: string[];
  /** Called once before the first row, inside the import's transaction (e.g. load existing keys). */
  prepare?: (connection: Connection) => Promise<void>;
  /** Checks and converts one row. `line` is the file line number (the header is line 1). */
  parseRow: (row: Record<string, string>, line: number) => RowResult<T>;
  /** Writes a batch of good rows, inside the import's transaction. */
  insertBatch: (connection: Connection, rows: T[]) => Promise<void>;
};

export type CsvImportOptions = {
  /** Import the good rows and report the bad ones; by default one bad row stops the whole import. */
  skipBadRows?: boolean;
  onProgress?: (rowsRead: number) => void;
  batchSize?: number;
  maxBytes?: number;
  /** The longest record accepted, in characters (64 KiB by default). */
  maxLineLength?: number;
  /** Told how long each phase of a staged import took (copy, check, insert …), for benchmarks. */
  onPhase?: (phase: string, milliseconds: number) => void;
};

/** No real row is this long; a file with no line breaks is refused after this much, not after reading it all. */
export const defaultMaxLineLength = 64 * 1024;

export type CsvImportReport = {
  imported: number;
  rowsRead: number;
  problems: RowProblem[];
  /** How many problems there were in all (only the first 1,000 are kept in `problems`). */
  problemCount: number;
  committed: boolean;
};

const keptProblems = 1000;

/**
 * Streams a CSV file through validation into the database in ONE transaction.
 * All or nothing by default: if any row is bad, nothing is written and every bad
 * row is reported with its line. With skipBadRows the good rows are written and
 * the bad ones reported. Memory stays flat: rows are written in batches.
 */
export async function importCsv<T>(
  database: Database,
  file: string,
  spec: CsvImportSpec<T>,
  options: CsvImportOptions = {},
): Promise<CsvImportReport> {
  await checkFile(file, options.maxBytes);
  const batchSize = options.batchSize ?? 5000;
  const report: CsvImportReport = {
    imported: 0,
    rowsRead: 0,
    problems: [],
    problemCount: 0,
    committed: false,
  };
  const addProblem = (line: number, reason: string) => {
    report.problemCount++;
    if (report.problems.length < keptProblems) report.problems.push({ line, reason });
  };

  const maxLineLength = options.maxLineLength ?? defaultMaxLineLength;
  return database.withConnection(async (connection) => {
    await connection.execScript("BEGIN");
    const input = createReadStream(file);
    try {
      await spec.prepare?.(connection);
      const parser = input.pipe(
        parse({
          max_record_size: maxLineLength,
          bom: true,
          columns: (header: string[]) => checkHeader(header, spec),
          skip_empty_lines: true,
          relax_column_count: true,
          trim: true,
          info: true,
        }),
      );
      let batch: T[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        // Once a row is bad in all-or-nothing mode, stop writing but keep checking to report every problem.
        if (options.skipBadRows || report.problemCount === 0) {
          await spec.insertBatch(connection, batch);
          report.imported += batch.length;
        }
        batch = [];
      };
      for await (const record of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        report.rowsRead++;
        const result = spec.parseRow(record.record, record.info.lines);
        if (result.ok) batch.push(result.value);
        else addProblem(record.info.lines, result.reason);
        if (batch.length >= batchSize) await flush();
        if (options.onProgress && report.rowsRead % 50_000 === 0) options.onProgress(report.rowsRead);
      }
      await flush();
      if (report.rowsRead === 0) throw new CsvFileError("The file has a header row but no data rows.");
      if (report.problemCount > 0 && !options.skipBadRows) {
        await connection.execScript("ROLLBACK");
        report.imported = 0;
        return report;
      }
      await connection.execScript("COMMIT");
      report.committed = true;
      // A large import changes the shape of the data the planner works from (PGlite has no autovacuum).
      await refreshPlannerStatistics(connection);
      return report;
    } catch (error) {
      input.destroy();
      await connection.execScript("ROLLBACK").catch(() => {});
      const code = (error as { code?: string }).code;
      if (error instanceof CsvFileError) throw error;
      if (code === "CSV_MAX_RECORD_SIZE") {
        const line = (error as { lines?: number }).lines;
        throw new CsvFileError(
          `Line ${line ?? "?"} is longer than ${Math.round(maxLineLength / 1024)} KB, the most a row may hold. Check the file is a CSV with one row per line.`,
        );
      }
      if (typeof code === "string" && code.startsWith("CSV_")) {
        throw new CsvFileError(`The file is not valid CSV: ${(error as Error).message}`);
      }
      throw error;
    }
  });
}

/** Refuses a missing file, or one larger than `maxBytes`, before anything is read. */
export async function checkFile(file: string, maxBytes: number | undefined): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new CsvFileError(`File not found: ${file}`);
  if (maxBytes && info.size > maxBytes) {
    throw new CsvFileError(
      `The file is ${(info.size / 1024 / 1024).toFixed(0)} MB; the largest accepted is ${(maxBytes / 1024 / 1024).toFixed(0)} MB.`,
    );
  }
}

export function checkHeader(
  header: string[],
  spec: { requiredColumns: string[]; optionalColumns?: string[] },
): string[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = spec.requiredColumns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new CsvHeaderError(
      `The file is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. The first row must name the columns: ${spec.requiredColumns.join(", ")}${spec.optionalColumns?.length ? ` (optional: ${spec.optionalColumns.join(", ")})` : ""}.`,
    );
  }
  return names;
}

/** A short text report of bad rows, for the CLI and pages. */
export function describeProblems(report: CsvImportReport, limit = 20): string[] {
  const lines = report.problems.slice(0, limit).map((problem) => `line ${problem.line}: ${problem.reason}`);
  if (report.problemCount > lines.length) lines.push(`… and ${report.problemCount - lines.length} more`);
  return lines;
}
