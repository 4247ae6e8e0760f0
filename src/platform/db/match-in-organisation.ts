import { eq, getTableColumns, getTableName, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { inOrganisation, type OrganisationOwned } from "./scope.ts";

type ScopedTable = PgTable & OrganisationOwned;

/** Column values to match, by the table's own property names: `{ grantId, status: "due" }`. */
export type ColumnValues<T extends ScopedTable> = {
  [K in keyof T["_"]["columns"]]?: NonNullable<T["_"]["columns"][K]["_"]["data"]>;
};

/**
 * inOrganisation with its equality conditions written as column values, so that a lookup reads
 * `{ volunteerId, workedOn }` instead of repeating the table name in every eq(). Further conditions
 * (ranges, lists, negations, IS NULL) follow as SQL. A missing value (undefined or null) is a mistake,
 * not "any" or "IS NULL": it throws rather than quietly changing what the query matches.
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
    if (column === undefined || value === undefined || value === null)
      throw new Error(`matchInOrganisation: no value for ${getTableName(table)}.${name}`);
    return eq(column, value);
  });
  return inOrganisation(table, organisationId, ...equalities, ...conditions);
}
