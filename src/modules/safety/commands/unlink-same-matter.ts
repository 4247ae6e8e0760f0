import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canWorkCases } from "../policy.ts";
import { safetySameMatterLink } from "../schema/same-matter.ts";
import { safetyCase } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";

export const unlinkSameMatterInput = z.object({
  reason: z
    .string({ error: "Say why the cases are not the same matter after all" })
    .trim()
    .min(1, { error: "Say why the cases are not the same matter after all" })
    .max(2000, { error: "The reason must be 2,000 characters or fewer" }),
});

/**
 * Undoes a same-matter link made in error: the case counts in NM01 on its own again. The link is
 * removed (the figure follows the links as they stand), and the timeline of both cases and the
 * audit log keep what was linked, when, by whom, and why it was undone.
 */
export async function unlinkSameMatter(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof unlinkSameMatterInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can change case links.");
  const checked = validate(unlinkSameMatterInput, input);
  if (!checked.ok) throw invalid("The link could not be removed.", checked.errors);
  const { reason } = checked.value;
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const [link] = await tx
      .delete(safetySameMatterLink)
      .where(matchInOrganisation(safetySameMatterLink, actor.organisationId, { caseId: found.id }))
      .returning();
    if (!link)
      throw invalid(`${found.reference} is not linked to another case.`, {
        reason: `${found.reference} is not linked to another case, so there is no link to remove.`,
      });
    const [target] = await tx
      .select({ reference: safetyCase.reference })
      .from(safetyCase)
      .where(matchInOrganisation(safetyCase, actor.organisationId, { id: link.sameAsCaseId }));
    const targetReference = target?.reference ?? "the other case";
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "note",
      title: `No longer linked as the same matter as ${targetReference}`,
      body: reason,
    });
    await addTimeline(tx, actor, now, {
      caseId: link.sameAsCaseId,
      kind: "note",
      title: `${found.reference} no longer linked to this case as the same matter`,
      body: reason,
    });
    await recordAudit(tx, actor, now, {
      action: "delete",
      entityType: "safety_same_matter_link",
      entityId: found.id,
      summary: `Removed the same-matter link of ${found.reference} to ${targetReference}`,
      before: { caseId: found.id, sameAsCaseId: link.sameAsCaseId, reason: link.reason },
      after: { reason },
    });
  });
}
