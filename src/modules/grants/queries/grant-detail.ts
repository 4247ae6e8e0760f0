import { desc } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { listProjectChoices, type ProjectChoice } from "../../investment/index.ts";
import { loadGrant } from "../commands/load-grant.ts";
import { canManageGrant, canViewGrants } from "../policy.ts";
import {
  type GrantAgreement,
  type GrantAward,
  type GrantFundingChange,
  type GrantMonitoringReturn,
  type GrantPayment,
  grantAgreement,
  grantAward,
  grantFundingChange,
  grantMonitoringReturn,
  grantPayment,
  grantProgramme,
  grantReminder,
  grantVariation,
  type ProgrammeOutcome,
} from "../schema.ts";

export type GrantDetail = {
  grant: GrantAward;
  agreement: GrantAgreement | undefined;
  payments: GrantPayment[];
  returns: GrantMonitoringReturn[];
  changes: GrantFundingChange[];
  variations: (typeof grantVariation.$inferSelect)[];
  reminders: (typeof grantReminder.$inferSelect)[];
  /** The agreement's outcomes with their titles and, where picked from it, their place in the outcome framework. */
  outcomes: ProgrammeOutcome[];
  /** The community investment project the grant pays for, and (for staff who can link) the choices. */
  project: ProjectChoice | null;
  projectChoices: ProjectChoice[];
};

/** The grant's outcome codes with their titles from the programme (and so from the outcome framework). */
export async function agreementOutcomes(
  db: Db,
  organisationId: string,
  grant: GrantAward,
): Promise<ProgrammeOutcome[]> {
  const [programme] = grant.programmeId
    ? await db
        .select({ outcomes: grantProgramme.outcomes })
        .from(grantProgramme)
        .where(matchInOrganisation(grantProgramme, organisationId, { id: grant.programmeId }))
    : [];
  return grant.outcomeCodes.map(
    (code) => programme?.outcomes.find((outcome) => outcome.code === code) ?? { code, title: code },
  );
}

async function detailOf(db: Db, organisationId: string, grant: GrantAward): Promise<GrantDetail> {
  const [agreement] = await db
    .select()
    .from(grantAgreement)
    .where(matchInOrganisation(grantAgreement, organisationId, { grantId: grant.id }));
  return {
    grant,
    agreement,
    outcomes: await agreementOutcomes(db, organisationId, grant),
    project: null,
    projectChoices: [],
    payments: await db
      .select()
      .from(grantPayment)
      .where(matchInOrganisation(grantPayment, organisationId, { grantId: grant.id }))
      .orderBy(grantPayment.instalment),
    returns: await db
      .select()
      .from(grantMonitoringReturn)
      .where(matchInOrganisation(grantMonitoringReturn, organisationId, { grantId: grant.id }))
      .orderBy(grantMonitoringReturn.dueOn),
    changes: await db
      .select()
      .from(grantFundingChange)
      .where(matchInOrganisation(grantFundingChange, organisationId, { grantId: grant.id }))
      .orderBy(desc(grantFundingChange.recordedAt)),
    variations: await db
      .select()
      .from(grantVariation)
      .where(matchInOrganisation(grantVariation, organisationId, { grantId: grant.id }))
      .orderBy(desc(grantVariation.recordedAt)),
    reminders: await db
      .select()
      .from(grantReminder)
      .where(matchInOrganisation(grantReminder, organisationId, { grantId: grant.id }))
      .orderBy(desc(grantReminder.raisedAt)),
  };
}

/** A grant with its agreement, schedules and history. Holds no personal data (recipients are organisations). */
export async function getGrantDetail(db: Db, actor: Actor, grantId: string): Promise<GrantDetail> {
  requireAllowed(canViewGrants(actor), "Only staff can see grants.");
  const detail = await detailOf(db, actor.organisationId, await loadGrant(db, actor.organisationId, grantId));
  const projectId = detail.grant.investmentProjectId;
  const choices = canManageGrant(actor) ? await listProjectChoices(db, actor) : [];
  const project = projectId
    ? (choices.find((choice) => choice.id === projectId) ??
      (await listProjectChoices(db, actor, projectId))[0])
    : undefined;
  return { ...detail, project: project ?? null, projectChoices: choices };
}

/** Every grant of an organisation with its schedules: for the seed and the daily job, which run as the system. */
export async function listGrantDetail(db: Db, organisationId: string): Promise<GrantDetail[]> {
  const grants = await db
    .select()
    .from(grantAward)
    .where(inOrganisation(grantAward, organisationId))
    .orderBy(grantAward.startDate);
  const details: GrantDetail[] = [];
  for (const grant of grants) details.push(await detailOf(db, organisationId, grant));
  return details;
}
