import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import { CsvFileError, importCsv } from "../src/platform/imports/csv-import.ts";
import { openTestDatabase } from "./database.ts";

// Issue 18 item 11: a file with no line break used to be read whole (157 s, 892 MB) before being refused.

const spec = {
  requiredColumns: ["name"],
  parseRow: (row: Record<string, string>) => ({ ok: true as const, value: row.name }),
  insertBatch: async () => {},
};

describe("CSV line limit", () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "kith-csv-"));
  });
  afterAll(async () => database.close());

  it("refuses a line longer than the limit with its line number", async () => {
    const file = path.join(dir, "long.csv");
    // 8 MB with no line break after two ordinary rows: refused at line 4, not read to the end.
    await writeFile(file, `name\nAda\nGrace\n${"x".repeat(8 * 1024 * 1024)}`);
    const error = await importCsv(database, file, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as Error).message).toContain("Line 4 is longer than 64 KB");
  });

  it("still accepts rows under the limit", async () => {
    const file = path.join(dir, "fine.csv");
    await writeFile(file, `name\n${"y".repeat(60 * 1024)}\nBo\n`);
    const report = await importCsv(database, file, spec);
    expect(report.rowsRead).toBe(2);
    expect(report.committed).toBe(true);
  });
});
