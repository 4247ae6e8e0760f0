import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { organisation } from "../../../platform/db/platform-schema.ts";
import { requiredText, wholeNumber } from "../../../platform/http/fields.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canSetPriorityRule } from "../policy.ts";
import { lsoa, priorityOverride } from "../schema.ts";

const ruleInput = z.object({
  edition: z.enum(["iod2019", "iod2025"], { error: "Choose the deprivation edition" }),
  maxDecile: wholeNumber("the highest decile", 0, 10),
});

/** Which IMD edition and decile limit pick the organisation's priority neighbourhoods. */
export async function setPriorityRule(db: Db, actor: Actor, now: Date, input: unknown): Promise<void> {
  requireAllowed(canSetPriorityRule(actor), "Only managers can change the priority rule.");
  const checked = validate(ruleInput, input);
  if (!checked.ok) throw invalid("Check the priority rule.", checked.errors);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ edition: organisation.imdEdition, maxDecile: organisation.priorityMaxDecile })
      .from(organisation)
      .where(eq(organisation.id, actor.organisationId));
    await tx
      .update(organisation)
      .set({ imdEdition: checked.value.edition, priorityMaxDecile: checked.value.maxDecile })
      .where(eq(organisation.id, actor.organisationId));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "priority-rule",
      entityId: actor.organisationId,
      summary: `Priority rule set to ${checked.value.edition} decile ${checked.value.maxDecile} or below`,
      before,
      after: checked.value,
    });
  });
}

const overrideInput = z.object({
  edition: z.enum(["iod2019", "iod2025"], { error: "Choose the deprivation edition" }),
  lsoaCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^E01[0-9]{6}$/, { error: "Enter an LSOA code like E01024532" }),
  included: z.boolean(),
  reason: requiredText("a reason", 500),
});

/** A manual addition or removal, always with a reason that is shown beside the neighbourhood. */
export async function overridePriority(db: Db, actor: Actor, now: Date, input: unknown): Promise<void> {
  requireAllowed(canSetPriorityRule(actor), "Only managers can change priority neighbourhoods.");
  const checked = validate(overrideInput, input);
  if (!checked.ok) throw invalid("Check the neighbourhood change.", checked.errors);
  const value = checked.value;
  const [exists] = await db
    .select({ code: lsoa.code })
    .from(lsoa)
    .where(and(eq(lsoa.edition, value.edition), eq(lsoa.code, value.lsoaCode)));
  if (!exists)
    throw invalid("Check the neighbourhood change.", {
      lsoaCode: `There is no ${value.edition === "iod2025" ? "2021" : "2011"} LSOA with the code ${value.lsoaCode}`,
    });
  await db.transaction(async (tx) => {
    const row = {
      organisationId: actor.organisationId,
      ...value,
      decidedBy: actor.kind === "user" ? actor.userId : actor.organisationId,
      decidedAt: now,
    };
    await tx
      .insert(priorityOverride)
      .values(row)
      .onConflictDoUpdate({
        target: [priorityOverride.organisationId, priorityOverride.edition, priorityOverride.lsoaCode],
        set: row,
      });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "priority-neighbourhood",
      entityId: value.lsoaCode,
      summary: `${value.included ? "Added" : "Removed"} priority neighbourhood ${value.lsoaCode}: ${value.reason}`,
      after: value,
    });
  });
}
