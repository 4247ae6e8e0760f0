import type { SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";

/**
 * Runs one readable report query and returns its rows. PGlite and node-postgres both answer
 * db.execute() with an object holding `rows`; this hides that one difference.
 */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** PostgreSQL numbers arrive as strings for bigint/numeric: read them as numbers. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === "number" ? value : Number(value);
}
