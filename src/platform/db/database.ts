import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** A Drizzle handle or a transaction on it: commands accept either. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** One connection, for work that must stay on one session (advisory locks, COPY). */
export type Connection = {
  execScript(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Streams CSV into `table` with COPY (FORMAT csv, no header). Each chunk must hold whole
   * records: PGlite copies from a Blob, so it loads a few megabytes of chunks at a time.
   */
  copyCsv(table: string, chunks: AsyncIterable<Buffer>): Promise<void>;
};

export type Database = Connection & {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs a script of several statements (migrations, restore). No parameters. */
  execScript(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns plain rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  withConnection<T>(work: (connection: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** A short human description, e.g. "PGlite at ./data/pglite". */
  describe: string;
};
