import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { actorName, canManageGrant } from "../policy.ts";
import { type GrantAgreement, grantAgreement, grantVariation } from "../schema.ts";
import { loadGrant } from "./load-grant.ts";

const variationInput = z.object({
  conditions: requiredText("the varied conditions", 5000),
  reason: requiredText("the reason for the variation", 2000),
});
export type VariationInput = z.input<typeof variationInput>;

/** A variation of the agreement's conditions: a new version, with the old text kept in the audit log. Money changes go through the notice rule instead. */
export async function varyAgreement(
  db: Db,
  actor: Actor,
  now: Date,
  grantId: string,
  input: VariationInput,
): Promise<GrantAgreement> {
  requireAllowed(canManageGrant(actor), "Only officers and managers can vary grant agreements.");
  const grant = await loadGrant(db, actor.organisationId, grantId);
  if (grant.status === "ended")
    throw conflict(
      "Grant has ended",
      `Grant ${grant.reference} has ended; its agreement can no longer be varied.`,
    );
  const parsed = variationInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the variation.", fieldErrorsFrom(parsed.error));
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(grantAgreement)
      .where(matchInOrganisation(grantAgreement, actor.organisationId, { grantId: grant.id }));
    if (!before) throw conflict("No agreement", `Grant ${grant.reference} has no agreement to vary.`);
    if (before.conditions === parsed.data.conditions)
      throw invalid("Check the variation.", { conditions: "Change the conditions, or cancel" });
    const [after] = await tx
      .update(grantAgreement)
      .set({ conditions: parsed.data.conditions, version: before.version + 1 })
      .where(
        matchInOrganisation(grantAgreement, actor.organisationId, {
          grantId: grant.id,
          version: before.version,
        }),
      )
      .returning();
    if (!after)
      throw conflict(
        "Agreement changed",
        "Someone else varied this agreement at the same time. Reload and try again.",
      );
    await tx.insert(grantVariation).values({
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      grantId: grant.id,
      kind: "conditions",
      description: `Agreement version ${after.version}: ${parsed.data.reason}`,
      recordedBy: actorName(actor),
      recordedAt: now,
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-agreement",
      entityId: grant.id,
      summary: `Agreement for ${grant.reference} varied to version ${after.version}: ${parsed.data.reason}`,
      before: { conditions: before.conditions, version: before.version },
      after: { conditions: after.conditions, version: after.version },
    });
    return after;
  });
}
