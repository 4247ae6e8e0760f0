import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { parseInput } from "../inputs.ts";
import { canSetHourlyRate } from "../policy.ts";
import { volDocumentTemplate } from "../schema.ts";

const templateInput = z.object({
  kind: z.enum(["certificate", "reference"], { error: "Choose certificate or reference" }),
  heading: requiredText("a heading", 120),
  body: requiredText("the wording", 4000).refine(
    (text) =>
      !/\{\{(?!(name|hours|organisation|roles|from|to|date|milestoneSentence)\}\})[^}]*\}\}/.test(text),
    {
      error:
        "Use only the placeholders listed: {{name}}, {{hours}}, {{organisation}}, {{roles}}, {{from}}, {{to}}, {{date}}, {{milestoneSentence}}",
    },
  ),
  signedBy: requiredText("who signs it", 200),
});

/** Saves the organisation's own wording for certificates or references (managers, like the hourly value). */
export async function setDocumentTemplate(db: Db, actor: Actor, now: Date, input: unknown) {
  requireAllowed(canSetHourlyRate(actor), "Only managers can change certificate and reference wording.");
  const value = parseInput(templateInput, input);
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(volDocumentTemplate)
      .values({ organisationId: actor.organisationId, ...value, updatedAt: now })
      .onConflictDoUpdate({
        target: [volDocumentTemplate.organisationId, volDocumentTemplate.kind],
        set: { heading: value.heading, body: value.body, signedBy: value.signedBy, updatedAt: now },
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "vol_document_template",
      entityId: null,
      summary: `Volunteering ${value.kind} wording changed`,
      after: value,
    });
    return saved;
  });
}
