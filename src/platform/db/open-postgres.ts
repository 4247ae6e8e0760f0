import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import type { Database, Db } from "./database.ts";
import { registerDatabase } from "./database-of.ts";
import { prepareHotStatements, statementNamer } from "./statement-cache.ts";

// node-postgres returns int8 and numeric as strings by default; counts are int8,
// and we never hold more than 2^53 of anything, so parse them as numbers.
pg.types.setTypeParser(20, (value: string) => Number(value));
// Dates stay as 'YYYY-MM-DD' strings: a `date` has no time zone and must not shift.
pg.types.setTypeParser(1082, (value: string) => value);

export type PostgresOptions = {
  /** Connections per process (KITH_PG_POOL, checked by the config). */
  poolSize?: number;
  /** Where a lost idle connection is reported; the server passes its logger. */
  warn?: (message: string) => void;
  /**
   * Prepare hot statements once per connection (statement-cache.ts). On by default; turn it off
   * behind a pooler in transaction mode, where a prepared statement may be on another session.
   */
  prepareStatements?: boolean;
};

export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  const warn = options.warn ?? ((message: string) => console.error(message));
  if (options.prepareStatements !== false) {
    const nameFor = statementNamer();
    pool.on("connect", (client) =>
      prepareHotStatements(client as unknown as { query: (...args: unknown[]) => unknown }, nameFor),
    );
  }
  // An idle pooled connection can be closed by the server (restart, failover, a dropped
  // database). node-postgres reports that as an 'error' event, which would crash the
  // process if unhandled; the pool simply replaces the connection on next use.
  pool.on("error", (error) => {
    if ((error as { code?: string }).code !== "57P01") warn(`PostgreSQL connection error: ${error.message}`);
  });
  // Fail fast with a clear message when the server is not there.
  const client = await pool.connect().catch((error: Error) => {
    throw new Error(`Could not connect to PostgreSQL at ${redact(url)}: ${error.message}`);
  });
  client.release();
  const db = drizzle({ client: pool }) as unknown as Db;
  return registerDatabase({
    kind: "postgres",
    db,
    pool,
    describe: `PostgreSQL at ${redact(url)}`,
    async execScript(sql) {
      await pool.query(sql);
    },
    async query(sql, params = []) {
      const result = await pool.query(sql, params);
      return result.rows;
    },
    async copyCsv(table, chunks) {
      const connection = await pool.connect();
      try {
        await copyCsvOn(connection, table, chunks);
      } finally {
        connection.release();
      }
    },
    async withConnection(work) {
      const connection = await pool.connect();
      try {
        return await work({
          async execScript(sql) {
            await connection.query(sql);
          },
          async query(sql, params = []) {
            return (await connection.query(sql, params)).rows;
          },
          copyCsv: (table, chunks) => copyCsvOn(connection, table, chunks),
        });
      } finally {
        connection.release();
      }
    },
    async close() {
      await pool.end();
    },
  });
}

// pg-copy-streams keeps the copy flowing while the producer works: parsing and writing overlap.
async function copyCsvOn(connection: pg.PoolClient, table: string, chunks: AsyncIterable<Buffer>) {
  const copy = connection.query(copyStreams.from(`COPY ${table} FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from(chunks, { objectMode: false }), copy);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}
