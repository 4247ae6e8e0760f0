import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/database.ts";

const dialect = new PgDialect();

/**
 * Runs one readable report query and returns its rows. PGlite and node-postgres both answer
 * db.execute() with an object holding `rows`; this hides that one difference.
 */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * Like queryRows, for a statement over a whole period's visits. Its estimated cost passes PostgreSQL's
 * thresholds for JIT compilation with inlining and optimisation, which took 2.7 s of an 11.6 s grouping
 * at scale 1 (docs/performance.md, session 10) to speed up expressions run a few million times. So JIT
 * is turned off for this statement only (SET LOCAL, in its own transaction); PGlite accepts the setting
 * and has no JIT anyway.
 */
export async function queryRowsWithoutJit<Row>(db: Db, query: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return queryRows<Row>(tx, query);
  });
}

/**
 * Like queryRowsWithoutJit, with each row as an array of its columns in the statement's order
 * (both drivers' array mode): for a read of hundreds of thousands of rows (one year's outcome claims
 * at a large landlord) the driver then builds no object with named properties per row.
 */
export async function queryTuplesWithoutJit<Row extends readonly unknown[]>(
  db: Db,
  query: SQL,
): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    const prepared = tx._.session.prepareQuery(
      dialect.sqlToQuery(query),
      undefined,
      undefined,
      true,
      (rows) => rows,
    );
    return (await prepared.execute()) as Row[];
  });
}

/** PostgreSQL numbers arrive as strings for bigint/numeric: read them as numbers. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === "number" ? value : Number(value);
}
