import {
  boolean,
  customType,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { moment, pence } from "../../platform/db/columns.ts";

// Mirror of migrations/0350_crowdfunding.sql.

export const campaignStatuses = [
  "draft",
  "in-review",
  "live",
  "successful",
  "unsuccessful",
  "delivered",
] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const fundingModels = ["all-or-nothing", "keep-what-you-raise"] as const;
export type FundingModel = (typeof fundingModels)[number];
export type PledgeStatus = "authorised" | "collected" | "released";
export type MatchPledgeStatus = "conditional" | "released" | "collected" | "lapsed";
export type Criterion = { key: string; label: string; max: number };

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const crowdfundingFund = pgTable(
  "crowdfunding_fund",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    funderName: text("funder_name").notNull(),
    isOwnMoney: boolean("is_own_money").notNull(),
    budgetPence: pence("budget_pence").notNull(),
    maxShareBp: integer("max_share_bp").notNull(),
    maxAmountPence: pence("max_amount_pence").notNull(),
    combinedCapBp: integer("combined_cap_bp").notNull(),
    minBackers: integer("min_backers").notNull(),
    criteria: jsonb("criteria").$type<Criterion[]>().notNull(),
    passMark: integer("pass_mark").notNull(),
    open: boolean("open").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const crowdfundingCampaign = pgTable(
  "crowdfunding_campaign",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    reference: text("reference").notNull(),
    groupId: uuid("group_id"),
    groupName: text("group_name").notNull(),
    createdBy: uuid("created_by"),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    story: text("story").notNull(),
    communityBenefit: text("community_benefit").notNull(),
    targetPence: pence("target_pence").notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    closesAt: moment("closes_at"),
    fundingModel: text("funding_model").$type<FundingModel>().notNull(),
    location: text("location").notNull(),
    laCode: text("la_code"),
    latitude: numeric("latitude", { mode: "number" }),
    longitude: numeric("longitude", { mode: "number" }),
    status: text("status").$type<CampaignStatus>().notNull(),
    backerPence: pence("backer_pence").notNull(),
    backerCount: integer("backer_count").notNull(),
    matchPence: pence("match_pence").notNull(),
    collectedPence: pence("collected_pence").notNull(),
    submittedAt: moment("submitted_at"),
    launchedAt: moment("launched_at"),
    settledAt: moment("settled_at"),
    deliveredAt: moment("delivered_at"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const crowdfundingBudgetLine = pgTable(
  "crowdfunding_budget_line",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    amountPence: pence("amount_pence").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const crowdfundingRewardTier = pgTable(
  "crowdfunding_reward_tier",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    minPence: pence("min_pence").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const crowdfundingImage = pgTable(
  "crowdfunding_image",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    altText: text("alt_text").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type ReviewChecks = Record<string, boolean>;

export const crowdfundingReview = pgTable(
  "crowdfunding_review",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    reviewerId: uuid("reviewer_id"),
    reviewerName: text("reviewer_name").notNull(),
    checks: jsonb("checks").$type<ReviewChecks>().notNull(),
    decision: text("decision").$type<"approve" | "return">().notNull(),
    notes: text("notes"),
    reviewedAt: moment("reviewed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const crowdfundingPledge = pgTable(
  "crowdfunding_pledge",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    reference: text("reference").notNull(),
    backerName: text("backer_name").notNull(),
    backerEmail: text("backer_email").notNull(),
    anonymous: boolean("anonymous").notNull(),
    message: text("message"),
    amountPence: pence("amount_pence").notNull(),
    rewardTierId: uuid("reward_tier_id"),
    provider: text("provider").notNull(),
    providerReference: text("provider_reference").notNull(),
    status: text("status").$type<PledgeStatus>().notNull(),
    createdAt: moment("created_at").notNull(),
    settledAt: moment("settled_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const crowdfundingMatchPledge = pgTable(
  "crowdfunding_match_pledge",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    fundId: uuid("fund_id").notNull(),
    amountPence: pence("amount_pence").notNull(),
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    score: integer("score").notNull(),
    status: text("status").$type<MatchPledgeStatus>().notNull(),
    pledgedBy: uuid("pledged_by"),
    pledgedByName: text("pledged_by_name").notNull(),
    createdAt: moment("created_at").notNull(),
    releasedAt: moment("released_at"),
    settledAt: moment("settled_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const crowdfundingUpdate = pgTable(
  "crowdfunding_update",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    authorName: text("author_name").notNull(),
    postedAt: moment("posted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type Campaign = typeof crowdfundingCampaign.$inferSelect;
export type Fund = typeof crowdfundingFund.$inferSelect;
export type Pledge = typeof crowdfundingPledge.$inferSelect;
export type MatchPledge = typeof crowdfundingMatchPledge.$inferSelect;
