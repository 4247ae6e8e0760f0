import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, notFound } from "../../../platform/http/problem.ts";
import { canApply, canEditOwnApplication, canSeeOwnApplication } from "../policy.ts";
import { type GrantApplication, type GrantProgramme, grantApplication, grantProgramme } from "../schema.ts";
import type { ApplicationSection } from "./application-sections.ts";
import {
  checkReadyToSend,
  draftApplicationRow,
  sectionChange,
  sectionSavedAudit,
  startedAudit,
  submissionChange,
  submittedAudit,
} from "./application-steps.ts";
import { listBudgetLines } from "./budget-lines.ts";
import { knownApplicantDetails } from "./known-applicant.ts";
import { closeOpenReturn, listApplicationReturns } from "./return-application.ts";

// The applicant's side: start a draft, save each section (save and return), submit.

export async function loadProgramme(
  db: Db,
  organisationId: string,
  programmeId: string,
): Promise<GrantProgramme> {
  if (!isUuid(programmeId)) throw notFound("Grant programme not found");
  const [programme] = await db
    .select()
    .from(grantProgramme)
    .where(matchInOrganisation(grantProgramme, organisationId, { id: programmeId }));
  if (!programme) throw notFound("Grant programme not found");
  return programme;
}

export function isOpen(programme: GrantProgramme, now: Date): boolean {
  const today = londonDay(now);
  return programme.opensOn <= today && today <= programme.closesOn;
}

/** The applicant's own application; anyone else's is "not found", so its existence does not leak. */
export async function loadOwnApplication(
  db: Db,
  actor: Actor,
  applicationId: string,
): Promise<{ application: GrantApplication; programme: GrantProgramme }> {
  if (!isUuid(applicationId)) throw notFound("Application not found");
  const [application] = await db
    .select()
    .from(grantApplication)
    .where(matchInOrganisation(grantApplication, actor.organisationId, { id: applicationId }));
  if (!application || !canSeeOwnApplication(actor, application)) throw notFound("Application not found");
  return { application, programme: await loadProgramme(db, actor.organisationId, application.programmeId) };
}

export async function startApplication(
  db: Db,
  actor: Actor,
  now: Date,
  programmeId: string,
): Promise<GrantApplication> {
  requireAllowed(
    canApply(actor),
    "Sign in with your organisation's community group or partner account to apply.",
  );
  const programme = await loadProgramme(db, actor.organisationId, programmeId);
  if (!isOpen(programme, now))
    throw conflict(
      "This programme is not open",
      `${programme.title} takes applications from ${programme.opensOn} to ${programme.closesOn}.`,
    );
  const known = await knownApplicantDetails(db, actor);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(grantApplication)
      .values(draftApplicationRow(actor, now, programme, known))
      .returning();
    await recordAudit(tx, actor, now, startedAudit(created, programme));
    return created;
  });
}

export async function saveApplicationSection(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  section: ApplicationSection,
  values: Record<string, unknown>,
): Promise<GrantApplication> {
  requireAllowed(canApply(actor), "Sign in with your organisation's account to change an application.");
  const { application, programme } = await loadOwnApplication(db, actor, applicationId);
  if (!canEditOwnApplication(actor, application))
    throw conflict("Application already sent", "You cannot change an application after you have sent it.");
  const change = sectionChange(programme, section, values, now);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantApplication)
      .set(change)
      .where(
        matchInOrganisation(grantApplication, actor.organisationId, { id: application.id, status: "draft" }),
      )
      .returning();
    if (!updated)
      throw conflict("Application already sent", "You cannot change an application after you have sent it.");
    await recordAudit(tx, actor, now, sectionSavedAudit(application, section));
    return updated;
  });
}

export async function submitApplication(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
): Promise<GrantApplication> {
  requireAllowed(canApply(actor), "Sign in with your organisation's account to send an application.");
  const { application, programme } = await loadOwnApplication(db, actor, applicationId);
  if (application.status !== "draft")
    throw conflict(
      "Application already sent",
      `Application ${application.reference} was sent on ${application.submittedAt?.toISOString().slice(0, 10)}.`,
    );
  checkReadyToSend(programme, application, await listBudgetLines(db, actor.organisationId, application.id));
  // A returned application may come back after the closing date: the officer asked for the changes.
  const returns = await listApplicationReturns(db, actor.organisationId, application.id);
  const wasReturned = returns.some((r) => r.resubmittedAt === null);
  if (!isOpen(programme, now) && !wasReturned)
    throw conflict(
      "This programme has closed",
      `${programme.title} closed for applications on ${programme.closesOn}.`,
    );
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantApplication)
      .set(submissionChange(programme, application, now))
      .where(
        matchInOrganisation(grantApplication, actor.organisationId, { id: application.id, status: "draft" }),
      )
      .returning();
    if (!updated) throw conflict("Application already sent", "This application has already been sent.");
    const resubmitted = await closeOpenReturn(tx, actor.organisationId, application.id, now);
    await recordAudit(tx, actor, now, submittedAudit(application, updated, resubmitted));
    return updated;
  });
}
