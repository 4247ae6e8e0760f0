import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { conflict } from "../../../platform/http/problem.ts";
import { laCodeForPostcode, locatePostcode } from "../geography.ts";
import { parseInput, type VolunteerInput, volunteerInput } from "../inputs.ts";
import { canCoordinate } from "../policy.ts";
import { emailTaken } from "../records.ts";
import { type Volunteer, volunteer } from "../schema.ts";

export type VolunteerLinks = { personId?: string | null; userId?: string | null; laCode?: string | null };

/** Inserts the volunteer row; callers hold the transaction and write the audit entry. */
export async function insertVolunteer(
  tx: Db,
  organisationId: string,
  now: Date,
  value: VolunteerInput,
  links: VolunteerLinks,
): Promise<Volunteer> {
  if (await emailTaken(tx, organisationId, value.email))
    throw conflict(
      "This volunteer is already registered",
      `A volunteer with the email ${value.email} is already registered.`,
    );
  const [created] = await tx
    .insert(volunteer)
    .values({
      organisationId,
      id: newId(now.getTime()),
      ...value,
      ...(value.postcode ? locatePostcode(value.postcode) : null),
      personId: links.personId ?? null,
      userId: links.userId ?? null,
      laCode: links.laCode ?? (value.postcode ? laCodeForPostcode(value.postcode) : null),
      createdAt: now,
    })
    .returning();
  return created;
}

/** A coordinator registers a volunteer (for example someone who signed up at an event). */
export async function registerVolunteer(
  db: Db,
  actor: Actor,
  now: Date,
  input: unknown,
  links: VolunteerLinks = {},
): Promise<Volunteer> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can register volunteers.");
  const value = parseInput(volunteerInput, input);
  return db.transaction(async (tx) => {
    const created = await insertVolunteer(tx, actor.organisationId, now, value, links);
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "volunteer",
      entityId: created.id,
      summary: `Volunteer ${created.givenName} ${created.familyName} registered`,
    });
    return created;
  });
}
