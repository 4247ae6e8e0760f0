import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** A Drizzle handle or a transaction on it: commands accept either. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** One connection, for work that must stay on one session (advisory locks, COPY). */
export type Connection = {
  execScript(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
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
