import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { atRiskWeeksInput, parseInput } from "../inputs.ts";
import { atRiskWeeks } from "../jobs/at-risk.ts";
import { canSetHourlyRate } from "../policy.ts";
import { volSetting } from "../schema.ts";

/** Managers choose after how many weeks without hours the daily job flags a volunteer. */
export async function setAtRiskWeeks(db: Db, actor: Actor, now: Date, input: unknown): Promise<number> {
  requireAllowed(canSetHourlyRate(actor), "Only managers can change when volunteers are flagged at risk.");
  const { weeks } = parseInput(atRiskWeeksInput, input);
  return db.transaction(async (tx) => {
    const before = await atRiskWeeks(tx, actor.organisationId);
    const row = { organisationId: actor.organisationId, atRiskWeeks: weeks, updatedAt: now };
    await tx
      .insert(volSetting)
      .values(row)
      .onConflictDoUpdate({ target: volSetting.organisationId, set: row });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "vol_setting",
      summary: `Volunteers flagged at risk after ${weeks} weeks without hours`,
      before: { atRiskWeeks: before },
      after: { atRiskWeeks: weeks },
    });
    return weeks;
  });
}
