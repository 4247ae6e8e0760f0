import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tagPersonalData } from "../../../platform/audit/personal-data.ts";
import { moment } from "../../../platform/db/columns.ts";

// Mirror of migrations/0120_safety_portal.sql.

/** A secure message on one complainant's thread of a case: only that complainant and staff see it. */
export const safetyMessage = pgTable(
  "safety_message",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    partyId: uuid("party_id").notNull(),
    direction: text("direction").$type<"from-complainant" | "from-officer">().notNull(),
    body: text("body").notNull(),
    authorUserId: uuid("author_user_id"),
    createdAt: moment("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

tagPersonalData("safety_message", { body: "criminal-offence" });

export type SafetyMessage = typeof safetyMessage.$inferSelect;
