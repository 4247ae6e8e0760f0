import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { optionalText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { canAssess } from "../policy.ts";
import { type GrantApplication, type GrantAssessment, grantApplication, grantAssessment } from "../schema.ts";
import { assessedAudit, assessmentRow } from "./application-steps.ts";
import { loadProgramme } from "./applications.ts";

export async function loadApplication(
  db: Db,
  organisationId: string,
  applicationId: string,
): Promise<GrantApplication> {
  if (!isUuid(applicationId)) throw notFound("Application not found");
  const [application] = await db
    .select()
    .from(grantApplication)
    .where(matchInOrganisation(grantApplication, organisationId, { id: applicationId }));
  if (!application) throw notFound("Application not found");
  return application;
}

export const assessmentInput = z.object({
  conflictDeclared: z.enum(["yes", "no"], { error: "Say whether you have a conflict of interest" }),
  conflictDetail: optionalText(1000),
  scores: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  comment: optionalText(3000),
});
export type AssessmentInput = z.input<typeof assessmentInput>;

/**
 * An assessor first declares any conflict of interest. With a conflict they do not
 * score, and the declaration is kept; without one they score every criterion 0 to 5.
 */
export async function assessApplication(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  input: AssessmentInput,
): Promise<GrantAssessment> {
  requireAllowed(canAssess(actor), "Only officers and managers can assess applications.");
  const application = await loadApplication(db, actor.organisationId, applicationId);
  if (application.status !== "submitted")
    throw conflict(
      "Assessment closed",
      `Application ${application.reference} is ${application.status}; only submitted, eligible applications are assessed.`,
    );
  const parsed = assessmentInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the assessment.", fieldErrorsFrom(parsed.error));
  const programme = await loadProgramme(db, actor.organisationId, application.programmeId);
  const row = assessmentRow(actor, now, application, programme, parsed.data);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(grantAssessment).values(row).onConflictDoNothing().returning();
    if (!created)
      throw conflict("Already assessed", `You have already assessed application ${application.reference}.`);
    await recordAudit(tx, actor, now, assessedAudit(application, created));
    return created;
  });
}

export async function listAssessments(
  db: Db,
  organisationId: string,
  applicationId: string,
): Promise<GrantAssessment[]> {
  return db
    .select()
    .from(grantAssessment)
    .where(matchInOrganisation(grantAssessment, organisationId, { applicationId }))
    .orderBy(grantAssessment.submittedAt);
}
