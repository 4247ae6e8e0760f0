import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { moment } from "../../../platform/db/columns.ts";

// Mirror of migrations/0110_safety_same_matter.sql.

/** `caseId` is about the same matter as `sameAsCaseId`, and counts in NM01 only as part of it. */
export const safetySameMatterLink = pgTable(
  "safety_same_matter_link",
  {
    organisationId: uuid("organisation_id").notNull(),
    caseId: uuid("case_id").notNull(),
    sameAsCaseId: uuid("same_as_case_id").notNull(),
    reason: text("reason").notNull(),
    linkedByUserId: uuid("linked_by_user_id"),
    linkedBy: text("linked_by").notNull(),
    linkedAt: moment("linked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.caseId] })],
);

export type SafetySameMatterLink = typeof safetySameMatterLink.$inferSelect;
