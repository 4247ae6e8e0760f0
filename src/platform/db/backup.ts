import { once } from "node:events";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import type { Connection, Database } from "./database.ts";

const format = "kith-backup";
const batchRows = 2000;

async function tableNames(connection: Connection): Promise<string[]> {
  const rows = await connection.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'kith_migration'
     ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

/**
 * Writes every table as gzipped JSON lines. It is a logical backup, so a backup
 * taken from PGlite restores into PostgreSQL and the other way round.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<{ tables: number; rows: number }> {
  // Opened before anything else, so a path that cannot be written fails at once with
  // the file system's code (ENOENT, EACCES) instead of a stream error nobody listens to.
  const handle = await open(file, "w");
  return database.withConnection(async (connection) => {
    const migrations = await connection.query<{ name: string }>(
      "SELECT name FROM kith_migration ORDER BY name",
    );
    const gzip = createGzip();
    const out = handle.createWriteStream();
    let writeError: unknown;
    out.on("error", (error) => {
      writeError = error;
    });
    gzip.pipe(out);
    const write = async (value: unknown) => {
      if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
    };
    await write({
      format,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: migrations.map((m) => m.name),
    });
    let total = 0;
    const tables = await tableNames(connection);
    await connection.execScript("BEGIN ISOLATION LEVEL REPEATABLE READ");
    try {
      for (const table of tables) {
        // A cursor streams the table in one pass (OFFSET paging would be quadratic).
        await connection.execScript(
          `DECLARE kith_backup_cursor NO SCROLL CURSOR FOR SELECT to_jsonb(t) AS row FROM "${table}" t`,
        );
        let count = 0;
        for (;;) {
          const rows = await connection.query<{ row: unknown }>(`FETCH ${batchRows} FROM kith_backup_cursor`);
          if (rows.length === 0) break;
          await write({ table, rows: rows.map((r) => r.row) });
          count += rows.length;
        }
        await connection.execScript("CLOSE kith_backup_cursor");
        total += count;
        onProgress?.(table, count);
      }
    } finally {
      await connection.execScript("COMMIT");
    }
    gzip.end();
    if (writeError === undefined) await once(out, "finish");
    if (writeError !== undefined) throw writeError;
    return { tables: tables.length, rows: total };
  });
}

export class BackupFormatError extends Error {}

/** Replaces all data with the backup's, in one transaction: a bad file leaves the database as it was. */
export async function restoreDatabase(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  // A missing or unreadable file is refused here, with its code, before any transaction starts.
  const handle = await open(file, "r");
  return database.withConnection(async (connection) => {
    let header: { format?: string; migrations?: string[] } | undefined;
    let rows = 0;
    const touched = new Set<string>();
    const tables = new Set(await tableNames(connection));
    await connection.execScript("BEGIN; SET LOCAL session_replication_role = replica;");
    // Open the file only now: readline starts emitting at once, and lines emitted
    // while we were still awaiting the statements above would be lost.
    const input = handle.createReadStream();
    const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
    try {
      for await (const line of lines) {
        if (!line.trim()) continue;
        let record: { table?: string; rows?: unknown[]; format?: string; migrations?: string[] };
        try {
          record = JSON.parse(line);
        } catch {
          throw new BackupFormatError("The backup file is damaged: a line is not valid JSON.");
        }
        if (!header) {
          if (record.format !== format) throw new BackupFormatError("This file is not a Kith backup.");
          header = record;
          const current = await connection.query<{ name: string }>(
            "SELECT name FROM kith_migration ORDER BY name",
          );
          const missing = (header.migrations ?? []).filter((name) => !current.some((m) => m.name === name));
          if (missing.length > 0) {
            throw new BackupFormatError(
              `The backup comes from a newer Kith (migrations ${missing.join(", ")}). Upgrade Kith first.`,
            );
          }
          await connection.execScript(`TRUNCATE ${[...tables].map((t) => `"${t}"`).join(", ")}`);
          continue;
        }
        if (!record.table || !tables.has(record.table) || !Array.isArray(record.rows)) {
          throw new BackupFormatError(
            `The backup names a table this database does not have: ${record.table ?? "(none)"}.`,
          );
        }
        touched.add(record.table);
        await connection.query(
          `INSERT INTO "${record.table}" SELECT * FROM jsonb_populate_recordset(NULL::"${record.table}", $1::jsonb)`,
          [JSON.stringify(record.rows)],
        );
        rows += record.rows.length;
      }
      if (!header) throw new BackupFormatError("The backup file is empty.");
      await resetSequences(connection);
      await connection.execScript("COMMIT");
    } catch (error) {
      lines.close();
      input.destroy();
      await connection.execScript("ROLLBACK");
      if ((error as NodeJS.ErrnoException).code === "Z_DATA_ERROR")
        throw new BackupFormatError("The backup file is not gzip data.");
      throw error;
    }
    return { tables: touched.size, rows };
  });
}

/** Serial columns' sequences must continue after the restored rows, not restart at 1. */
async function resetSequences(connection: Connection): Promise<void> {
  const owned = await connection.query<{ sequence: string; table_name: string; column_name: string }>(
    `SELECT s.relname AS sequence, t.relname AS table_name, a.attname AS column_name
     FROM pg_class s
     JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     JOIN pg_namespace n ON n.oid = s.relnamespace
     WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { sequence, table_name: table, column_name: column } of owned) {
    await connection.query(
      `SELECT setval('"${sequence}"', COALESCE((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
    );
  }
}
