import { boolean, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { moment, pence } from "../../platform/db/columns.ts";
import type { AgeBand, Region } from "./age-region.ts";

// Mirror of migrations/0201_impact.sql. No personal data: value banks are catalogues.

export const valueBank = pgTable(
  "value_bank",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    source: text("source").notNull(),
    licence: text("licence").notNull(),
    priceYear: integer("price_year").notNull(),
    active: boolean("active").notNull(),
    importedAt: moment("imported_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const valueCategory = pgTable(
  "value_category",
  {
    organisationId: uuid("organisation_id").notNull(),
    bankId: uuid("bank_id").notNull(),
    category: text("category").notNull(),
    deadweightPercent: numeric("deadweight_percent", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.bankId, t.category] })],
);

export const valueOutcome = pgTable(
  "value_outcome",
  {
    organisationId: uuid("organisation_id").notNull(),
    bankId: uuid("bank_id").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    category: text("category").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.bankId, t.code] })],
);

export const valueAmount = pgTable(
  "value_amount",
  {
    organisationId: uuid("organisation_id").notNull(),
    bankId: uuid("bank_id").notNull(),
    code: text("code").notNull(),
    ageBand: text("age_band").$type<AgeBand>().notNull(),
    region: text("region").$type<Region>().notNull(),
    valuePence: pence("value_pence").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.bankId, t.code, t.ageBand, t.region] })],
);

export const valueExclusion = pgTable(
  "value_exclusion",
  {
    organisationId: uuid("organisation_id").notNull(),
    bankId: uuid("bank_id").notNull(),
    codeA: text("code_a").notNull(),
    codeB: text("code_b").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.bankId, t.codeA, t.codeB] })],
);

// Mirror of migrations/0210_gdp_deflator.sql: reference data, shared by every organisation.
export const gdpDeflator = pgTable("gdp_deflator", {
  year: integer("year").primaryKey(),
  deflator: numeric("deflator", { precision: 12, scale: 6, mode: "number" }).notNull(),
  source: text("source").notNull(),
  importedAt: moment("imported_at").notNull(),
});
