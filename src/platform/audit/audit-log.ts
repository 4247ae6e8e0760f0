import { createHash } from "node:crypto";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Actor, actorLabel, actorUserId } from "../access/actor.ts";
import type { Database, Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { auditLog } from "../db/platform-schema.ts";
import { auditReadLog } from "./audit-read-log-schema.ts";
import { asStoredJson, canonicalJson } from "./canonical-json.ts";

export type AuditAction =
  | "sign-in"
  | "sign-in-failed"
  | "sign-out"
  | "create"
  | "update"
  | "delete"
  | "read"
  | "denied";

export type AuditEntry = {
  action: AuditAction | (string & {});
  entityType: string;
  entityId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
};

export const genesisHash = "0".repeat(64);

type ChainFields = {
  organisationId: string;
  seq: number;
  id: string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
};

export function entryHash(prevHash: string, fields: ChainFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}

/**
 * A plain read goes to the read log: one insert, no lock, no chain, so people viewing
 * cases at the same time never wait for each other (docs/decisions/0004). A "read" that
 * carries before/after keeps that detail in the chain, as does everything else.
 */
export function goesToReadLog(entry: AuditEntry): boolean {
  return entry.action === "read" && entry.before === undefined && entry.after === undefined;
}

/**
 * Records one audit entry in the caller's transaction, so a change and its entry commit
 * together. Reads are a plain insert into the read log; everything else is appended to the
 * organisation's chain under a per-organisation lock so concurrent writers cannot fork it.
 */
export async function recordAudit(db: Db, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  const organisationId = actor.organisationId;
  if (goesToReadLog(entry)) {
    await db.insert(auditReadLog).values({
      organisationId,
      id: newId(at.getTime()),
      at,
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary,
    });
    return;
  }
  await db.transaction(async (tx) => {
    const end = await lockChainEnd(tx, organisationId);
    await tx.insert(auditLog).values(chainEntry(actor, at, entry, end.seq + 1, end.hash));
  });
}

/**
 * A read-log entry written by the statement that reads the record, as a data-modifying CTE
 * (`WITH audited AS (${readLogInsert(...)}) SELECT …`): the read and its entry are one round trip
 * instead of two. `subject` is a SELECT of `entity_id` and `summary` over the rows the statement
 * reads, so the entry is written exactly when the record was found in the actor's organisation.
 * Same columns as `recordAudit`'s read-log insert. Its values are placeholders (the statement is
 * prepared once, see preparedSql): pass `readLogValues(actor, at)` with the statement's own.
 */
export function readLogInsert(entityType: string, subject: SQL): SQL {
  const value = (name: keyof ReturnType<typeof readLogValues>) => sql.placeholder(name);
  return sql`INSERT INTO ${auditReadLog} (organisation_id, id, at, actor_user_id, actor_label, entity_type, entity_id, summary)
    SELECT ${value("auditOrganisationId")}::uuid, ${value("auditId")}::uuid, ${value("auditAt")}::timestamptz, ${value("auditActorUserId")}::uuid,
           ${value("auditActorLabel")}::text, ${sql.raw(`'${entityType.replace(/'/g, "''")}'`)}::text, s.entity_id, s.summary
      FROM (${subject}) s`;
}

/** The placeholders' values of a `readLogInsert`: who reads, and when. */
export function readLogValues(actor: Actor, at: Date) {
  return {
    auditOrganisationId: actor.organisationId,
    auditId: newId(at.getTime()),
    auditAt: at.toISOString(),
    auditActorUserId: actorUserId(actor),
    auditActorLabel: actorLabel(actor),
  };
}

/**
 * Takes the organisation's chain lock for the rest of the transaction, so concurrent writers
 * cannot fork the chain, and returns the last entry's position and hash (genesis when empty).
 */
export async function lockChainEnd(tx: Db, organisationId: string): Promise<{ seq: number; hash: string }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${organisationId}::text, 74))`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.organisationId, organisationId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return { seq: last?.seq ?? 0, hash: last?.hash ?? genesisHash };
}

/** The chain row for one entry after the entry with `prevHash`: its fields and their hash. */
export function chainEntry(actor: Actor, at: Date, entry: AuditEntry, seq: number, prevHash: string) {
  const fields: ChainFields = {
    organisationId: actor.organisationId,
    seq,
    id: newId(at.getTime()),
    at,
    actorUserId: actorUserId(actor),
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    summary: entry.summary,
    before: asStoredJson(entry.before),
    after: asStoredJson(entry.after),
  };
  return { ...fields, prevHash, hash: entryHash(prevHash, fields) };
}

export type ChainReport = {
  organisations: number;
  entries: number;
  broken: { organisationId: string; seq: number; reason: string }[];
};

/** Recomputes every chain. Streams in pages so it works on millions of entries. */
export async function verifyAuditChain(database: Database): Promise<ChainReport> {
  const report: ChainReport = { organisations: 0, entries: 0, broken: [] };
  const orgs = await database.query<{ organisation_id: string }>(
    "SELECT DISTINCT organisation_id FROM audit_log ORDER BY organisation_id",
  );
  for (const { organisation_id: organisationId } of orgs) {
    report.organisations++;
    let prevHash = genesisHash;
    let expectedSeq = 1;
    let afterSeq = 0;
    for (;;) {
      const page = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, organisationId), sql`${auditLog.seq} > ${afterSeq}`))
        .orderBy(auditLog.seq)
        .limit(5000);
      if (page.length === 0) break;
      for (const row of page) {
        report.entries++;
        const { prevHash: storedPrev, hash, ...fields } = row;
        if (row.seq !== expectedSeq) {
          report.broken.push({ organisationId, seq: row.seq, reason: `entry ${expectedSeq} is missing` });
        } else if (storedPrev !== prevHash) {
          report.broken.push({ organisationId, seq: row.seq, reason: "does not link to the previous entry" });
        } else if (entryHash(prevHash, fields) !== hash) {
          report.broken.push({ organisationId, seq: row.seq, reason: "its contents do not match its hash" });
        }
        prevHash = hash;
        expectedSeq = row.seq + 1;
        afterSeq = row.seq;
      }
    }
  }
  return report;
}
