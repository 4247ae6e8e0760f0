import type { Actor } from "../platform/access/actor.ts";
import { type AuditEntry, chainEntry, goesToReadLog, lockChainEnd } from "../platform/audit/audit-log.ts";
import type { Db } from "../platform/db/database.ts";
import { auditLog } from "../platform/db/platform-schema.ts";

export type DatedAuditEntry = { actor: Actor; at: Date; entry: AuditEntry };

/**
 * Appends many chain entries for one organisation in one statement: the same rows, in the
 * same order, that `recordAudit` would write one call at a time (same lock, same hashes), so
 * `verifyAuditChain` accepts a seeded database. The demo seed uses it where a command would
 * have audited each of hundreds of rows; plain reads have no place in a seed.
 */
export async function recordAuditBatch(
  db: Db,
  organisationId: string,
  entries: DatedAuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  if (entries.some(({ actor, entry }) => actor.organisationId !== organisationId || goesToReadLog(entry)))
    throw new Error("A batch of audit entries must be changes in one organisation");
  await db.transaction(async (tx) => {
    const end = await lockChainEnd(tx, organisationId);
    let seq = end.seq;
    let prevHash = end.hash;
    const rows = entries.map(({ actor, at, entry }) => {
      const row = chainEntry(actor, at, entry, ++seq, prevHash);
      prevHash = row.hash;
      return row;
    });
    // 14 parameters a row: 1,000 rows stay well under the protocol's 65,535.
    for (let start = 0; start < rows.length; start += 1000)
      await tx.insert(auditLog).values(rows.slice(start, start + 1000));
  });
}
