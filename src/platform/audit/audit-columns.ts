import { jsonb, text, uuid } from "drizzle-orm/pg-core";
import { moment } from "../db/columns.ts";

// The audit chain, the read log and the view that unions them describe an entry with the same
// columns; they are declared once here so the three cannot drift apart.

/** Which entry, when, and who acted. */
export const auditActorColumns = () => ({
  id: uuid("id").notNull(),
  at: moment("at").notNull(),
  actorUserId: uuid("actor_user_id"),
  actorLabel: text("actor_label").notNull(),
});

/** The record the entry is about, and the sentence shown in the audit log. */
export const auditSubjectColumns = () => ({
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id"),
  summary: text("summary").notNull(),
});

/** A change's values before and after (reads have neither). */
export const auditChangeColumns = () => ({
  before: jsonb("before"),
  after: jsonb("after"),
});
