import { integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tagPersonalData } from "../../platform/audit/personal-data.ts";
import { day, moment, pence } from "../../platform/db/columns.ts";
import type { PbCompletion, PbRule, PbUtility } from "./rules/index.ts";

export const areaKinds = ["all", "local-authority", "neighbourhood", "estate"] as const;
export type AreaKind = (typeof areaKinds)[number];
export const eligibilities = ["residents", "tenants"] as const;
export type Eligibility = (typeof eligibilities)[number];
export const ballotKinds = ["approval", "knapsack", "cumulative"] as const;
export type BallotKind = (typeof ballotKinds)[number];
export const phases = ["proposals", "review", "voting", "results"] as const;
export type Phase = (typeof phases)[number];
export const proposalStatuses = ["draft", "submitted", "feasible", "infeasible"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const publishModes = ["automatic", "officer"] as const;
export type PublishMode = (typeof publishModes)[number];
export const ballotChannels = ["online", "code", "paper", "import"] as const;
export type BallotChannel = (typeof ballotChannels)[number];
export const proposalCategories = [
  "Green spaces and environment",
  "Play and young people",
  "Community safety",
  "Health and wellbeing",
  "Community spaces and events",
  "Streets and getting around",
  "Other",
] as const;

export const pbProcess = pgTable(
  "pb_process",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    areaKind: text("area_kind").$type<AreaKind>().notNull(),
    areaCode: text("area_code"),
    eligibility: text("eligibility").$type<Eligibility>().notNull(),
    minimumAge: integer("minimum_age").notNull(),
    ballotKind: text("ballot_kind").$type<BallotKind>().notNull(),
    minChoices: integer("min_choices"),
    maxChoices: integer("max_choices"),
    pointsTotal: integer("points_total"),
    rule: text("rule").$type<PbRule>().notNull(),
    utility: text("utility").$type<PbUtility>().notNull(),
    completion: text("completion").$type<PbCompletion>().notNull(),
    tieBreaking: text("tie_breaking").notNull(),
    phase: text("phase").$type<Phase>().notNull(),
    publishResults: text("publish_results").$type<PublishMode>().notNull(),
    proposalsOpen: day("proposals_open").notNull(),
    reviewOpen: day("review_open").notNull(),
    votingOpen: day("voting_open").notNull(),
    votingClose: day("voting_close").notNull(),
    resultsDate: day("results_date").notNull(),
    source: text("source").$type<"kith" | "pabulib">().notNull(),
    currency: text("currency").notNull(),
    pabulibMeta: jsonb("pabulib_meta").$type<Record<string, string>>(),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const pbBudget = pgTable(
  "pb_budget",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    processId: uuid("process_id").notNull(),
    name: text("name").notNull(),
    amountPence: pence("amount_pence").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const pbProposal = pgTable(
  "pb_proposal",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    processId: uuid("process_id").notNull(),
    budgetId: uuid("budget_id"),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    location: text("location").notNull(),
    category: text("category").notNull(),
    estimatedCostPence: pence("estimated_cost_pence"),
    finalCostPence: pence("final_cost_pence"),
    status: text("status").$type<ProposalStatus>().notNull(),
    reviewReason: text("review_reason"),
    proposerUserId: uuid("proposer_user_id"),
    proposerPersonId: uuid("proposer_person_id"),
    createdAt: moment("created_at").notNull(),
    submittedAt: moment("submitted_at"),
    reviewedAt: moment("reviewed_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const pbBallot = pgTable(
  "pb_ballot",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    processId: uuid("process_id").notNull(),
    budgetId: uuid("budget_id").notNull(),
    voterKey: text("voter_key").notNull(),
    personId: uuid("person_id"),
    channel: text("channel").$type<BallotChannel>().notNull(),
    enteredByUserId: uuid("entered_by_user_id"),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const pbBallotChoice = pgTable(
  "pb_ballot_choice",
  {
    organisationId: uuid("organisation_id").notNull(),
    ballotId: uuid("ballot_id").notNull(),
    proposalId: uuid("proposal_id").notNull(),
    points: integer("points").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.ballotId, t.proposalId] })],
);

export const pbVoteCode = pgTable(
  "pb_vote_code",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    processId: uuid("process_id").notNull(),
    personId: uuid("person_id").notNull(),
    codeHash: text("code_hash").notNull(),
    issuedAt: moment("issued_at").notNull(),
    issuedByUserId: uuid("issued_by_user_id"),
    firstUsedAt: moment("first_used_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type StoredOutcome = {
  /** Proposal references in selection order. */
  selected: string[];
  /** Total cost of the winners in pence (minor units). */
  totalCost: string;
  /** Approvals (or points) per reference. */
  votes: Record<string, number>;
  /** MES figures are exact amounts in whole currency units (pounds), as the engine computes them. */
  mes?: {
    startBudgetPerVoter: string;
    runs: number;
    winners: { projectId: string; cost: string; supportersPaid: string; maxPaymentPerVoter: string | null }[];
  };
};
export type RuleComparison = {
  label: string;
  selected: string[];
  totalCost: string;
  fundedVoters: number;
  totalVoters: number;
}[];

export const pbResult = pgTable(
  "pb_result",
  {
    organisationId: uuid("organisation_id").notNull(),
    processId: uuid("process_id").notNull(),
    budgetId: uuid("budget_id").notNull(),
    rule: text("rule").$type<PbRule>().notNull(),
    utility: text("utility").$type<PbUtility>().notNull(),
    completion: text("completion").$type<PbCompletion>().notNull(),
    tieBreaking: text("tie_breaking").notNull(),
    outcome: jsonb("outcome").$type<StoredOutcome>().notNull(),
    comparison: jsonb("comparison").$type<RuleComparison>().notNull(),
    ballots: integer("ballots").notNull(),
    computedAt: moment("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.budgetId] })],
);

export const pbFundedProject = pgTable(
  "pb_funded_project",
  {
    organisationId: uuid("organisation_id").notNull(),
    proposalId: uuid("proposal_id").notNull(),
    processId: uuid("process_id").notNull(),
    projectId: uuid("project_id").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.proposalId] })],
);

// How a named person voted is personal data; the results are aggregates and are not.
tagPersonalData("pb_ballot", { personId: "personal" });
tagPersonalData("pb_vote_code", { personId: "personal" });
tagPersonalData("pb_proposal", { proposerPersonId: "personal" });

export type PbProcess = typeof pbProcess.$inferSelect;
export type PbBudget = typeof pbBudget.$inferSelect;
export type PbProposal = typeof pbProposal.$inferSelect;
export type PbBallot = typeof pbBallot.$inferSelect;
export type PbResult = typeof pbResult.$inferSelect;
