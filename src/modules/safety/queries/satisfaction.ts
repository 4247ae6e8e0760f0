import { and, count, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { type SatisfactionAnswer, satisfactionAnswers } from "../domain/satisfaction.ts";
import { canViewReports } from "../policy.ts";
import { safetySatisfaction } from "../schema.ts";

export type SatisfactionSummary = {
  asked: number;
  answered: number;
  counts: { answer: SatisfactionAnswer; count: number }[];
  /** Very or fairly satisfied, as a share of answers other than "not applicable" (the TSM way), or null with none. */
  satisfiedPercent: number | null;
};

/** TSM handling-of-ASB answers for cases closed between two dates: aggregate only, so the board sees it too. */
export async function satisfactionSummary(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
): Promise<SatisfactionSummary> {
  requireAllowed(canViewReports(actor), "Only staff can see community safety reports.");
  const inPeriod = inOrganisation(
    safetySatisfaction,
    actor.organisationId,
    gte(safetySatisfaction.closedOn, period.from),
    lte(safetySatisfaction.closedOn, period.to),
  );
  const [asked, byAnswer] = await Promise.all([
    db.select({ total: count() }).from(safetySatisfaction).where(inPeriod),
    db
      .select({ answer: safetySatisfaction.answer, total: count() })
      .from(safetySatisfaction)
      .where(and(inPeriod, isNotNull(safetySatisfaction.answer)))
      .groupBy(sql`1`),
  ]);
  const tally = new Map(byAnswer.map((row) => [row.answer, row.total]));
  const counts = satisfactionAnswers.map((answer) => ({ answer, count: tally.get(answer) ?? 0 }));
  const answered = counts.reduce((sum, row) => sum + row.count, 0);
  const rated = answered - (tally.get("not-applicable") ?? 0);
  const satisfied = (tally.get("very-satisfied") ?? 0) + (tally.get("fairly-satisfied") ?? 0);
  return {
    asked: asked[0]?.total ?? 0,
    answered,
    counts,
    satisfiedPercent: rated > 0 ? Math.round((satisfied / rated) * 1000) / 10 : null,
  };
}
