import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Database, Db } from "./database.ts";
import { acquireLock, type DataDirLock } from "./pglite-lock.ts";

// Same parsing as node-postgres (open-postgres.ts) so both engines return the same shapes.
const parsers = {
  [types.INT8]: (value: string) => Number(value),
  [types.DATE]: (value: string) => value,
};

function wrap(client: PGlite, describe: string, onClose: () => Promise<void>): Database & { client: PGlite } {
  const db = drizzle({ client }) as unknown as Db;
  const database: Database & { client: PGlite } = {
    kind: "pglite",
    db,
    client,
    describe,
    async execScript(sql) {
      await client.exec(sql);
    },
    async query(sql, params = []) {
      const result = await client.query(sql, params);
      return result.rows as never[];
    },
    // PGlite has a single connection already.
    withConnection: (work) => work(database),
    async close() {
      await client.close();
      await onClose();
    },
  };
  return database;
}

/** An in-memory PGlite, optionally loaded from a dumped data directory (tests use a migrated template). */
export async function openMemoryPglite(template?: Blob): Promise<Database & { client: PGlite }> {
  const client = await PGlite.create({ loadDataDir: template, parsers, relaxedDurability: true });
  return wrap(client, "PGlite in memory", async () => {});
}

/**
 * Opens PGlite in `dataDir`, taking a lock so a second process cannot open it.
 * A new data directory is built in a temporary sibling folder and renamed into
 * place only once `prepare` (migrations, seed) has finished, so a crash during
 * set-up never leaves a half-built database behind.
 */
export async function openPglite(
  dataDir: string,
  prepareNew: (database: Database) => Promise<void>,
): Promise<Database & { client: PGlite; created: boolean }> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  const lock: DataDirLock = await acquireLock(`${dataDir}.lock`);
  try {
    let created = false;
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      const building = `${dataDir}.building-${process.pid}`;
      await rm(building, { recursive: true, force: true });
      const fresh = await PGlite.create({ dataDir: building, parsers });
      await prepareNew(wrap(fresh, `PGlite at ${building}`, async () => {}));
      await fresh.close();
      await rm(dataDir, { recursive: true, force: true });
      await rename(building, dataDir);
      created = true;
    }
    const client = await PGlite.create({ dataDir, parsers });
    const database = wrap(client, `PGlite at ${path.relative(process.cwd(), dataDir) || dataDir}`, () =>
      lock.release(),
    );
    return Object.assign(database, { created });
  } catch (error) {
    await lock.release();
    throw error;
  }
}
