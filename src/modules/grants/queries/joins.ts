import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import type { OrganisationOwned } from "../../../platform/db/scope.ts";
import { grantApplication, grantAward, grantProgramme } from "../schema.ts";

// The ON clauses of the grants module's own foreign keys. Payments, returns, applications and
// awards are joined the same way in the lists, the daily job and the register, so each join is
// written once here, inside one organisation like every join (sameOrganisation).

/** Joins grantAward to a row that belongs to a grant (payment, monitoring return …). */
export function awardOf(row: OrganisationOwned & { grantId: PgColumn }): SQL {
  return sameOrganisation(grantAward, row, eq(grantAward.id, row.grantId));
}

/** Joins grantProgramme to the application or award made under it. */
export function programmeOf(row: OrganisationOwned & { programmeId: PgColumn }): SQL {
  return sameOrganisation(grantProgramme, row, eq(grantProgramme.id, row.programmeId));
}

/** Joins grantApplication to the award it led to (direct awards have none: use a left join). */
export function applicationOf(award: typeof grantAward): SQL {
  return sameOrganisation(grantApplication, award, eq(grantApplication.id, award.applicationId));
}
