import type { SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./database.ts";
import { inOrganisation, type OrganisationOwned } from "./scope.ts";

/**
 * Every row one organisation has in a table, in the order given: the read behind lists such as
 * match funds, value banks or theories of change, where the organisation is the only filter.
 * Queries that narrow further or pick columns stay in drizzle's own words with inOrganisation.
 */
export function organisationRows<T extends PgTable & OrganisationOwned>(
  db: Db,
  table: T,
  organisationId: string,
  ...order: SQL[]
): Promise<T["$inferSelect"][]> {
  // drizzle cannot infer a generic table's row type through select().from(); the caller's table fixes it.
  return db
    .select()
    .from(table as PgTable)
    .where(inOrganisation(table, organisationId))
    .orderBy(...order) as Promise<T["$inferSelect"][]>;
}
