import { z } from "zod";
import { type Actor, actorLabel } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, notFound } from "../../../platform/http/problem.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { canModerateNeed } from "../policy.ts";
import { exchangeNeed, type Need } from "../schema.ts";

export const moderationInput = z
  .object({
    decision: z.enum(["approve", "reject"], { error: "Choose whether to publish or reject the need" }),
    note: z.string().trim().max(2000, { error: "Note must be 2,000 characters or fewer" }).optional(),
  })
  .refine((value) => value.decision === "approve" || Boolean(value.note), {
    path: ["note"],
    error: "Say why the need is rejected",
  });

/** Moderation: an officer publishes a need to suppliers or rejects it with a reason. */
export async function moderateNeed(
  db: Db,
  actor: Actor,
  now: Date,
  needId: string,
  input: z.input<typeof moderationInput>,
): Promise<Need> {
  requireAllowed(canModerateNeed(actor), "Only officers can moderate needs.");
  const decision = validInput(moderationInput, input, "Check the decision.");
  if (!isUuid(needId)) throw notFound("Need not found");
  return db.transaction(async (tx) => {
    const [need] = await tx
      .select()
      .from(exchangeNeed)
      .where(matchInOrganisation(exchangeNeed, actor.organisationId, { id: needId }))
      .for("update");
    if (!need) throw notFound("Need not found");
    if (need.status !== "submitted") throw conflict("Need already moderated", `This need is ${need.status}.`);
    const moderation = {
      status: decision.decision === "approve" ? ("open" as const) : ("rejected" as const),
      moderationNote: decision.note ?? null,
      moderatedByName: actor.kind === "user" ? actor.name : actorLabel(actor),
      moderatedAt: now,
    };
    return updateAudited(tx, actor, now, exchangeNeed, need.id, moderation, (updated) => ({
      entityType: "exchange-need",
      summary: `Need ${need.reference} ${decision.decision === "approve" ? "published" : "rejected"}`,
      before: { status: need.status },
      after: { status: updated.status, note: updated.moderationNote },
    }));
  });
}
