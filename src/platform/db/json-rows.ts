import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

// Pages that need a record and its children read them in one statement with JSON aggregation
// (to_jsonb / jsonb_agg), one round trip instead of one per table. A JSON row carries column names
// and JSON scalars; these turn it into the same typed row a Drizzle select returns, through each
// column's own driver mapping (timestamps to Date, bigint to number, arrays and jsonb as they are).

type ColumnEntries = [string, ReturnType<typeof getTableColumns>[string]][];
// A table's columns never change while the process runs: listed once, not for every row read.
const columnEntries = new WeakMap<Table, ColumnEntries>();

function entriesOf(table: Table): ColumnEntries {
  let entries = columnEntries.get(table);
  if (!entries) {
    entries = Object.entries(getTableColumns(table));
    columnEntries.set(table, entries);
  }
  return entries;
}

/** One table row from its to_jsonb(...) form. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [property, column] of entriesOf(table)) {
    const value = json[column.name];
    row[property] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}

/** Table rows from a jsonb_agg(to_jsonb(...)) array. */
export function rowsFromJson<T extends Table>(table: T, list: unknown): InferSelectModel<T>[] {
  return Array.isArray(list) ? list.map((json) => rowFromJson(table, json as Record<string, unknown>)) : [];
}
