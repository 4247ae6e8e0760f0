import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { day, moment } from "../../../platform/db/columns.ts";

// Mirror of migrations/0111_safety_hot_spot_campaign.sql.

export const hotSpotAreaKinds = ["neighbourhood", "district", "block"] as const;
export type HotSpotAreaKind = (typeof hotSpotAreaKinds)[number];

export const hotSpotCampaignTypes = ["cctv", "waste-amnesty", "good-neighbour", "other"] as const;
export type HotSpotCampaignType = (typeof hotSpotCampaignTypes)[number];

/** An area marked for a campaign; its before-and-after figures are worked out when read. */
export const safetyHotSpotCampaign = pgTable(
  "safety_hot_spot_campaign",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    areaKind: text("area_kind", { enum: hotSpotAreaKinds }).notNull(),
    areaCode: text("area_code").notNull(),
    areaName: text("area_name").notNull(),
    campaignType: text("campaign_type", { enum: hotSpotCampaignTypes }).notNull(),
    startedOn: day("started_on").notNull(),
    endedOn: day("ended_on"),
    note: text("note"),
    createdBy: text("created_by").notNull(),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type SafetyHotSpotCampaign = typeof safetyHotSpotCampaign.$inferSelect;
