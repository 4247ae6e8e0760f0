import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../platform/db/database.ts";

/** Rows a statement carries: a few MB of JSON, well within what either engine takes as one parameter. */
const rowsPerStatement = 5000;

/**
 * Inserts many rows as one JSON parameter a statement (`INSERT … SELECT FROM json_populate_recordset`):
 * the same rows a multi-row `db.insert(table).values(rows)` writes, for less CPU on PGlite, where
 * a statement of thousands of bound parameters costs more to build and parse than one JSON document.
 * Values go through each column's own driver mapping (dates, arrays), so the database sees what
 * Drizzle would have sent. A column no row sets takes its database default, as with Drizzle; a
 * column some rows leave out is NULL in those, which is Drizzle's DEFAULT only where the column has
 * no default, so anything else is refused.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const records = rows as Record<string, unknown>[];
  const set = new Set<string>();
  for (const record of records) for (const key in record) if (record[key] !== undefined) set.add(key);
  const columns = Object.entries(getTableColumns(table));
  for (const key of set)
    if (!columns.some(([k]) => k === key)) throw new Error(`bulkInsert: ${key} is not a column`);
  for (const [key, column] of columns) {
    if (column.defaultFn && !set.has(key))
      throw new Error(`bulkInsert sets no default in JavaScript: give ${key} in every row`);
    if (set.has(key) && (column.hasDefault || column.defaultFn) && records.some((r) => r[key] === undefined))
      throw new Error(`bulkInsert needs ${key}, which has a default, in every row or in none`);
  }
  const given = columns.filter(([key]) => set.has(key));
  const config = getTableConfig(table);
  const target = config.schema
    ? sql`${sql.identifier(config.schema)}.${sql.identifier(config.name)}`
    : sql.identifier(config.name);
  const names = sql.join(
    given.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const conflict: SQL = options.onConflictDoNothing ? sql` ON CONFLICT DO NOTHING` : sql``;
  for (let start = 0; start < records.length; start += rowsPerStatement) {
    const chunk = records.slice(start, start + rowsPerStatement).map((record) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of given) {
        const value = record[key];
        // JSON columns take the value itself; every other column its driver form, as Drizzle sends it.
        out[column.name] =
          value === undefined || value === null
            ? null
            : column.dataType === "json"
              ? value
              : column.mapToDriverValue(value);
      }
      return out;
    });
    await db.execute(
      sql`INSERT INTO ${target} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${target}, ${JSON.stringify(chunk)}::json)${conflict}`,
    );
  }
}
