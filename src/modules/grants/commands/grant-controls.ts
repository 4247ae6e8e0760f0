import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { poundsAsPence } from "../inputs.ts";
import { canChangeSettings } from "../policy.ts";
import { grantAssessment, grantControls } from "../schema.ts";

// Separation of duties: above a threshold, the people who assess, approve the award,
// authorise a payment and record it as paid are different people (compared by user id).

export type GrantControls = { separationOfDuties: boolean; separationThresholdPence: number };

/** Until a manager changes them: on, above £5,000. */
export const defaultGrantControls: GrantControls = {
  separationOfDuties: true,
  separationThresholdPence: 500_000,
};

export async function loadGrantControls(db: Db, organisationId: string): Promise<GrantControls> {
  const [row] = await db.select().from(grantControls).where(eq(grantControls.organisationId, organisationId));
  return row
    ? { separationOfDuties: row.separationOfDuties, separationThresholdPence: row.separationThresholdPence }
    : defaultGrantControls;
}

/** Whether the rule binds a grant of this amount under these controls. */
export function separationApplies(controls: GrantControls, amountPence: number): boolean {
  return controls.separationOfDuties && amountPence > controls.separationThresholdPence;
}

export function userIdOf(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

/** Refuses, naming the rule, when the actor already did an earlier step on the same grant. */
export function requireDifferentPerson(actor: Actor, earlierUserId: string | null, rule: string): void {
  const userId = userIdOf(actor);
  if (userId !== null && earlierUserId !== null && userId === earlierUserId)
    throw conflict("Separation of duties", rule);
}

/** Whether the actor assessed the application (a conflict declaration counts: they saw it as an assessor). */
export async function assessedBy(
  db: Db,
  organisationId: string,
  applicationId: string | null,
  actor: Actor,
): Promise<boolean> {
  const userId = userIdOf(actor);
  if (applicationId === null || userId === null) return false;
  const [row] = await db
    .select({ id: grantAssessment.id })
    .from(grantAssessment)
    .where(
      and(
        matchInOrganisation(grantAssessment, organisationId, { applicationId }),
        eq(grantAssessment.assessorUserId, userId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const controlsInput = z.object({
  separationOfDuties: z.enum(["on", "off"], { error: "Say whether separation of duties is on" }),
  separationThreshold: poundsAsPence("the threshold", { min: 0 }),
});
/** As typed into the form: the schema says what is wrong with anything else. */
export type GrantControlsInput = { separationOfDuties: string; separationThreshold: string | number };

export async function saveGrantControls(
  db: Db,
  actor: Actor,
  now: Date,
  input: GrantControlsInput,
): Promise<GrantControls> {
  requireAllowed(canChangeSettings(actor), "Only managers can change the grant controls.");
  const parsed = controlsInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the grant controls.", fieldErrorsFrom(parsed.error));
  const before = await loadGrantControls(db, actor.organisationId);
  const values = {
    separationOfDuties: parsed.data.separationOfDuties === "on",
    separationThresholdPence: parsed.data.separationThreshold,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(grantControls)
      .values({ organisationId: actor.organisationId, ...values, updatedAt: now })
      .onConflictDoUpdate({ target: grantControls.organisationId, set: { ...values, updatedAt: now } });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-settings",
      entityId: actor.organisationId,
      summary: `Grant controls: separation of duties ${values.separationOfDuties ? `on above £${(values.separationThresholdPence / 100).toLocaleString("en-GB")}` : "off"}`,
      before,
      after: values,
    });
  });
  return values;
}
