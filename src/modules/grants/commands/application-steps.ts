import { randomBytes } from "node:crypto";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AuditEntry } from "../../../platform/audit/audit-log.ts";
import { newId } from "../../../platform/db/ids.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { actorName } from "../policy.ts";
import { maxScore, meanScoreBp, weightedScoreBp } from "../rules.ts";
import type {
  GrantApplication,
  GrantAssessment,
  GrantBudgetLine,
  GrantProgramme,
  grantApplication,
  grantAssessment,
} from "../schema.ts";
import {
  type ApplicationSection,
  completedSections,
  eligibilityFailures,
  sectionSchema,
  sectionTitles,
} from "./application-sections.ts";
import { budgetMismatch } from "./budget-lines.ts";
import { userIdOf } from "./grant-controls.ts";
import type { KnownDetails } from "./known-applicant.ts";

// The rows and audit entries of each step of an application, from start to moderation, as pure
// functions: the commands write them one step at a time and the demo seed
// (seed-applications.ts) writes many applications' steps at once, so the two cannot drift.

// No 0/O or 1/I: references are read out over the phone.
const referenceAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export function newApplicationReference(): string {
  const bytes = randomBytes(8);
  return `GRA-${Array.from(bytes, (b) => referenceAlphabet[b % referenceAlphabet.length]).join("")}`;
}

type ApplicationInsert = typeof grantApplication.$inferInsert;
type ApplicationChange = Partial<ApplicationInsert>;
export type ApplicationRef = Pick<GrantApplication, "id" | "reference">;

/** A new draft: what `startApplication` inserts. */
export function draftApplicationRow(
  actor: Actor,
  now: Date,
  programme: GrantProgramme,
  known: KnownDetails,
): ApplicationInsert {
  return {
    ...known,
    organisationId: actor.organisationId,
    id: newId(now.getTime()),
    programmeId: programme.id,
    reference: newApplicationReference(),
    status: "draft",
    applicantUserId: actor.kind === "user" ? actor.userId : null,
    partnerOrganisationId: actor.kind === "user" ? actor.partnerOrganisationId : null,
    answers: {},
    outcomeCodes: [],
    eligibilityReasons: [],
    createdAt: now,
    updatedAt: now,
  };
}

export function startedAudit(application: ApplicationRef, programme: GrantProgramme): AuditEntry {
  return {
    action: "create",
    entityType: "grant-application",
    entityId: application.id,
    summary: `Grant application ${application.reference} started for ${programme.code}`,
  };
}

/** A section's answers as the application's columns, or a 400 naming what to correct. */
export function sectionChange(
  programme: GrantProgramme,
  section: ApplicationSection,
  values: Record<string, unknown>,
  now: Date,
): ApplicationChange {
  const parsed = sectionSchema(programme, section).safeParse(values);
  if (!parsed.success)
    throw invalid(`Check ${sectionTitles[section].toLowerCase()}.`, fieldErrorsFrom(parsed.error));
  return { ...parsed.data, updatedAt: now };
}

export function sectionSavedAudit(application: ApplicationRef, section: ApplicationSection): AuditEntry {
  return {
    action: "update",
    entityType: "grant-application",
    entityId: application.id,
    summary: `Grant application ${application.reference}: ${sectionTitles[section]} saved`,
  };
}

/**
 * Why a draft cannot be sent yet: sections left to complete, or budget lines that do not add up
 * to the amount asked for (none is fine). Throws the 400 the applicant sees.
 */
export function checkReadyToSend(
  programme: GrantProgramme,
  application: GrantApplication,
  lines: Pick<GrantBudgetLine, "amountPence">[],
): void {
  const complete = completedSections(programme, application);
  const missing = (Object.keys(complete) as ApplicationSection[]).filter((section) => !complete[section]);
  if (missing.length > 0)
    throw invalid(
      "Complete every section before you send the application.",
      Object.fromEntries(
        missing.map((section) => [section, `Complete the section: ${sectionTitles[section]}`]),
      ),
    );
  const mismatch = budgetMismatch(application, lines);
  if (mismatch) throw invalid("Your budget does not add up.", { budget: mismatch });
}

/** Sending: eligible answers make it "submitted", any failed question "ineligible" with the reasons. */
export function submissionChange(
  programme: GrantProgramme,
  application: Pick<GrantApplication, "answers">,
  now: Date,
) {
  const failures = eligibilityFailures(programme, application.answers);
  return {
    status: failures.length === 0 ? ("submitted" as const) : ("ineligible" as const),
    eligible: failures.length === 0,
    eligibilityReasons: failures,
    submittedAt: now,
    updatedAt: now,
  };
}

export function submittedAudit(
  application: ApplicationRef,
  sent: Pick<GrantApplication, "status" | "eligibilityReasons">,
  resubmitted: boolean,
): AuditEntry {
  const failures = sent.eligibilityReasons;
  return {
    action: "update",
    entityType: "grant-application",
    entityId: application.id,
    summary: `Grant application ${application.reference} ${resubmitted ? "sent again after changes" : "submitted"} (${failures.length === 0 ? "eligible" : "not eligible"})`,
    after: { status: sent.status, eligibilityReasons: failures },
  };
}

export type CheckedAssessment = {
  conflictDeclared: "yes" | "no";
  conflictDetail: string | null;
  scores: Record<string, string | number>;
  comment: string | null;
};

/** An assessor's row: a declared conflict with its detail, or a score of 0 to 5 on every criterion. */
export function assessmentRow(
  actor: Actor,
  now: Date,
  application: Pick<GrantApplication, "id">,
  programme: GrantProgramme,
  input: CheckedAssessment,
): typeof grantAssessment.$inferInsert {
  const conflictDeclared = input.conflictDeclared === "yes";
  const errors: Record<string, string> = {};
  const scores: Record<string, number> = {};
  if (conflictDeclared) {
    if (!input.conflictDetail) errors.conflictDetail = "Describe the conflict of interest";
  } else {
    for (const criterion of programme.scoringCriteria) {
      const raw = String(input.scores[criterion.id] ?? "").trim();
      if (!/^\d+$/.test(raw) || Number(raw) > maxScore)
        errors[`scores.${criterion.id}`] = `Score ${criterion.name} from 0 to ${maxScore}`;
      else scores[criterion.id] = Number(raw);
    }
  }
  if (Object.keys(errors).length > 0) throw invalid("Check the assessment.", errors);
  return {
    organisationId: actor.organisationId,
    id: newId(now.getTime()),
    applicationId: application.id,
    assessorUserId: actor.kind === "user" ? actor.userId : null,
    assessorName: actorName(actor),
    conflictDeclared,
    conflictDetail: conflictDeclared ? input.conflictDetail : null,
    scores,
    weightedScoreBp: conflictDeclared ? null : weightedScoreBp(programme.scoringCriteria, scores),
    comment: input.comment,
    submittedAt: now,
  };
}

export function assessedAudit(
  application: ApplicationRef,
  created: Pick<GrantAssessment, "id" | "conflictDeclared" | "weightedScoreBp">,
): AuditEntry {
  return {
    action: "create",
    entityType: "grant-assessment",
    entityId: created.id,
    summary: created.conflictDeclared
      ? `Conflict of interest declared on application ${application.reference}`
      : `Application ${application.reference} assessed`,
    after: { conflictDeclared: created.conflictDeclared, weightedScoreBp: created.weightedScoreBp },
  };
}

/** Moderation's change and audit entry: the moderated score, or the assessors' conflict-free mean. */
export function moderation(
  actor: Actor,
  now: Date,
  application: ApplicationRef,
  assessments: Pick<GrantAssessment, "conflictDeclared" | "weightedScoreBp">[],
  input: { moderatedScore: number | null; note: string },
): { change: ApplicationChange; audit: AuditEntry } {
  const mean = meanScoreBp(assessments);
  if (mean === null)
    throw conflict(
      "No scores to moderate",
      "At least one assessor without a conflict of interest must score the application first.",
    );
  const score = input.moderatedScore ?? mean;
  return {
    change: {
      status: "moderated",
      moderatedScoreBp: score,
      moderationNote: input.note,
      moderatedBy: actorName(actor),
      moderatedByUserId: userIdOf(actor),
      updatedAt: now,
    },
    audit: {
      action: "update",
      entityType: "grant-application",
      entityId: application.id,
      summary: `Application ${application.reference} moderated at ${(score / 100).toFixed(1)}% (assessors' mean ${(mean / 100).toFixed(1)}%)`,
      after: { moderatedScoreBp: score, meanScoreBp: mean },
    },
  };
}
