import { and, inArray, isNotNull } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPeople } from "../policy.ts";
import { type PersonType, person } from "../schema.ts";

export type ResidentWithEmail = {
  id: string;
  email: string;
  personType: PersonType;
  dateOfBirth: string | null;
  homeId: string | null;
};

/**
 * Tenants and residents who have an email address, for a mailing another module sends
 * (voting codes, for example). Contact details are personal data: the read is audited
 * once, with the purpose given.
 */
export async function listResidentsWithEmail(
  db: Db,
  actor: Actor,
  now: Date,
  purpose: string,
): Promise<ResidentWithEmail[]> {
  requireAllowed(canViewPeople(actor), "Only staff can list residents' contact details.");
  const rows = await db
    .select({
      id: person.id,
      email: person.email,
      personType: person.personType,
      dateOfBirth: person.dateOfBirth,
      homeId: person.homeId,
    })
    .from(person)
    .where(
      inOrganisation(
        person,
        actor.organisationId,
        and(isNotNull(person.email), inArray(person.personType, ["tenant", "resident"])),
      ),
    );
  const withEmail = rows.flatMap((row) => (row.email?.trim() ? [{ ...row, email: row.email.trim() }] : []));
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "person",
    summary: `Listed ${withEmail.length} residents' email addresses: ${purpose}`,
  });
  return withEmail;
}
