import type { Actor } from "../../platform/access/actor.ts";
import { isManagerOrAbove, isOfficerOrAbove, isStaff, tokenAllows } from "../../platform/access/policy.ts";
import type { PbProcess, PbProposal } from "./schema.ts";

/** Staff (the board included) see every process, proposal and count. */
export function canViewProcesses(actor: Actor): boolean {
  return isStaff(actor) && tokenAllows(actor, "budgeting", "read");
}

/** Officers set processes up, move them through their phases and review proposals. */
export function canManageProcesses(actor: Actor): boolean {
  return isOfficerOrAbove(actor) && tokenAllows(actor, "budgeting", "write");
}

/** Paper ballots are typed in by officers, who also issue voting codes. */
export function canEnterPaperBallots(actor: Actor): boolean {
  return canManageProcesses(actor);
}

/** The counting rule decides who gets money: a manager's decision, and only before any vote. */
export function canChooseRule(actor: Actor, hasVotes: boolean): boolean {
  return isManagerOrAbove(actor) && tokenAllows(actor, "budgeting", "write") && !hasVotes;
}

/** Moving a vote's closing day changes who can vote: a manager's decision, recorded with a reason. */
export function canExtendVoting(actor: Actor): boolean {
  return isManagerOrAbove(actor) && tokenAllows(actor, "budgeting", "write");
}

/** Anyone signed in to the organisation may put an idea forward while proposals are open. */
export function canPropose(actor: Actor, process: Pick<PbProcess, "phase" | "source">): boolean {
  return actor.kind === "user" && process.phase === "proposals" && process.source === "kith";
}

/** A draft is its author's alone; once submitted it is public (and staff can always see it). */
export function canSeeProposal(
  actor: Actor | null,
  proposal: Pick<PbProposal, "status" | "proposerUserId">,
): boolean {
  if (proposal.status !== "draft") return true;
  return actor !== null && actor.kind === "user" && actor.userId === proposal.proposerUserId;
}

export function canEditDraft(actor: Actor, proposal: Pick<PbProposal, "status" | "proposerUserId">): boolean {
  return proposal.status === "draft" && actor.kind === "user" && actor.userId === proposal.proposerUserId;
}

/** Online voting after sign-in needs a resident record to hold the one vote per person. */
export function canVoteOnline(actor: Actor): boolean {
  return actor.kind === "user" && actor.personId !== null;
}
