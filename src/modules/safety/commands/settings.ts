import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { getSafetySettings, type SafetySettings, safetySettingsSchema } from "../domain/settings.ts";
import { canManageSafety } from "../policy.ts";
import { safetySetting } from "../schema.ts";

/**
 * Changes the repeat, Community Trigger and retention thresholds and the action target days (managers).
 * Unchanged keys keep their values.
 */
export async function updateSafetySettings(
  db: Db,
  actor: Actor,
  now: Date,
  input: Partial<SafetySettings>,
): Promise<SafetySettings> {
  requireAllowed(canManageSafety(actor), "Only managers can change community safety settings.");
  const current = await getSafetySettings(db, actor.organisationId);
  const parsed = safetySettingsSchema.safeParse({
    ...current,
    ...input,
    actionTargetDays: { ...current.actionTargetDays, ...input.actionTargetDays },
  });
  if (!parsed.success) throw invalid("The settings are not valid.", fieldErrorsFrom(parsed.error));
  await db.transaction(async (tx) => {
    await tx
      .insert(safetySetting)
      .values({ organisationId: actor.organisationId, key: "thresholds", value: parsed.data, updatedAt: now })
      .onConflictDoUpdate({
        target: [safetySetting.organisationId, safetySetting.key],
        set: { value: parsed.data, updatedAt: now },
      });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_setting",
      entityId: "thresholds",
      summary: "Changed community safety thresholds",
      before: current,
      after: parsed.data,
    });
  });
  return parsed.data;
}
