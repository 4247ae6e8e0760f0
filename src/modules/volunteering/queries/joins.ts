import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import type { OrganisationOwned } from "../../../platform/db/scope.ts";
import { volOpportunity } from "../schema.ts";

// Applications, hours and documents are joined to their opportunity the same way in the coordinator's
// lists, the volunteer's own page and the PDFs, so the join is written once, inside one organisation.

/** Joins volOpportunity to a row that belongs to an opportunity (an application, logged hours). */
export function opportunityOf(row: OrganisationOwned & { opportunityId: PgColumn }): SQL {
  return sameOrganisation(volOpportunity, row, eq(volOpportunity.id, row.opportunityId));
}
