import type { Actor } from "../../../platform/access/actor.ts";
import { actorLabel } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { laCodeForPostcode, locatePostcode } from "../geography.ts";
import { opportunityInput, parseInput } from "../inputs.ts";
import { canCoordinate, canPostOpportunity } from "../policy.ts";
import { type Opportunity, volOpportunity } from "../schema.ts";

/**
 * Posts a role. Every role, whoever posts it, waits for a coordinator's approval
 * before the public can see it (Team Kinetic's "opportunity approval").
 */
export async function postOpportunity(
  db: Db,
  actor: Actor,
  now: Date,
  input: unknown,
  options: { laCode?: string | null } = {},
): Promise<Opportunity> {
  requireAllowed(
    canPostOpportunity(actor),
    "Only coordinators, partner agencies and community groups can post volunteering roles.",
  );
  const value = parseInput(opportunityInput, input);
  const located = value.postcode ? locatePostcode(value.postcode) : null;
  if (value.postcode && !located && !value.remote) {
    throw invalid("We cannot place that postcode.", {
      postcode: "Enter a postcode in Kent or Medway, like ME4 4TR, or say the role is remote",
    });
  }
  // A partner's role belongs to the partner; a coordinator's to the landlord itself.
  const partnerOrganisationId =
    !canCoordinate(actor) && actor.kind === "user" ? actor.partnerOrganisationId : null;
  const id = newId(now.getTime());
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(volOpportunity)
      .values({
        organisationId: actor.organisationId,
        id,
        ...value,
        laCode:
          options.laCode ?? (value.postcode && !value.remote ? laCodeForPostcode(value.postcode) : null),
        latitude: located?.latitude ?? null,
        longitude: located?.longitude ?? null,
        status: "submitted",
        partnerOrganisationId,
        createdBy: actorLabel(actor),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "vol_opportunity",
      entityId: id,
      summary: `Volunteering role "${value.title}" posted for approval`,
      after: { title: value.title, places: value.places, dbsRequired: value.dbsRequired },
    });
    return created;
  });
}
