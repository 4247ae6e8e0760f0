import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { optionalText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { actorName, canAssess } from "../policy.ts";
import { maxScore, weightedScoreBp } from "../rules.ts";
import { type GrantApplication, type GrantAssessment, grantApplication, grantAssessment } from "../schema.ts";
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
  const conflictDeclared = parsed.data.conflictDeclared === "yes";
  const errors: Record<string, string> = {};
  const scores: Record<string, number> = {};
  if (conflictDeclared) {
    if (!parsed.data.conflictDetail) errors.conflictDetail = "Describe the conflict of interest";
  } else {
    for (const criterion of programme.scoringCriteria) {
      const raw = String(parsed.data.scores[criterion.id] ?? "").trim();
      if (!/^\d+$/.test(raw) || Number(raw) > maxScore)
        errors[`scores.${criterion.id}`] = `Score ${criterion.name} from 0 to ${maxScore}`;
      else scores[criterion.id] = Number(raw);
    }
  }
  if (Object.keys(errors).length > 0) throw invalid("Check the assessment.", errors);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(grantAssessment)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        applicationId: application.id,
        assessorUserId: actor.kind === "user" ? actor.userId : null,
        assessorName: actorName(actor),
        conflictDeclared,
        conflictDetail: conflictDeclared ? parsed.data.conflictDetail : null,
        scores,
        weightedScoreBp: conflictDeclared ? null : weightedScoreBp(programme.scoringCriteria, scores),
        comment: parsed.data.comment,
        submittedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!created)
      throw conflict("Already assessed", `You have already assessed application ${application.reference}.`);
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "grant-assessment",
      entityId: created.id,
      summary: conflictDeclared
        ? `Conflict of interest declared on application ${application.reference}`
        : `Application ${application.reference} assessed`,
      after: { conflictDeclared, weightedScoreBp: created.weightedScoreBp },
    });
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
