import { and, desc, eq, isNull } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { type SatisfactionAnswer, satisfactionAnswers } from "../domain/satisfaction.ts";
import { complainantParty } from "../queries/portal.ts";
import { safetySatisfaction } from "../schema.ts";

// The complainant answers the TSM question from the tenant portal. The portal check (their own case,
// as its complainant) comes first; the answer is kept once, with the moment it was given.

/** The complainant's latest satisfaction check on this case: waiting for an answer or answered. */
export async function satisfactionCheckFor(db: Db, actor: Actor, now: Date, caseId: string) {
  const { partyId } = await complainantParty(db, actor, now, caseId);
  const [check] = await db
    .select()
    .from(safetySatisfaction)
    .where(matchInOrganisation(safetySatisfaction, actor.organisationId, { caseId, partyId }))
    .orderBy(desc(safetySatisfaction.sentAt))
    .limit(1);
  return check ?? null;
}

export async function recordSatisfaction(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  answer: string | undefined,
): Promise<void> {
  const check = await satisfactionCheckFor(db, actor, now, caseId);
  if (!check) throw notFound("No question to answer", "We have not asked about this case yet.");
  if (!satisfactionAnswers.includes(answer as SatisfactionAnswer))
    throw invalid("Choose an answer.", { answer: "Select how satisfied or dissatisfied you are" });
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(safetySatisfaction)
      .set({ answer: answer as SatisfactionAnswer, answeredAt: now })
      .where(
        and(
          eq(safetySatisfaction.organisationId, actor.organisationId),
          eq(safetySatisfaction.id, check.id),
          isNull(safetySatisfaction.answer),
        ),
      )
      .returning({ id: safetySatisfaction.id });
    // One conditional update: two answers sent at once give one success, not two.
    if (updated.length === 0)
      throw conflict("You have already answered", "Thank you: your answer is recorded.");
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_satisfaction",
      entityId: check.id,
      summary: "Complainant answered the satisfaction question",
      after: { answer },
    });
  });
}
