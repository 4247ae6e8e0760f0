import { londonDay } from "../../platform/dates/london.ts";
import type { PbProcess } from "./schema.ts";

/**
 * What a resident can do with a process today. The phase is what officers (or the daily
 * phase job) last moved it to; the dates decide whether a ballot is taken. A process still
 * in its voting phase after its closing day refuses ballots, so it must never say "open".
 */
export type VotingState = "not-voting" | "open" | "closed-awaiting-count";

export function votingState(
  process: Pick<PbProcess, "phase" | "votingOpen" | "votingClose">,
  now: Date,
): VotingState {
  if (process.phase !== "voting") return "not-voting";
  const today = londonDay(now);
  if (today > process.votingClose) return "closed-awaiting-count";
  // Officers may open voting early by hand; ballots are taken from then, so it is open.
  return "open";
}

/** Ballots are taken only while the process is in voting and its closing day has not passed. */
export function isVotingOpen(
  process: Pick<PbProcess, "phase" | "votingOpen" | "votingClose">,
  now: Date,
): boolean {
  return votingState(process, now) === "open";
}
