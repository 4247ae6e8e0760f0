import {
  boolean,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { MultiPolygon, Polygon } from "geojson";
import { day, moment } from "../../platform/db/columns.ts";

export const localAuthority = pgTable("local_authority", {
  gssCode: text("gss_code").primaryKey(),
  name: text("name").notNull(),
  officialName: text("official_name"),
  laType: text("la_type"),
  tier: text("tier"),
  upperTierGssCode: text("upper_tier_gss_code"),
  regionName: text("region_name"),
  current: boolean("current").notNull(),
});

export type ImdEdition = "iod2019" | "iod2025";
export const imdEditions: Record<ImdEdition, string> = {
  iod2025: "English Indices of Deprivation 2025 (2021 LSOAs)",
  iod2019: "English Indices of Deprivation 2019 (2011 LSOAs)",
};

export const lsoa = pgTable(
  "lsoa",
  {
    edition: text("edition").$type<ImdEdition>().notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    ladCode: text("lad_code").notNull(),
    ladName: text("lad_name").notNull(),
    imdRank: integer("imd_rank").notNull(),
    imdDecile: integer("imd_decile").notNull(),
    imdScore: numeric("imd_score"),
    incomeDecile: integer("income_decile").notNull(),
    employmentDecile: integer("employment_decile").notNull(),
    educationDecile: integer("education_decile").notNull(),
    healthDecile: integer("health_decile").notNull(),
    crimeDecile: integer("crime_decile").notNull(),
    barriersDecile: integer("barriers_decile").notNull(),
    livingEnvDecile: integer("living_env_decile").notNull(),
  },
  (t) => [primaryKey({ columns: [t.edition, t.code] })],
);

export const organisationArea = pgTable(
  "organisation_area",
  {
    organisationId: uuid("organisation_id").notNull(),
    laCode: text("la_code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.laCode] })],
);

export const tenures = [
  "social-rent",
  "affordable-rent",
  "shared-ownership",
  "leasehold",
  "intermediate-rent",
  "supported",
  "temporary",
] as const;
export type Tenure = (typeof tenures)[number];

/**
 * The regulator's stock categories for the Tenant Satisfaction Measures. The first four are the
 * "relevant social housing stock" that TSMs such as NM01 count; the rest are outside it.
 */
export const tsmStockCategories = [
  "lcra-general-needs",
  "lcra-supported-housing",
  "lcra-housing-for-older-people",
  "lcho",
  "leasehold",
  "market-rent",
  "non-social",
] as const;
export type TsmStockCategory = (typeof tsmStockCategories)[number];
export const relevantTsmStock: readonly TsmStockCategory[] = [
  "lcra-general-needs",
  "lcra-supported-housing",
  "lcra-housing-for-older-people",
  "lcho",
];

export const home = pgTable(
  "home",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    uprn: text("uprn").notNull(),
    addressLine1: text("address_line_1").notNull(),
    addressLine2: text("address_line_2"),
    town: text("town").notNull(),
    postcode: text("postcode").notNull(),
    tenure: text("tenure").$type<Tenure>().notNull(),
    tsmStockCategory: text("tsm_stock_category").$type<TsmStockCategory>().notNull(),
    acquiredOn: day("acquired_on"),
    disposedOn: day("disposed_on"),
    bedrooms: integer("bedrooms"),
    blockName: text("block_name"),
    laCode: text("la_code").notNull(),
    lsoa21Code: text("lsoa21_code"),
    lsoa11Code: text("lsoa11_code"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const assetTypes = [
  "community-hall",
  "playground",
  "youth-club",
  "community-hub",
  "library",
  "park",
  "sports-facility",
  "garden",
  "cafe",
  "place-of-worship",
  "other",
] as const;
export type AssetType = (typeof assetTypes)[number];

export const communityAsset = pgTable(
  "community_asset",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    assetType: text("asset_type").$type<AssetType>().notNull(),
    description: text("description"),
    address: text("address"),
    postcode: text("postcode"),
    laCode: text("la_code").notNull(),
    lsoa21Code: text("lsoa21_code"),
    owner: text("owner").notNull(),
    openingHours: text("opening_hours"),
    currentUse: text("current_use"),
    capacity: integer("capacity"),
    openedOn: day("opened_on"),
    closedOn: day("closed_on"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const priorityOverride = pgTable(
  "priority_override",
  {
    organisationId: uuid("organisation_id").notNull(),
    edition: text("edition").$type<ImdEdition>().notNull(),
    lsoaCode: text("lsoa_code").notNull(),
    included: boolean("included").notNull(),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by").notNull(),
    decidedAt: moment("decided_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.edition, t.lsoaCode] })],
);

export type Home = typeof home.$inferSelect;
export type CommunityAsset = typeof communityAsset.$inferSelect;

/** Imported boundary shapes (migration 0010): shared reference data, one row per level and code. */
export const boundary = pgTable(
  "boundary",
  {
    level: text("level").$type<"lsoa21" | "lsoa11" | "lad">().notNull(),
    code: text("code").notNull(),
    name: text("name"),
    geometry: jsonb("geometry").$type<Polygon | MultiPolygon>().notNull(),
    tolerance: doublePrecision("tolerance").notNull(),
    sourceFile: text("source_file").notNull(),
    importedAt: moment("imported_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.code] })],
);
