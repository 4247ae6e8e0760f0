import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { normalisePostcode, requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import {
  checkRegistrationNumbers,
  organisationTypeKeys,
  poundsAsPence,
  registrationNumbers,
} from "../inputs.ts";
import { actorName, canApproveDirectAward, canProposeDirectAward } from "../policy.ts";
import {
  type DirectAwardCriterion,
  directAwardCriteria,
  type GrantAward,
  grantAward,
  grantTypes,
} from "../schema.ts";
import { userIdOf } from "./grant-controls.ts";
import { agreementFields, checkGrantDates, insertGrant } from "./insert-grant.ts";
import { loadGrant } from "./load-grant.ts";

const criterionKeys = Object.keys(directAwardCriteria) as [DirectAwardCriterion, ...DirectAwardCriterion[]];

export const directAwardInput = z
  .object({
    criterion: z.enum(criterionKeys, { error: "Choose the direct award criterion the grant meets" }),
    justification: z
      .string({ error: "Explain why the grant meets the criterion" })
      .trim()
      .min(1, { error: "Explain why the grant meets the criterion" })
      .min(40, { error: "Explain why the grant meets the criterion in at least 40 characters" })
      .max(5000),
    title: requiredText("a title for the grant", 150),
    description: requiredText("what the grant is for", 3000),
    grantType: z.enum(grantTypes, { error: "Choose innovation or strategic" }),
    recipientName: requiredText("the organisation's name", 200),
    recipientType: z.enum(organisationTypeKeys, { error: "Select the type of organisation" }),
    ...registrationNumbers,
    recipientPostcode: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const normalised = normalisePostcode(value);
        if (!normalised) ctx.addIssue({ code: "custom", message: "Enter a real postcode, like ME1 2AB" });
        return normalised;
      }),
    recipientTown: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => v || null),
    amountAwarded: poundsAsPence("the amount of the grant"),
    outcomeCodes: z
      .array(z.string().trim().min(1).max(20))
      .min(1, { error: "Name at least one outcome the grant funds" })
      .max(30),
    ...agreementFields,
  })
  .superRefine((value, ctx) => {
    checkGrantDates(value, ctx);
    checkRegistrationNumbers(value, ctx);
  });
export type DirectAwardInput = z.input<typeof directAwardInput>;

/**
 * A direct award skips the open call, so the framework demands the criterion it meets
 * and a recorded justification before it exists at all. It waits for a manager's approval.
 */
export async function proposeDirectAward(
  db: Db,
  actor: Actor,
  now: Date,
  input: DirectAwardInput,
): Promise<GrantAward> {
  requireAllowed(canProposeDirectAward(actor), "Only officers and managers can propose direct awards.");
  const parsed = directAwardInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the direct award.", fieldErrorsFrom(parsed.error));
  const value = parsed.data;
  return db.transaction(async (tx) => {
    const grant = await insertGrant(
      tx,
      actor.organisationId,
      now,
      {
        programmeId: null,
        applicationId: null,
        route: "direct-award",
        directAwardCriterion: value.criterion,
        directAwardJustification: value.justification,
        status: "proposed",
        grantType: value.grantType,
        title: value.title,
        description: value.description,
        recipientName: value.recipientName,
        recipientType: value.recipientType,
        charityNumber: value.charityNumber,
        companyNumber: value.companyNumber,
        recipientPostcode: value.recipientPostcode,
        recipientTown: value.recipientTown,
        amountAppliedForPence: null,
        amountAwardedPence: value.amountAwarded,
        awardDate: null,
        startDate: value.startDate,
        endDate: value.endDate,
        grantOwnerUserId: value.grantOwnerUserId,
        accountableOfficerUserId: value.accountableOfficerUserId,
        outcomeCodes: value.outcomeCodes,
        beneficiaryLaCode: null,
        beneficiaryLaName: null,
        investmentProjectId: null,
        approvedBy: null,
        approvedByUserId: null,
        approvedAt: null,
      },
      value,
    );
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "grant",
      entityId: grant.id,
      summary: `Direct award ${grant.reference} to ${grant.recipientName} proposed (${directAwardCriteria[value.criterion]})`,
      after: {
        criterion: value.criterion,
        justification: value.justification,
        amountAwardedPence: value.amountAwarded,
      },
    });
    return grant;
  });
}

export async function approveDirectAward(
  db: Db,
  actor: Actor,
  now: Date,
  grantId: string,
): Promise<GrantAward> {
  requireAllowed(canApproveDirectAward(actor), "Only managers can approve direct awards.");
  const grant = await loadGrant(db, actor.organisationId, grantId);
  if (grant.route !== "direct-award" || grant.status !== "proposed")
    throw conflict(
      "Nothing to approve",
      `Grant ${grant.reference} is not a direct award waiting for approval.`,
    );
  // The database refuses a direct award without these too; this says so in words.
  if (!grant.directAwardCriterion || !grant.directAwardJustification?.trim())
    throw invalid("A direct award needs a criterion and a justification before it can be approved.", {
      criterion: "Record the direct award criterion",
    });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantAward)
      .set({
        status: "active",
        awardDate: londonDay(now),
        approvedBy: actorName(actor),
        approvedByUserId: userIdOf(actor),
        approvedAt: now,
        updatedAt: now,
      })
      .where(matchInOrganisation(grantAward, actor.organisationId, { id: grant.id, status: "proposed" }))
      .returning();
    if (!updated)
      throw conflict("Already approved", `Grant ${grant.reference} was approved by someone else.`);
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant",
      entityId: grant.id,
      summary: `Direct award ${grant.reference} approved`,
      before: { status: "proposed" },
      after: { status: "active", awardDate: updated.awardDate },
    });
    return updated;
  });
}
