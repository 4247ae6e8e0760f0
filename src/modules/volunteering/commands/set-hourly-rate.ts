import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { parseInput, rateInput } from "../inputs.ts";
import { canSetHourlyRate } from "../policy.ts";
import { type HourlyRate, volHourlyRate } from "../schema.ts";

/**
 * Sets what an hour of volunteering is worth in a year, with its source (for example
 * the median hourly wage for the equivalent paid role). Setting a year again replaces it.
 */
export async function setHourlyRate(db: Db, actor: Actor, now: Date, input: unknown): Promise<HourlyRate> {
  requireAllowed(canSetHourlyRate(actor), "Only managers can set the value of an hour of volunteering.");
  const value = parseInput(rateInput, input);
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(volHourlyRate)
      .values({ organisationId: actor.organisationId, id: newId(now.getTime()), ...value, recordedAt: now })
      .onConflictDoUpdate({
        target: [volHourlyRate.organisationId, volHourlyRate.year],
        set: { ratePence: value.ratePence, source: value.source, recordedAt: now },
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "vol_hourly_rate",
      entityId: saved.id,
      summary: `Value of a volunteer hour in ${value.year} set to ${value.ratePence}p`,
      after: value,
    });
    return saved;
  });
}
