import type { SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";

/** Runs a hand-written report query (kept readable as SQL) and returns its rows. */
export async function rowsOf<Row>(db: Db, query: SQL): Promise<Row[]> {
  // Both drivers (PGlite and node-postgres) answer execute() with an object carrying rows.
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * A text[] parameter. Drizzle spreads a JS array into a list of parameters, so arrays
 * travel as one PostgreSQL array literal: each element quoted, quotes and backslashes escaped.
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
