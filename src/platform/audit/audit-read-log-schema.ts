import { bigint, pgTable, pgView, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { auditActorColumns, auditChangeColumns, auditSubjectColumns } from "./audit-columns.ts";

/** Reads of personal data: append-only, not chained (mirror of migrations/0004_audit_read_log.sql). */
export const auditReadLog = pgTable(
  "audit_read_log",
  {
    organisationId: uuid("organisation_id").notNull(),
    ...auditActorColumns(),
    ...auditSubjectColumns(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** The chain and the read log in one shape; `seq` is null for reads, which are not chained. */
export const auditEntry = pgView("audit_entry", {
  organisationId: uuid("organisation_id").notNull(),
  ...auditActorColumns(),
  action: text("action").notNull(),
  ...auditSubjectColumns(),
  ...auditChangeColumns(),
  seq: bigint("seq", { mode: "number" }),
}).existing();
