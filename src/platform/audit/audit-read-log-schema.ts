import { bigint, jsonb, pgTable, pgView, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { moment } from "../db/columns.ts";

/** Reads of personal data: append-only, not chained (mirror of migrations/0004_audit_read_log.sql). */
export const auditReadLog = pgTable(
  "audit_read_log",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull(),
    at: moment("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    summary: text("summary").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** The chain and the read log in one shape; `seq` is null for reads, which are not chained. */
export const auditEntry = pgView("audit_entry", {
  organisationId: uuid("organisation_id").notNull(),
  id: uuid("id").notNull(),
  at: moment("at").notNull(),
  actorUserId: uuid("actor_user_id"),
  actorLabel: text("actor_label").notNull(),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id"),
  summary: text("summary").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
  seq: bigint("seq", { mode: "number" }),
}).existing();
