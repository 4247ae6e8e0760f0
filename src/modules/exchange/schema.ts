import { date, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { moment, pence } from "../../platform/db/columns.ts";

// Mirror of migrations/0360_exchange.sql.

export const needCategories = ["volunteers", "materials", "skills", "funding", "equipment"] as const;
export type NeedCategory = (typeof needCategories)[number];
export const categoryNames: Record<NeedCategory, string> = {
  volunteers: "Volunteers",
  materials: "Materials",
  skills: "Skills",
  funding: "Funding",
  equipment: "Equipment",
};

export const themes = [
  "local-employment",
  "local-economy",
  "community-development",
  "good-employer",
  "green",
] as const;
export type Theme = (typeof themes)[number];
export const themeNames: Record<Theme, string> = {
  "local-employment": "Local employment",
  "local-economy": "Local economy",
  "community-development": "Community development",
  "good-employer": "Good employer",
  green: "Green and sustainable",
};

export type NeedStatus = "submitted" | "open" | "rejected" | "met" | "closed";
export type PledgeStatus = "offered" | "accepted" | "not-awarded" | "delivered" | "verified";

export const exchangeNeed = pgTable(
  "exchange_need",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    reference: text("reference").notNull(),
    communityOrgId: uuid("community_org_id"),
    communityOrgName: text("community_org_name").notNull(),
    postedBy: uuid("posted_by"),
    title: text("title").notNull(),
    description: text("description").notNull(),
    category: text("category").$type<NeedCategory>().notNull(),
    valuePence: pence("value_pence").notNull(),
    location: text("location").notNull(),
    laCode: text("la_code"),
    neededBy: date("needed_by", { mode: "string" }),
    status: text("status").$type<NeedStatus>().notNull(),
    moderationNote: text("moderation_note"),
    moderatedByName: text("moderated_by_name"),
    moderatedAt: moment("moderated_at"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const exchangeContract = pgTable(
  "exchange_contract",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    valuePence: pence("value_pence").notNull(),
    weightingBp: integer("weighting_bp").notNull(),
    themes: text("themes").array().$type<Theme[]>().notNull(),
    themeWeights: jsonb("theme_weights").$type<Partial<Record<Theme, number>>>().notNull(),
    fullMarksShareBp: integer("full_marks_share_bp").notNull(),
    tenderCloses: date("tender_closes", { mode: "string" }).notNull(),
    status: text("status").$type<"tendering" | "awarded">().notNull(),
    awardedSupplierId: uuid("awarded_supplier_id"),
    awardedSupplierName: text("awarded_supplier_name"),
    awardedAt: moment("awarded_at"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const exchangePledge = pgTable(
  "exchange_pledge",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    reference: text("reference").notNull(),
    contractId: uuid("contract_id").notNull(),
    supplierId: uuid("supplier_id").notNull(),
    supplierName: text("supplier_name").notNull(),
    theme: text("theme").$type<Theme>().notNull(),
    resourceType: text("resource_type").$type<NeedCategory>().notNull(),
    description: text("description").notNull(),
    valuePence: pence("value_pence").notNull(),
    dueBy: date("due_by", { mode: "string" }).notNull(),
    status: text("status").$type<PledgeStatus>().notNull(),
    evidence: text("evidence"),
    deliveredAt: moment("delivered_at"),
    communityVerifiedBy: text("community_verified_by"),
    communityVerifiedAt: moment("community_verified_at"),
    officerVerifiedBy: text("officer_verified_by"),
    officerVerifiedAt: moment("officer_verified_at"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const exchangePledgeNeed = pgTable(
  "exchange_pledge_need",
  {
    organisationId: uuid("organisation_id").notNull(),
    pledgeId: uuid("pledge_id").notNull(),
    needId: uuid("need_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.pledgeId, t.needId] })],
);

export const exchangeAlert = pgTable(
  "exchange_alert",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    pledgeId: uuid("pledge_id").notNull(),
    kind: text("kind").$type<"overdue">().notNull(),
    message: text("message").notNull(),
    raisedAt: moment("raised_at").notNull(),
    clearedAt: moment("cleared_at"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export type Need = typeof exchangeNeed.$inferSelect;
export type Contract = typeof exchangeContract.$inferSelect;
export type SupplierPledge = typeof exchangePledge.$inferSelect;
