import { and, desc, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { type DocumentSummary, listApplicationDocuments } from "../commands/application-documents.ts";
import { loadProgramme } from "../commands/applications.ts";
import { listAssessments, loadApplication } from "../commands/assess-application.ts";
import { listBudgetLines } from "../commands/budget-lines.ts";
import { listApplicationReturns } from "../commands/return-application.ts";
import { canViewGrants } from "../policy.ts";
import {
  type GrantApplication,
  type GrantApplicationReturn,
  type GrantAssessment,
  type GrantBudgetLine,
  type GrantProgramme,
  grantApplication,
  grantAward,
  grantProgramme,
} from "../schema.ts";

export type ProgrammeSummary = GrantProgramme & {
  applications: number;
  submitted: number;
  awarded: number;
  committedPence: number;
};

/** Programmes with their application counts and committed budget (approved and proposed grants). */
export async function listProgrammes(db: Db, actor: Actor): Promise<ProgrammeSummary[]> {
  requireAllowed(canViewGrants(actor), "Only staff can see grant programmes.");
  const programmes = await db
    .select()
    .from(grantProgramme)
    .where(inOrganisation(grantProgramme, actor.organisationId))
    .orderBy(desc(grantProgramme.opensOn));
  const counts = await db
    .select({
      programmeId: grantApplication.programmeId,
      applications: sql<number>`count(*) FILTER (WHERE ${grantApplication.status} <> 'draft')::int`,
      submitted: sql<number>`count(*) FILTER (WHERE ${grantApplication.status} IN ('submitted', 'moderated'))::int`,
      awarded: sql<number>`count(*) FILTER (WHERE ${grantApplication.status} = 'awarded')::int`,
    })
    .from(grantApplication)
    .where(inOrganisation(grantApplication, actor.organisationId))
    .groupBy(grantApplication.programmeId);
  const committed = await db
    .select({
      programmeId: grantAward.programmeId,
      total: sql<string>`sum(${grantAward.amountAwardedPence})`,
    })
    .from(grantAward)
    .where(inOrganisation(grantAward, actor.organisationId))
    .groupBy(grantAward.programmeId);
  return programmes.map((programme) => {
    const count = counts.find((row) => row.programmeId === programme.id);
    return {
      ...programme,
      applications: count?.applications ?? 0,
      submitted: count?.submitted ?? 0,
      awarded: count?.awarded ?? 0,
      committedPence: Number(committed.find((row) => row.programmeId === programme.id)?.total ?? 0),
    };
  });
}

export async function getProgrammeWithApplications(
  db: Db,
  actor: Actor,
  programmeId: string,
): Promise<{ programme: GrantProgramme; applications: GrantApplication[] }> {
  requireAllowed(canViewGrants(actor), "Only staff can see grant programmes.");
  const programme = await loadProgramme(db, actor.organisationId, programmeId);
  const applications = await db
    .select()
    .from(grantApplication)
    .where(
      and(
        matchInOrganisation(grantApplication, actor.organisationId, { programmeId: programme.id }),
        sql`${grantApplication.status} <> 'draft'`,
      ),
    )
    .orderBy(desc(grantApplication.submittedAt));
  return { programme, applications };
}

/** An application for staff. It names a contact person, so the read is audited. */
export async function getApplicationForStaff(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
): Promise<{
  application: GrantApplication;
  programme: GrantProgramme;
  assessments: GrantAssessment[];
  returns: GrantApplicationReturn[];
  budgetLines: GrantBudgetLine[];
  documents: DocumentSummary[];
}> {
  requireAllowed(canViewGrants(actor), "Only staff can see grant applications.");
  const application = await loadApplication(db, actor.organisationId, applicationId);
  const returns = await listApplicationReturns(db, actor.organisationId, application.id);
  if (application.status === "draft" && returns.length === 0) {
    // Drafts are the applicant's own work until sent (a returned one was sent, so staff still see it).
    throw notFound("Application not found");
  }
  const programme = await loadProgramme(db, actor.organisationId, application.programmeId);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "grant-application",
    entityId: application.id,
    summary: `Grant application ${application.reference} viewed (contact details)`,
  });
  return {
    application,
    programme,
    assessments: await listAssessments(db, actor.organisationId, application.id),
    returns,
    budgetLines: await listBudgetLines(db, actor.organisationId, application.id),
    documents: await listApplicationDocuments(db, actor.organisationId, application.id),
  };
}
