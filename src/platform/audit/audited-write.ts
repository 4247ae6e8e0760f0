import type { PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { type ColumnValues, matchInOrganisation } from "../db/match-in-organisation.ts";
import type { OrganisationOwned } from "../db/scope.ts";
import { type AuditEntry, recordAudit } from "./audit-log.ts";

type ScopedTable = PgTable & OrganisationOwned;

/** What the audit entry says besides the action and the row, which the write itself gives. */
type AuditNote = Omit<AuditEntry, "action" | "entityId">;

const byId = <T extends ScopedTable>(table: T, actor: Actor, id: string) =>
  matchInOrganisation(table, actor.organisationId, { id } as ColumnValues<T>);

/**
 * Adds one row to the actor's organisation under a new id and records its creation in the audit
 * log, in the caller's transaction. Returns the new id.
 */
export async function insertAudited<T extends ScopedTable>(
  tx: Db,
  actor: Actor,
  now: Date,
  table: T,
  values: Omit<T["$inferInsert"], "organisationId" | "id">,
  audit: AuditNote,
): Promise<string> {
  const id = newId(now.getTime());
  // The generic table defeats drizzle's insert typing; the values are the table's own.
  await tx.insert(table).values({ ...values, organisationId: actor.organisationId, id } as T["$inferInsert"]);
  await recordAudit(tx, actor, now, { action: "create", entityId: id, ...audit });
  return id;
}

/**
 * Changes one row of the actor's organisation, found by id, and records the change in the audit
 * log: the last two steps of a command, in the caller's transaction. Returns the row as changed
 * (like drizzle's own `const [row] = ...returning()`, callers have already found the row).
 */
export async function updateAudited<T extends ScopedTable>(
  tx: Db,
  actor: Actor,
  now: Date,
  table: T,
  id: string,
  change: PgUpdateSetSource<T>,
  /** The entry, or how to write it from the changed row (for its `after`). */
  audit: AuditNote | ((updated: T["$inferSelect"]) => AuditNote),
): Promise<T["$inferSelect"]> {
  // The generic table defeats drizzle's row typing; the rows are the table's own.
  const rows = (await tx
    .update(table)
    .set(change)
    .where(byId(table, actor, id))
    .returning()) as T["$inferSelect"][];
  const note = typeof audit === "function" ? audit(rows[0]) : audit;
  await recordAudit(tx, actor, now, { action: "update", entityId: id, ...note });
  return rows[0];
}

/** Removes one row of the actor's organisation, found by id, and records the removal in the audit log. */
export async function deleteAudited<T extends ScopedTable>(
  tx: Db,
  actor: Actor,
  now: Date,
  table: T,
  id: string,
  audit: AuditNote,
): Promise<void> {
  await tx.delete(table).where(byId(table, actor, id));
  await recordAudit(tx, actor, now, { action: "delete", entityId: id, ...audit });
}
