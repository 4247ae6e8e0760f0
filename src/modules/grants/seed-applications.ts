import type { z } from "zod";
import type { Actor } from "../../platform/access/actor.ts";
import { requireAllowed } from "../../platform/access/policy.ts";
import type { Db } from "../../platform/db/database.ts";
import { fieldErrorsFrom } from "../../platform/http/forms.ts";
import { conflict, invalid } from "../../platform/http/problem.ts";
import { type DatedAuditEntry, recordAuditBatch } from "../../seed/audit-batch.ts";
import { bulkInsert } from "../../seed/bulk-insert.ts";
import { applicationSections } from "./commands/application-sections.ts";
import {
  assessedAudit,
  assessmentRow,
  checkReadyToSend,
  draftApplicationRow,
  moderation,
  sectionChange,
  sectionSavedAudit,
  startedAudit,
  submissionChange,
  submittedAudit,
} from "./commands/application-steps.ts";
import { isOpen } from "./commands/applications.ts";
import { type AssessmentInput, assessmentInput } from "./commands/assess-application.ts";
import {
  type BudgetLineInput,
  budgetLineAddedAudit,
  budgetLineRow,
  parseLine,
} from "./commands/budget-lines.ts";
import { moderationInput } from "./commands/decide-application.ts";
import { knownApplicantDetails } from "./commands/known-applicant.ts";
import { canApply, canAssess, canDecide } from "./policy.ts";
import {
  type GrantApplication,
  type GrantProgramme,
  grantApplication,
  grantAssessment,
  grantBudgetLine,
} from "./schema.ts";

/** One demo application: what the applicant sends, then what the assessors and the moderator say. */
export type DemoApplication = {
  sections: Record<(typeof applicationSections)[number], Record<string, unknown>>;
  budgetLines: BudgetLineInput[];
  assessments: { assessor: Actor; input: AssessmentInput }[];
  /** Left out: the application waits, submitted, for its assessors (or is ineligible). */
  moderation?: { moderator: Actor; input: z.input<typeof moderationInput> };
};

/**
 * The demo's applications to one programme, from start to moderation, written as the commands
 * would write them one step at a time (startApplication, saveApplicationSection for each section,
 * addBudgetLine, submitApplication, assessApplication, moderateApplication): the same rows, built
 * and checked by the commands' own functions, and the same audit entries in the same order, an
 * application after another. One statement per table instead of about ten transactions an
 * application. Decisions stay with `decideApplication`, which writes the grant and its schedules.
 * Returns the applications' ids in the order given.
 */
export async function seedApplications(
  db: Db,
  applicant: Actor,
  programme: GrantProgramme,
  times: { sentAt: Date; assessedAt: Date },
  demo: DemoApplication[],
): Promise<string[]> {
  requireAllowed(canApply(applicant), "The applicant must be a community group or partner account.");
  const { sentAt, assessedAt } = times;
  if (!isOpen(programme, sentAt))
    throw conflict("This programme is not open", `${programme.code} is closed.`);
  const known = await knownApplicantDetails(db, applicant);
  const applications: (typeof grantApplication.$inferInsert)[] = [];
  const lines: (typeof grantBudgetLine.$inferInsert)[] = [];
  const assessments: (typeof grantAssessment.$inferInsert)[] = [];
  const audits: DatedAuditEntry[] = [];
  const audit = (actor: Actor, at: Date, entry: DatedAuditEntry["entry"]) =>
    audits.push({ actor, at, entry });
  for (const item of demo) {
    const application = draftApplicationRow(applicant, sentAt, programme, known) as GrantApplication;
    audit(applicant, sentAt, startedAudit(application, programme));
    for (const section of applicationSections) {
      // As Drizzle's update does, a field the section leaves undefined keeps its value.
      const change = sectionChange(programme, section, item.sections[section], sentAt);
      for (const [key, value] of Object.entries(change))
        if (value !== undefined) Object.assign(application, { [key]: value });
      audit(applicant, sentAt, sectionSavedAudit(application, section));
    }
    const budget = item.budgetLines.map((input) =>
      budgetLineRow(applicant, sentAt, application.id, parseLine(input)),
    );
    for (const line of budget) {
      lines.push(line);
      audit(applicant, sentAt, budgetLineAddedAudit(application, line));
    }
    checkReadyToSend(programme, application, budget);
    Object.assign(application, submissionChange(programme, application, sentAt));
    audit(applicant, sentAt, submittedAudit(application, application, false));
    const assessed = [];
    for (const { assessor, input } of item.assessments) {
      requireAllowed(canAssess(assessor), "Only officers and managers can assess applications.");
      if (application.status !== "submitted")
        throw conflict("Assessment closed", `Application ${application.reference} is ${application.status}.`);
      const parsed = assessmentInput.safeParse(input);
      if (!parsed.success) throw invalid("Check the assessment.", fieldErrorsFrom(parsed.error));
      const row = assessmentRow(assessor, assessedAt, application, programme, parsed.data);
      const created = { ...row, weightedScoreBp: row.weightedScoreBp ?? null };
      assessed.push(created);
      audit(assessor, assessedAt, assessedAudit(application, created));
    }
    assessments.push(...assessed);
    if (item.moderation) {
      const { moderator, input } = item.moderation;
      requireAllowed(canDecide(moderator), "Only managers can moderate assessments.");
      const parsed = moderationInput.safeParse(input);
      if (!parsed.success) throw invalid("Check the moderation.", fieldErrorsFrom(parsed.error));
      const moderated = moderation(moderator, assessedAt, application, assessed, parsed.data);
      Object.assign(application, moderated.change);
      audit(moderator, assessedAt, moderated.audit);
    }
    applications.push(application);
  }
  await db.transaction(async (tx) => {
    await bulkInsert(tx, grantApplication, applications);
    await bulkInsert(tx, grantBudgetLine, lines);
    await bulkInsert(tx, grantAssessment, assessments);
    await recordAuditBatch(tx, applicant.organisationId, audits);
  });
  return applications.map((application) => application.id);
}
