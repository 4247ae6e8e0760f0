import { desc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { loadGrant } from "../commands/load-grant.ts";
import { canApply, isGrantRecipient } from "../policy.ts";
import {
  type GrantAgreement,
  type GrantAward,
  type GrantMonitoringReturn,
  type GrantPayment,
  grantAgreement,
  grantApplication,
  grantAward,
  grantMonitoringReturn,
  grantPayment,
  type ProgrammeOutcome,
} from "../schema.ts";
import { agreementOutcomes } from "./grant-detail.ts";
import { applicationOf } from "./joins.ts";

// The funded organisation's view of its own grants: agreement, payments and monitoring.

export async function listRecipientGrants(db: Db, actor: Actor): Promise<GrantAward[]> {
  requireAllowed(canApply(actor), "Sign in with your organisation's account to see your grants.");
  const rows = await db
    .select({ grant: grantAward })
    .from(grantAward)
    .innerJoin(grantApplication, applicationOf(grantAward))
    .where(
      inOrganisation(
        grantAward,
        actor.organisationId,
        eq(grantApplication.applicantUserId, actor.kind === "user" ? actor.userId : ""),
      ),
    )
    .orderBy(desc(grantAward.startDate));
  return rows.map((row) => row.grant);
}

/** Whether this grant came from the actor's own application: anyone else gets "not found". */
export async function requireRecipient(db: Db, actor: Actor, grant: GrantAward): Promise<void> {
  const [application] = grant.applicationId
    ? await db
        .select()
        .from(grantApplication)
        .where(matchInOrganisation(grantApplication, actor.organisationId, { id: grant.applicationId }))
    : [];
  if (!isGrantRecipient(actor, application)) throw notFound("Grant not found");
}

export async function getRecipientGrant(
  db: Db,
  actor: Actor,
  grantId: string,
): Promise<{
  grant: GrantAward;
  agreement: GrantAgreement | undefined;
  payments: GrantPayment[];
  returns: GrantMonitoringReturn[];
  outcomes: ProgrammeOutcome[];
}> {
  requireAllowed(canApply(actor), "Sign in with your organisation's account to see your grants.");
  const grant = await loadGrant(db, actor.organisationId, grantId);
  await requireRecipient(db, actor, grant);
  const [agreement] = await db
    .select()
    .from(grantAgreement)
    .where(matchInOrganisation(grantAgreement, actor.organisationId, { grantId: grant.id }));
  return {
    grant,
    agreement,
    outcomes: await agreementOutcomes(db, actor.organisationId, grant),
    payments: await db
      .select()
      .from(grantPayment)
      .where(matchInOrganisation(grantPayment, actor.organisationId, { grantId: grant.id }))
      .orderBy(grantPayment.instalment),
    returns: await db
      .select()
      .from(grantMonitoringReturn)
      .where(matchInOrganisation(grantMonitoringReturn, actor.organisationId, { grantId: grant.id }))
      .orderBy(grantMonitoringReturn.dueOn),
  };
}
