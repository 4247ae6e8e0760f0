import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite, type Transaction, types } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import type { Connection, Database, Db } from "./database.ts";
import { registerDatabase } from "./database-of.ts";
import { acquireLock, type DataDirLock } from "./pglite-lock.ts";

// Same parsing as node-postgres (open-postgres.ts) so both engines return the same shapes.
const parsers = {
  [types.INT8]: (value: string) => Number(value),
  [types.DATE]: (value: string) => value,
};
// Contrib extensions the migrations create (pg_trgm: trigram search indexes, migration 0025).
const extensions = { pg_trgm };

function sessionOn(handle: Pick<Transaction, "exec" | "query">): Connection {
  return {
    async execScript(sql) {
      await handle.exec(sql);
    },
    async query(sql, params = []) {
      return (await handle.query(sql, params)).rows as never[];
    },
    copyCsv: (table, chunks) => copyCsvOn(handle, table, chunks),
  };
}

/** How much CSV PGlite copies at once: its COPY reads a whole Blob, so the file goes in slices. */
const copySliceBytes = 16 * 1024 * 1024;

async function copyCsvOn(
  handle: Pick<Transaction, "query">,
  table: string,
  chunks: AsyncIterable<Buffer>,
): Promise<void> {
  let slice: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const blob = new Blob(slice);
    slice = [];
    size = 0;
    await handle.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
  };
  for await (const chunk of chunks) {
    slice.push(chunk);
    size += chunk.length;
    if (size >= copySliceBytes) await flush();
  }
  await flush();
}

function wrap(client: PGlite, describe: string, onClose: () => Promise<void>): Database & { client: PGlite } {
  const db = drizzle({ client }) as unknown as Db;
  // PGlite is ONE session. Work that sends BEGIN and COMMIT as separate calls (CSV imports,
  // backup, restore) must hold it exclusively, or a request arriving in between runs inside
  // that transaction (and is rolled back with it). PGlite's own transaction() is the lock every
  // other call already waits for (query, exec and Drizzle's transactions all queue behind it),
  // so withConnection takes it, ends the implicit BEGIN at once, and hands the work the
  // transaction's own handle, which bypasses the lock. Calls made through `database` from inside
  // that work are routed to the same handle instead of waiting for a lock their caller holds.
  const held = new AsyncLocalStorage<Connection>();
  const database: Database & { client: PGlite } = {
    kind: "pglite",
    db,
    client,
    describe,
    async execScript(sql) {
      const session = held.getStore();
      if (session) return session.execScript(sql);
      await client.exec(sql);
    },
    async query(sql, params = []) {
      const session = held.getStore();
      if (session) return session.query(sql, params);
      const result = await client.query(sql, params);
      return result.rows as never[];
    },
    async copyCsv(table, chunks) {
      const session = held.getStore();
      if (session) return session.copyCsv(table, chunks);
      await copyCsvOn(client, table, chunks);
    },
    async withConnection(work) {
      const session = held.getStore();
      if (session) return work(session);
      return client.transaction(async (tx) => {
        await tx.exec("COMMIT");
        const connection = sessionOn(tx);
        try {
          return await held.run(connection, () => work(connection));
        } finally {
          // A transaction the work left open must not outlive the lock: roll it back
          // (a warning only, when there is none).
          await tx.exec("ROLLBACK");
        }
      });
    },
    async close() {
      await client.close();
      await onClose();
    },
  };
  return registerDatabase(database);
}

/** An in-memory PGlite, optionally loaded from a dumped data directory (tests use a migrated template). */
export async function openMemoryPglite(template?: Blob): Promise<Database & { client: PGlite }> {
  const client = await PGlite.create({ loadDataDir: template, parsers, extensions, relaxedDurability: true });
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
      const fresh = await PGlite.create({ dataDir: building, parsers, extensions });
      // A crash while building throws the folder away, so set-up's many small commits need not
      // wait for the disk (about half the cost of each); close() still writes everything out.
      await fresh.exec("SET synchronous_commit TO off");
      await prepareNew(wrap(fresh, `PGlite at ${building}`, async () => {}));
      await fresh.close();
      await rm(dataDir, { recursive: true, force: true });
      await rename(building, dataDir);
      created = true;
    }
    const client = await PGlite.create({ dataDir, parsers, extensions });
    const database = wrap(client, `PGlite at ${path.relative(process.cwd(), dataDir) || dataDir}`, () =>
      lock.release(),
    );
    return Object.assign(database, { created });
  } catch (error) {
    await lock.release();
    throw error;
  }
}
