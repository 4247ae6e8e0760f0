import { doublePrecision, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { moment } from "../../../platform/db/columns.ts";

// Mirror of migrations/0211_open_referral_listing.sql. No personal data: a public directory.

export const directoryListing = pgTable(
  "directory_listing",
  {
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    minimumAge: integer("minimum_age"),
    maximumAge: integer("maximum_age"),
    updatedAt: moment("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.projectId] })],
);

export const directorySchedule = pgTable(
  "directory_schedule",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    projectId: uuid("project_id").notNull(),
    byday: text("byday").notNull(),
    opensAt: text("opens_at").notNull(),
    closesAt: text("closes_at").notNull(),
    description: text("description"),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const postcodeDistrictCentroid = pgTable("postcode_district_centroid", {
  district: text("district").primaryKey(),
  latitude: doublePrecision("latitude").notNull(),
  longitude: doublePrecision("longitude").notNull(),
  laCode: text("la_code"),
  source: text("source").notNull(),
  importedAt: moment("imported_at").notNull(),
});
