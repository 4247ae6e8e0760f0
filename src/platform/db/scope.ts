import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export type OrganisationOwned = { organisationId: PgColumn };

/**
 * The one way to say "rows of this organisation": every query on an
 * organisation-owned table builds its WHERE clause with this, so a missing
 * organisation filter shows up in review as a query that does not call it.
 */
export function inOrganisation(
  table: OrganisationOwned,
  organisationId: string,
  ...conditions: (SQL | undefined)[]
): SQL {
  const scoped = and(eq(table.organisationId, organisationId), ...conditions);
  // and() only returns undefined when given no conditions; we always pass one.
  return scoped as SQL;
}
