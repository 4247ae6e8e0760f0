import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canChangeSettings } from "../policy.ts";
import { prefixPattern } from "../register/settings.ts";
import { grantSettings } from "../schema.ts";

const settingsInput = z.object({
  idPrefix: z
    .string({ error: "Enter your 360Giving prefix" })
    .trim()
    .regex(prefixPattern, { error: "Enter the prefix 360Giving gave you, like 360G-wmh" })
    .max(60),
  department: requiredText("the department that awards grants", 150),
  registerUrl: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^https?:\/\/\S+$/.test(value), {
      error: "Enter a web address starting https://",
    }),
});
export type RegisterSettingsInput = z.input<typeof settingsInput>;

/** The register's identifier prefix (issued by 360Giving), awarding department and data-source address. */
export async function saveRegisterSettings(
  db: Db,
  actor: Actor,
  now: Date,
  input: RegisterSettingsInput,
): Promise<void> {
  requireAllowed(canChangeSettings(actor), "Only managers can change the grants register settings.");
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the register settings.", fieldErrorsFrom(parsed.error));
  const values = { ...parsed.data, updatedAt: now };
  await db.transaction(async (tx) => {
    await tx
      .insert(grantSettings)
      .values({ organisationId: actor.organisationId, ...values })
      .onConflictDoUpdate({ target: grantSettings.organisationId, set: values });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-settings",
      entityId: actor.organisationId,
      summary: `Grants register settings: prefix ${values.idPrefix}`,
      after: parsed.data,
    });
  });
}
