import { eq, or } from "drizzle-orm";
import { z } from "zod";
import { type Actor, actorLabel, actorUserId } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { validate } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { canWorkCases } from "../policy.ts";
import { safetySameMatterLink } from "../schema/same-matter.ts";
import { safetyCase } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";

export const sameMatterInput = z.object({
  sameAsReference: z
    .string({ error: "Enter the reference of the case this one is the same matter as" })
    .trim()
    .min(1, { error: "Enter the reference of the case this one is the same matter as" })
    .max(50),
  reason: z
    .string({ error: "Say why these cases are about the same matter" })
    .trim()
    .min(1, { error: "Say why these cases are about the same matter" })
    .max(2000, { error: "The reason must be 2,000 characters or fewer" }),
});

const refuse = (detail: string) => invalid(detail, { sameAsReference: detail });

/**
 * Records that a case is about the same matter as another case of the same organisation, so that
 * NM01 counts the two once (the regulator counts further reports about the same matter as part of
 * the case already open). The linked case stops counting on its own; the case it is linked to
 * keeps counting. Links do not chain: the target must itself count, and a case that others are
 * linked to cannot be linked away.
 */
export async function linkSameMatter(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof sameMatterInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can link cases.");
  const checked = validate(sameMatterInput, input);
  if (!checked.ok) throw invalid("The link could not be saved.", checked.errors);
  const { sameAsReference, reason } = checked.value;
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    // Looked up only in the actor's organisation: another organisation's case is simply not there.
    const [target] = await tx
      .select()
      .from(safetyCase)
      .where(matchInOrganisation(safetyCase, actor.organisationId, { reference: sameAsReference }));
    if (!target)
      throw refuse(
        `There is no case ${sameAsReference} in your organisation's records. Only your own organisation's cases can be linked.`,
      );
    if (target.id === found.id)
      throw refuse("A case cannot be linked to itself. Enter the other case's reference.");
    if (target.countsAsAsb !== found.countsAsAsb)
      throw refuse(
        `${found.reference} and ${target.reference} are not both anti-social behaviour cases, so they cannot be one NM01 matter.`,
      );
    const existing = await tx
      .select()
      .from(safetySameMatterLink)
      .where(
        inOrganisation(
          safetySameMatterLink,
          actor.organisationId,
          or(
            eq(safetySameMatterLink.caseId, found.id),
            eq(safetySameMatterLink.caseId, target.id),
            eq(safetySameMatterLink.sameAsCaseId, found.id),
          ),
        ),
      );
    if (existing.some((link) => link.caseId === found.id))
      throw conflict(
        "Case already linked",
        `${found.reference} is already linked as the same matter as another case.`,
      );
    if (existing.some((link) => link.caseId === target.id))
      throw refuse(
        `${target.reference} is itself linked to another case. Link ${found.reference} to the case that ${target.reference} is linked to.`,
      );
    if (existing.some((link) => link.sameAsCaseId === found.id))
      throw refuse(
        `Other cases are linked to ${found.reference}, so it must keep counting. Link ${target.reference} to ${found.reference} instead.`,
      );
    await tx.insert(safetySameMatterLink).values({
      organisationId: actor.organisationId,
      caseId: found.id,
      sameAsCaseId: target.id,
      reason,
      linkedByUserId: actorUserId(actor),
      linkedBy: actorLabel(actor),
      linkedAt: now,
    });
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "note",
      title: `Linked as the same matter as ${target.reference}`,
      body: reason,
    });
    await addTimeline(tx, actor, now, {
      caseId: target.id,
      kind: "note",
      title: `${found.reference} linked to this case as the same matter`,
      body: reason,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_same_matter_link",
      entityId: found.id,
      summary: `Linked case ${found.reference} as the same matter as ${target.reference}`,
      after: { caseId: found.id, sameAsCaseId: target.id, reason },
    });
  });
}
