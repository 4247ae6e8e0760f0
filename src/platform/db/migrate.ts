import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../config/config.ts";
import type { Connection, Database } from "./database.ts";

export const migrationsDir = path.join(projectRoot, "migrations");

export type MigrationResult = { applied: string[]; alreadyApplied: number };

// One number shared by every Kith process: migrations run one process at a time.
const migrationLockKey = 7_400_001;

/**
 * Applies the committed SQL files in `migrations/` in file-name order, each in its own
 * transaction, and records them in kith_migration. A changed file that was already
 * applied is an error: migrations are append-only once released.
 */
export async function migrate(database: Database, dir = migrationsDir): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  return database.withConnection((connection) => applyFiles(connection, database.kind, dir, files));
}

async function applyFiles(
  database: Connection,
  kind: Database["kind"],
  dir: string,
  files: string[],
): Promise<MigrationResult> {
  // The lock comes first: two processes creating kith_migration at once on a new database
  // collide in the catalogue even with IF NOT EXISTS.
  if (kind === "postgres") await database.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
  try {
    await database.execScript(
      "CREATE TABLE IF NOT EXISTS kith_migration (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL)",
    );
    const rows = await database.query<{ name: string; checksum: string }>(
      "SELECT name, checksum FROM kith_migration",
    );
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    const applied: string[] = [];
    for (const name of files) {
      const sql = await readFile(path.join(dir, name), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${name} has changed since it was applied. Add a new migration instead.`);
        }
        continue;
      }
      const escapedName = name.replaceAll("'", "''");
      await database.execScript(
        `BEGIN;\n${sql}\n;INSERT INTO kith_migration (name, checksum, applied_at) VALUES ('${escapedName}', '${checksum}', '${new Date().toISOString()}');\nCOMMIT;`,
      );
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } catch (error) {
    await database.execScript("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    if (kind === "postgres") await database.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]);
  }
}
