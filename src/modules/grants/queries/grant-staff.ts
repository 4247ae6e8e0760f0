import { type Actor, staffRoles } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { activeUsersWithRoles } from "../../../platform/auth/users.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewGrants } from "../policy.ts";

// The people a grant owner or accountable officer may be: the organisation's own staff
// users who can still sign in. Applicants, suppliers and tenants are never chosen.

export type GrantStaffMember = { id: string; name: string };

/** Active staff users of one organisation, by name; limited to `ids` when given. */
export async function activeGrantStaff(
  db: Db,
  organisationId: string,
  ids?: string[],
): Promise<GrantStaffMember[]> {
  return activeUsersWithRoles(db, organisationId, staffRoles, { ids });
}

/** The choices on the award and direct-award forms. */
export async function grantStaffChoices(db: Db, actor: Actor): Promise<GrantStaffMember[]> {
  requireAllowed(canViewGrants(actor), "Only staff can see grants.");
  return activeGrantStaff(db, actor.organisationId);
}
