import { and, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { poundsAsPence } from "../inputs.ts";
import { actorName, canDecide } from "../policy.ts";
import { type GrantApplication, type GrantAward, grantApplication, grantAward } from "../schema.ts";
import { moderation } from "./application-steps.ts";
import { loadProgramme } from "./applications.ts";
import { listAssessments, loadApplication } from "./assess-application.ts";
import { assessedBy, loadGrantControls, separationApplies, userIdOf } from "./grant-controls.ts";
import { agreementFields, checkGrantDates, insertGrant } from "./insert-grant.ts";

export const moderationInput = z.object({
  moderatedScore: z
    .union([z.string(), z.number()])
    .optional()
    .transform((value, ctx) => {
      const text = String(value ?? "")
        .trim()
        .replace(/%$/, "");
      if (text === "") return null;
      if (!/^\d{1,3}(\.\d)?$/.test(text) || Number(text) > 100) {
        ctx.addIssue({
          code: "custom",
          message:
            "Enter a moderated score from 0 to 100, like 72.5, or leave it blank to use the assessors' mean",
        });
        return z.NEVER;
      }
      return Math.round(Number(text) * 100);
    }),
  note: requiredText("a moderation note", 3000),
});

/** Moderation settles the score from the assessors' (conflict-free) scores before a decision. */
export async function moderateApplication(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  input: z.input<typeof moderationInput>,
): Promise<GrantApplication> {
  requireAllowed(canDecide(actor), "Only managers can moderate assessments.");
  const application = await loadApplication(db, actor.organisationId, applicationId);
  if (application.status !== "submitted")
    throw conflict("Cannot moderate", `Application ${application.reference} is ${application.status}.`);
  const parsed = moderationInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the moderation.", fieldErrorsFrom(parsed.error));
  const { change, audit } = moderation(
    actor,
    now,
    application,
    await listAssessments(db, actor.organisationId, application.id),
    parsed.data,
  );
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantApplication)
      .set(change)
      .where(
        matchInOrganisation(grantApplication, actor.organisationId, {
          id: application.id,
          status: "submitted",
        }),
      )
      .returning();
    if (!updated) throw conflict("Cannot moderate", "The application changed while you were moderating it.");
    await recordAudit(tx, actor, now, audit);
    return updated;
  });
}

export const decisionInput = z.discriminatedUnion(
  "decision",
  [
    z
      .object({
        decision: z.literal("award"),
        reason: requiredText("the reasons for the decision", 3000),
        amountAwarded: poundsAsPence("the amount awarded"),
        ...agreementFields,
      })
      .superRefine(checkGrantDates),
    z.object({ decision: z.literal("decline"), reason: requiredText("the reasons for the decision", 3000) }),
    z.object({ decision: z.literal("waitlist"), reason: requiredText("the reasons for the decision", 3000) }),
  ],
  { error: "Choose award, decline or waitlist" },
);
export type DecisionInput = z.input<typeof decisionInput>;

/** Award, decline or waitlist, with reasons. An award writes the grant, its agreement and schedules. */
export async function decideApplication(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  input: DecisionInput,
): Promise<{ application: GrantApplication; grant: GrantAward | null }> {
  requireAllowed(canDecide(actor), "Only managers can decide applications.");
  const application = await loadApplication(db, actor.organisationId, applicationId);
  if (application.status !== "moderated" && application.status !== "waitlisted")
    throw conflict(
      "Not ready for a decision",
      `Application ${application.reference} is ${application.status}: it must be moderated first.`,
    );
  const parsed = decisionInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the decision.", fieldErrorsFrom(parsed.error));
  const value = parsed.data;
  if (
    value.decision === "award" &&
    separationApplies(await loadGrantControls(db, actor.organisationId), value.amountAwarded) &&
    (await assessedBy(db, actor.organisationId, application.id, actor))
  )
    throw conflict(
      "Separation of duties",
      "You assessed this application, so someone else must approve its award.",
    );
  const programme = await loadProgramme(db, actor.organisationId, application.programmeId);
  const requested = application.amountRequestedPence ?? 0;
  if (value.decision === "award" && value.amountAwarded > requested) {
    throw invalid("Check the decision.", {
      amountAwarded: `The award cannot be more than the £${(requested / 100).toLocaleString("en-GB")} asked for`,
    });
  }
  return db.transaction(async (tx) => {
    let grant: GrantAward | null = null;
    if (value.decision === "award") {
      // Lock the programme's awards so two decisions at once cannot overspend the budget.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${programme.id}::text, 300))`);
      const [committed] = await tx
        .select({ total: sql<string>`coalesce(sum(${grantAward.amountAwardedPence}), 0)` })
        .from(grantAward)
        .where(
          matchInOrganisation(
            grantAward,
            actor.organisationId,
            { programmeId: programme.id },
            inArray(grantAward.status, ["proposed", "active", "ended"]),
          ),
        );
      const remaining = programme.budgetPence - Number(committed?.total ?? 0);
      if (value.amountAwarded > remaining) {
        throw invalid("Check the decision.", {
          amountAwarded: `Only £${(remaining / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })} of the programme budget is left`,
        });
      }
      grant = await insertGrant(
        tx,
        actor.organisationId,
        now,
        {
          programmeId: programme.id,
          applicationId: application.id,
          route: "open-call",
          directAwardCriterion: null,
          directAwardJustification: null,
          status: "active",
          grantType: programme.grantType,
          title: application.projectTitle ?? programme.title,
          description: application.projectSummary ?? "",
          recipientName: application.organisationName ?? "",
          recipientType: application.organisationType ?? "community-group",
          charityNumber: application.charityNumber,
          companyNumber: application.companyNumber,
          recipientPostcode: application.postcode,
          recipientTown: application.town,
          amountAppliedForPence: application.amountRequestedPence,
          amountAwardedPence: value.amountAwarded,
          awardDate: londonDay(now),
          startDate: value.startDate,
          endDate: value.endDate,
          grantOwnerUserId: value.grantOwnerUserId,
          accountableOfficerUserId: value.accountableOfficerUserId,
          outcomeCodes: application.outcomeCodes,
          beneficiaryLaCode: null,
          beneficiaryLaName: null,
          investmentProjectId: null,
          approvedBy: actorName(actor),
          approvedByUserId: userIdOf(actor),
          approvedAt: now,
        },
        value,
      );
    }
    const status =
      value.decision === "award" ? "awarded" : value.decision === "decline" ? "declined" : "waitlisted";
    const [updated] = await tx
      .update(grantApplication)
      .set({
        status,
        decisionReason: value.reason,
        decidedAt: now,
        decidedBy: actorName(actor),
        decidedByUserId: userIdOf(actor),
        updatedAt: now,
      })
      .where(
        and(
          matchInOrganisation(grantApplication, actor.organisationId, { id: application.id }),
          inArray(grantApplication.status, ["moderated", "waitlisted"]),
        ),
      )
      .returning();
    if (!updated)
      throw conflict(
        "Already decided",
        "Someone else decided this application while you were working on it.",
      );
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-application",
      entityId: application.id,
      summary: `Application ${application.reference} ${status}${grant ? ` as grant ${grant.reference}` : ""}`,
      after: {
        status,
        reason: value.reason,
        grantId: grant?.id ?? null,
        amountAwardedPence: grant?.amountAwardedPence ?? null,
      },
    });
    return { application: updated, grant };
  });
}
