import { and, eq, type SQL } from "drizzle-orm";
import type { OrganisationOwned } from "./scope.ts";

/**
 * A join's ON clause that stays inside one organisation: the joined table's organisation id is the
 * other table's, and the given conditions (usually the foreign key) hold. Written once so that no
 * join can forget the organisation half, which the Citus layout also needs (docs/scaling.md).
 */
export function sameOrganisation(
  joined: OrganisationOwned,
  to: OrganisationOwned,
  ...conditions: SQL[]
): SQL {
  // and() only returns undefined when given no conditions; we always pass one.
  return and(eq(joined.organisationId, to.organisationId), ...conditions) as SQL;
}
