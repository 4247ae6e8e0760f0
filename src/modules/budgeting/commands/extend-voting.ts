import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { isoDate, requiredText } from "../../../platform/http/fields.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { canExtendVoting } from "../policy.ts";
import { findProcess } from "../queries/processes.ts";
import { pbProcess } from "../schema.ts";
import { votingState } from "../voting-window.ts";

const extendInput = z.object({
  votingClose: z.string({ error: "Enter the new closing date" }).pipe(isoDate),
  reason: requiredText("the reason", 1000),
});

export type ExtendVotingInput = z.input<typeof extendInput>;

/**
 * Moves a vote's closing day later: to extend a vote still open, or to reopen one whose
 * closing day has passed but whose votes are not yet counted (the ballots already cast
 * stay). A counted, published result is never reopened. The reason is kept in the audit
 * log, because changing when a vote closes changes who gets to vote.
 */
export async function extendVoting(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  input: ExtendVotingInput,
): Promise<{ reopened: boolean }> {
  requireAllowed(canExtendVoting(actor), "Only managers can extend or reopen a vote.");
  const process = await findProcess(db, actor.organisationId, processId);
  const { votingClose, reason } = validInput(extendInput, input, "Check the new closing date.");
  const state = votingState(process, now);
  if (state === "not-voting")
    throw conflict(
      process.phase === "results" ? "The votes have been counted" : "Voting has not started",
      process.phase === "results"
        ? "A published result cannot be reopened. Set up a new process to vote again."
        : "Only a process in its voting phase can be extended. Change its dates before voting opens.",
    );
  const today = londonDay(now);
  if (votingClose < today)
    throw invalid("Check the new closing date.", {
      votingClose: "The new closing date must be today or later",
    });
  if (votingClose <= process.votingClose)
    throw invalid("Check the new closing date.", {
      votingClose: `The new closing date must be after the current one (${process.votingClose})`,
    });
  // Results cannot come before the vote ends: move the results date with the close when needed.
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text; Math.max would make NaN of them.
  const resultsDate = process.resultsDate < votingClose ? votingClose : process.resultsDate;
  await db.transaction(async (tx) => {
    await tx
      .update(pbProcess)
      .set({ votingClose, resultsDate, updatedAt: now })
      .where(matchInOrganisation(pbProcess, actor.organisationId, { id: process.id, phase: "voting" }));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "pb_process",
      entityId: process.id,
      summary: `${state === "open" ? "Extended" : "Reopened"} voting in "${process.title}" to ${votingClose}: ${reason}`,
      before: { votingClose: process.votingClose, resultsDate: process.resultsDate },
      after: { votingClose, resultsDate, reason },
    });
  });
  return { reopened: state === "closed-awaiting-count" };
}
