import { eq, getTableColumns, isNull, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { inOrganisation, type OrganisationOwned } from "./scope.ts";

type ScopedTable = PgTable & OrganisationOwned;

/** Column values to match, by the table's own property names: `{ grantId, status: "due" }`. */
export type ColumnValues<T extends ScopedTable> = {
  [K in keyof T["_"]["columns"]]?: T["_"]["columns"][K]["_"]["data"] | null;
};

/**
 * inOrganisation with its equality conditions written as column values, so that a lookup reads
 * `{ volunteerId, workedOn }` instead of repeating the table name in every eq(). Further conditions
 * (ranges, lists, negations) follow as SQL. A value that is undefined is a mistake, not "any": it
 * would silently widen the query, so it throws; null matches IS NULL.
 */
export function matchInOrganisation<T extends ScopedTable>(
  table: T,
  organisationId: string,
  values: ColumnValues<T>,
  ...conditions: (SQL | undefined)[]
): SQL {
  const columns = getTableColumns(table);
  const equalities = Object.entries(values).map(([name, value]) => {
    const column = columns[name];
    if (column === undefined || value === undefined)
      throw new Error(`matchInOrganisation: no value for ${table._.name}.${name}`);
    return value === null ? isNull(column) : eq(column, value);
  });
  return inOrganisation(table, organisationId, ...equalities, ...conditions);
}
