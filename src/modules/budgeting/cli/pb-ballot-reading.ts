// How `kith pb results` reads a pabulib file's ballots for a rule, the way pabutools
// 1.2.3 (the reference library) does.
//
// pabutools builds an approval profile for `approval` and `choose-1` files. For
// `cumulative` and `scoring` files each ballot maps every project the vote names to its
// points, and for `ordinal` files it is the ranked list. Greedy and MES then score a
// ballot with a satisfaction measure: cost (Cost_Sat) or approval (Cardinality_Sat).
// Both ask only whether a project is in the ballot, so a cumulative vote counts as an
// approval of every project it names, whatever its points (a project named with 0 points
// included), and the points never change the outcome. Sequential Phragmén is defined for
// approval profiles only; pabutools refuses other profiles, and so do we.

import type { PabulibElection } from "../pabulib/parse.ts";
import type { PbRule } from "../rules/index.ts";

export type BallotReading = {
  /** The file's vote_type ("approval" when the file does not say). */
  readonly voteType: string;
  /** In words, for the output: how each ballot was counted. */
  readonly readAs: string;
  /** The election with each ballot as the projects it counts as approving. */
  readonly election: PabulibElection;
};

const APPROVAL_TYPES = ["approval", "choose-1"];
const LISTED_TYPES = ["cumulative", "scoring", "ordinal"];

export function readBallots(election: PabulibElection, rule: PbRule): BallotReading | { refusal: string } {
  const voteType = (election.meta.vote_type ?? "").trim() || "approval";
  if (APPROVAL_TYPES.includes(voteType)) return { voteType, readAs: "approvals", election };
  if (!LISTED_TYPES.includes(voteType)) {
    return {
      refusal: `vote_type "${voteType}" is not one pabulib defines; use approval, choose-1, cumulative, scoring or ordinal`,
    };
  }
  if (rule === "phragmen") {
    return {
      refusal: `sequential Phragmén counts approval ballots only, and this file has ${voteType} votes (pabutools refuses them too). Use --rule greedy or --rule mes, which count each vote as approving every project it names.`,
    };
  }
  return {
    voteType,
    readAs:
      voteType === "ordinal"
        ? "approvals of every project each vote ranks (the order is not used)"
        : "approvals of every project each vote names (the points are not used)",
    election: { ...election, ballots: election.listed },
  };
}
