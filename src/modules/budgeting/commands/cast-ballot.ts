import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { conflict, invalid, notFound, Problem } from "../../../platform/http/problem.ts";
import { formatMoney } from "../money.ts";
import { canEnterPaperBallots } from "../policy.ts";
import { costOf, feasibleProposals, findProcess, type ProcessWithBudgets } from "../queries/processes.ts";

import { type BallotChannel, type PbProposal, pbBallot, pbBallotChoice, pbProcess } from "../schema.ts";
import { checkEligibility } from "./eligibility.ts";

/** Who is voting. Online and code voters may change their ballot until close; a paper ballot is entered once. */
export type Voter =
  | { channel: "online" | "code"; personId: string }
  | { channel: "paper"; paperReference: string; personId: string | null };

/** Proposal id → points (1 for approval and knapsack ballots). */
export type BallotChoices = Map<string, number>;

export function voterKey(voter: Voter): string {
  if (voter.channel === "paper" && voter.personId === null)
    return `paper:${voter.paperReference.trim().toUpperCase()}`;
  return `person:${voter.personId}`;
}

/** Checks a ballot against the process's ballot rules; returns the messages a voter can act on. */
export function ballotProblems(
  process: ProcessWithBudgets,
  budgetPence: number,
  proposals: PbProposal[],
  choices: BallotChoices,
): string[] {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const problems: string[] = [];
  for (const id of choices.keys())
    if (!byId.has(id))
      problems.push("One of your choices is not on this ballot. Reload the page and choose again.");
  if (problems.length) return problems.slice(0, 1);
  const n = choices.size;
  if (process.ballotKind === "approval") {
    const min = Math.max(process.minChoices ?? 1, 1);
    if (n < min) problems.push(min === 1 ? "Choose at least one project" : `Choose at least ${min} projects`);
    if (process.maxChoices !== null && n > process.maxChoices)
      problems.push(`Choose no more than ${process.maxChoices} projects`);
  } else if (process.ballotKind === "knapsack") {
    if (n === 0) problems.push("Choose at least one project");
    let total = 0;
    for (const id of choices.keys()) total += costOf(byId.get(id) as PbProposal);
    if (total > budgetPence)
      problems.push(
        `Your choices cost ${formatMoney(total, process.currency)}, which is more than the budget of ${formatMoney(budgetPence, process.currency)}. Remove a project.`,
      );
  } else {
    let points = 0;
    for (const p of choices.values()) {
      if (!Number.isInteger(p) || p < 1) problems.push("Points must be whole numbers of 1 or more");
      points += p;
    }
    if (points === 0) problems.push("Give at least one point to a project");
    if (process.pointsTotal !== null && points > process.pointsTotal)
      problems.push(`You have given ${points} points but you only have ${process.pointsTotal}`);
  }
  return [...new Set(problems)];
}

/**
 * Records a ballot. The process row is read FOR SHARE inside the transaction: closing
 * voting updates that row, so a ballot either lands before the close (and is counted)
 * or sees the process closed. The unique (budget, voter) key makes a second ballot by
 * the same person a change of their first, never a second vote.
 */
export async function castBallot(
  db: Db,
  actor: Actor | null,
  now: Date,
  organisationId: string,
  processId: string,
  budgetId: string,
  voter: Voter,
  choices: BallotChoices,
): Promise<{ ballotId: string; changed: boolean }> {
  if (voter.channel === "paper")
    requireAllowed(actor !== null && canEnterPaperBallots(actor), "Only officers can enter paper ballots.");
  const process = await findProcess(db, organisationId, processId);
  const budget = process.budgets.find((b) => b.id === budgetId);
  if (!budget) throw notFound("Budget not found");
  if (voter.channel === "paper" && !/^[A-Za-z0-9-]{1,30}$/.test(voter.paperReference.trim()))
    throw invalid("Check the ballot paper.", {
      paperReference: "Enter the number printed on the ballot paper, like 0042",
    });
  if (voter.channel === "paper" && voter.personId !== null && actor !== null) {
    // A paper ballot that names a resident counts as their one vote, so they must exist and be eligible.
    const checked = await checkEligibility(db, actor, now, process, voter.personId).catch(
      (error: unknown) => error,
    );
    if (checked instanceof Problem)
      throw invalid("Check the ballot paper.", {
        personId: checked.status === 404 ? "No resident has that record id" : checked.detail,
      });
    if (checked !== undefined) throw checked;
  }
  const proposals = await feasibleProposals(db, organisationId, process.id, budget.id);
  const problems = ballotProblems(process, budget.amountPence, proposals, choices);
  if (problems.length) throw invalid(problems[0], { choices: problems[0] });
  const key = voterKey(voter);
  const channel: BallotChannel = voter.channel;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ phase: pbProcess.phase, votingClose: pbProcess.votingClose })
      .from(pbProcess)
      .where(matchInOrganisation(pbProcess, organisationId, { id: process.id }))
      .for("share");
    if (current?.phase !== "voting")
      throw conflict("Voting is closed", "Votes can only be cast while voting is open.");
    if (londonDay(now) > current.votingClose)
      throw conflict("Voting is closed", `Voting closed at the end of ${current.votingClose}.`);
    const id = newId(now.getTime());
    const inserted = await tx
      .insert(pbBallot)
      .values({
        organisationId,
        id,
        processId: process.id,
        budgetId: budget.id,
        voterKey: key,
        personId: voter.personId,
        channel,
        enteredByUserId: actor?.kind === "user" ? actor.userId : null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: pbBallot.id });
    let ballotId = inserted[0]?.id;
    const changed = ballotId === undefined;
    if (changed) {
      if (voter.channel === "paper")
        throw conflict(
          "Already voted",
          voter.personId
            ? "This resident has already voted in this budget."
            : "This ballot paper has already been entered.",
        );
      const [existing] = await tx
        .update(pbBallot)
        .set({ updatedAt: now, channel })
        .where(
          inOrganisation(
            pbBallot,
            organisationId,
            and(eq(pbBallot.budgetId, budget.id), eq(pbBallot.voterKey, key)),
          ),
        )
        .returning({ id: pbBallot.id });
      ballotId = existing.id;
      await tx
        .delete(pbBallotChoice)
        .where(matchInOrganisation(pbBallotChoice, organisationId, { ballotId }));
    }
    await tx
      .insert(pbBallotChoice)
      .values([...choices].map(([proposalId, points]) => ({ organisationId, ballotId, proposalId, points })));
    const who = actor ?? { kind: "system" as const, organisationId, label: "Resident with a voting code" };
    await recordAudit(tx, who, now, {
      action: changed ? "update" : "create",
      entityType: "pb_ballot",
      entityId: ballotId,
      // How someone voted is secret: the audit says that they voted, not for what.
      summary: `${changed ? "Changed" : "Cast"} a ${channel} ballot in "${process.title}" (${budget.name})`,
    });
    return { ballotId, changed };
  });
}

/** The voter's current choices, to show their ballot back to them (their own vote only). */
export async function currentChoices(
  db: Db,
  organisationId: string,
  budgetId: string,
  key: string,
): Promise<BallotChoices | null> {
  const [ballot] = await db
    .select({ id: pbBallot.id })
    .from(pbBallot)
    .where(matchInOrganisation(pbBallot, organisationId, { budgetId, voterKey: key }));
  if (!ballot) return null;
  const rows = await db
    .select({ proposalId: pbBallotChoice.proposalId, points: pbBallotChoice.points })
    .from(pbBallotChoice)
    .where(inOrganisation(pbBallotChoice, organisationId, inArray(pbBallotChoice.ballotId, [ballot.id])));
  return new Map(rows.map((r) => [r.proposalId, r.points]));
}
