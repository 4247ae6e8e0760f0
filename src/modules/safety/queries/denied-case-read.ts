import type { Actor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/http/problem.ts";

/**
 * Someone outside the office (a complainant, a partner agency) asked for a case that is not theirs
 * to see: a 404, so it cannot be told apart from no case, and a denied-read audit entry, so the
 * asking leaves a trace. `summary` says who asked.
 */
export async function denyCaseRead(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  summary: string,
): Promise<never> {
  await recordAudit(db, actor, now, {
    action: "denied",
    entityType: "safety_case",
    entityId: caseId.slice(0, 64),
    summary,
  });
  throw notFound("Case not found");
}
