import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, inject } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import { newId } from "../src/platform/db/ids.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { withDatabaseName } from "./template.ts";

let templateBytes: Promise<Buffer> | undefined;

/**
 * A fresh database for one test file: migrated, with reference data, and nothing
 * else. PGlite by default; a new PostgreSQL database when the suite runs with DATABASE_URL.
 */
export async function openTestDatabase(): Promise<Database> {
  const template = inject("kithTemplate");
  if (template.kind === "pglite") {
    templateBytes ??= readFile(template.file);
    return openMemoryPglite(new Blob([new Uint8Array(await templateBytes)]));
  }
  const name = `kith_test_${newId().replaceAll("-", "").slice(0, 20)}`;
  const admin = await openPostgres(template.serverUrl);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
  await admin.close();
  const database = await openPostgres(withDatabaseName(template.serverUrl, name));
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = await openPostgres(template.serverUrl);
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.close();
    },
  };
}

/**
 * What `open` makes (a database and what a test file needs in it), filled in before the file's
 * tests and its database closed after them: one line in place of each file's own hooks.
 */
export function openedForFile<T extends { database: Database }>(open: () => Promise<T>): T {
  // Empty until the beforeAll below fills it; only later hooks and the tests read it.
  const opened = {} as T;
  beforeAll(async () => {
    Object.assign(opened, await open());
  });
  afterAll(async () => opened.database?.close());
  return opened;
}
