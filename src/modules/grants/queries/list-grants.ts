import { desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { overdueOnActiveGrants } from "../commands/payments.ts";
import { canViewGrants } from "../policy.ts";
import {
  type GrantAward,
  grantApplication,
  grantAward,
  grantMonitoringReturn,
  grantPayment,
  grantProgramme,
  grantReminder,
} from "../schema.ts";
import { awardOf, programmeOf } from "./joins.ts";

export type GrantFilter = {
  status?: "proposed" | "active" | "ended";
  route?: "open-call" | "direct-award";
  page: number;
  pageSize: number;
};

export async function listGrants(db: Db, actor: Actor, filter: GrantFilter): Promise<GrantPage> {
  requireAllowed(canViewGrants(actor), "Only staff can see grants.");
  const where = inOrganisation(
    grantAward,
    actor.organisationId,
    filter.status ? eq(grantAward.status, filter.status) : undefined,
    filter.route ? eq(grantAward.route, filter.route) : undefined,
  );
  return pageOfGrants(db, where, [desc(grantAward.startDate), grantAward.reference], filter);
}

export type GrantPage = { grants: GrantAward[]; total: number; totalAwardedPence: number };

/** One page of the grants matching `where`, with the count and amount of all of them (staff list and public register). */
export async function pageOfGrants(
  db: Db,
  where: SQL,
  order: (SQL | AnyPgColumn)[],
  { page, pageSize }: { page: number; pageSize: number },
): Promise<GrantPage> {
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${grantAward.amountAwardedPence}), 0)`,
    })
    .from(grantAward)
    .where(where);
  const grants = await db
    .select()
    .from(grantAward)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { grants, total: totals?.total ?? 0, totalAwardedPence: Number(totals?.amount ?? 0) };
}

/** The overview: what needs doing today. */
export async function grantsOverview(db: Db, actor: Actor, now: Date) {
  requireAllowed(canViewGrants(actor), "Only staff can see grants.");
  const today = londonDay(now);
  const [payments] = await db
    .select({
      held: sql<number>`count(*) FILTER (WHERE ${grantPayment.status} = 'held')::int`,
      due: sql<number>`count(*) FILTER (WHERE ${grantPayment.status} = 'scheduled' AND ${grantPayment.dueOn} <= ${today})::int`,
      paidPence: sql<string>`coalesce(sum(${grantPayment.amountPence}) FILTER (WHERE ${grantPayment.status} = 'paid'), 0)`,
    })
    .from(grantPayment)
    .where(inOrganisation(grantPayment, actor.organisationId));
  const [returns] = await db
    .select({ overdue: sql<number>`count(*)::int` })
    .from(grantMonitoringReturn)
    .innerJoin(grantAward, awardOf(grantMonitoringReturn))
    .where(overdueOnActiveGrants(actor.organisationId, today));
  const [grants] = await db
    .select({
      active: sql<number>`count(*) FILTER (WHERE ${grantAward.status} = 'active')::int`,
      proposed: sql<number>`count(*) FILTER (WHERE ${grantAward.status} = 'proposed')::int`,
      awardedPence: sql<string>`coalesce(sum(${grantAward.amountAwardedPence}) FILTER (WHERE ${grantAward.status} <> 'proposed'), 0)`,
    })
    .from(grantAward)
    .where(inOrganisation(grantAward, actor.organisationId));
  return {
    heldPayments: payments?.held ?? 0,
    paymentsDue: payments?.due ?? 0,
    paidPence: Number(payments?.paidPence ?? 0),
    overdueReturns: returns?.overdue ?? 0,
    activeGrants: grants?.active ?? 0,
    awaitingApproval: grants?.proposed ?? 0,
    awardedPence: Number(grants?.awardedPence ?? 0),
  };
}

/** Applications waiting for staff: sent and eligible (to assess and moderate) or moderated (to decide). */
export async function applicationsToProcess(db: Db, actor: Actor) {
  requireAllowed(canViewGrants(actor), "Only staff can see applications.");
  return db
    .select({
      id: grantApplication.id,
      reference: grantApplication.reference,
      organisationName: grantApplication.organisationName,
      projectTitle: grantApplication.projectTitle,
      status: grantApplication.status,
      programmeTitle: grantProgramme.title,
      submittedAt: grantApplication.submittedAt,
    })
    .from(grantApplication)
    .innerJoin(grantProgramme, programmeOf(grantApplication))
    .where(
      inOrganisation(
        grantApplication,
        actor.organisationId,
        inArray(grantApplication.status, ["submitted", "moderated", "waitlisted"]),
      ),
    )
    .orderBy(grantApplication.submittedAt)
    .limit(50);
}

/** The latest reminders raised by the daily job. */
export async function recentReminders(db: Db, actor: Actor, limit = 10) {
  requireAllowed(canViewGrants(actor), "Only staff can see grant reminders.");
  return db
    .select({
      grantId: grantReminder.grantId,
      kind: grantReminder.kind,
      message: grantReminder.message,
      raisedAt: grantReminder.raisedAt,
    })
    .from(grantReminder)
    .where(inOrganisation(grantReminder, actor.organisationId))
    .orderBy(desc(grantReminder.raisedAt), desc(grantReminder.subjectDate))
    .limit(limit);
}
