import { eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, notFound } from "../../../platform/http/problem.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { actorName, canApprovePayment } from "../policy.ts";
import { awardOf } from "../queries/joins.ts";
import {
  type GrantMonitoringReturn,
  type GrantPayment,
  grantAward,
  grantMonitoringReturn,
  grantPayment,
} from "../schema.ts";
import {
  assessedBy,
  loadGrantControls,
  requireDifferentPerson,
  separationApplies,
  userIdOf,
} from "./grant-controls.ts";
import { loadGrant } from "./load-grant.ts";

export async function loadPayment(db: Db, organisationId: string, paymentId: string): Promise<GrantPayment> {
  if (!isUuid(paymentId)) throw notFound("Payment not found");
  const [payment] = await db
    .select()
    .from(grantPayment)
    .where(matchInOrganisation(grantPayment, organisationId, { id: paymentId }));
  if (!payment) throw notFound("Payment not found");
  return payment;
}

/** Monitoring returns past their due date and not yet sent: these hold the grant's payments. */
export async function overdueReturns(
  db: Db,
  organisationId: string,
  grantId: string,
  today: string,
): Promise<GrantMonitoringReturn[]> {
  return db
    .select()
    .from(grantMonitoringReturn)
    .where(
      matchInOrganisation(
        grantMonitoringReturn,
        organisationId,
        { grantId, status: "due" },
        lt(grantMonitoringReturn.dueOn, today),
      ),
    )
    .orderBy(grantMonitoringReturn.dueOn);
}

/**
 * Monitoring returns past their due date on active grants (joined to grantAward): the daily job
 * holds their grants' payments and the overview counts them.
 */
export function overdueOnActiveGrants(organisationId: string, today: string): SQL {
  return matchInOrganisation(
    grantMonitoringReturn,
    organisationId,
    { status: "due" },
    lt(grantMonitoringReturn.dueOn, today),
    eq(grantAward.status, "active"),
  );
}

function heldReason(overdue: GrantMonitoringReturn[]): string {
  return `Monitoring overdue: ${overdue.map((r) => `${r.periodLabel} return was due on ${formatDate(r.dueOn)}`).join("; ")}`;
}

/**
 * Approving releases money, so it is refused while monitoring is overdue: the payment
 * is put on hold (and stays held) until the return comes in.
 */
export async function approvePayment(
  db: Db,
  actor: Actor,
  now: Date,
  paymentId: string,
): Promise<GrantPayment> {
  requireAllowed(canApprovePayment(actor), "Only managers can approve grant payments.");
  const payment = await loadPayment(db, actor.organisationId, paymentId);
  const grant = await loadGrant(db, actor.organisationId, payment.grantId);
  if (grant.status !== "active")
    throw conflict(
      "Grant not active",
      `Grant ${grant.reference} is ${grant.status}; payments can be approved only on an active grant.`,
    );
  if (payment.status !== "scheduled" && payment.status !== "held")
    throw conflict("Cannot approve", `Payment ${payment.instalment} is already ${payment.status}.`);
  if (separationApplies(await loadGrantControls(db, actor.organisationId), grant.amountAwardedPence)) {
    requireDifferentPerson(
      actor,
      grant.approvedByUserId,
      "You approved this award, so someone else must authorise its payments.",
    );
    if (await assessedBy(db, actor.organisationId, grant.applicationId, actor))
      throw conflict(
        "Separation of duties",
        "You assessed this grant's application, so someone else must authorise its payments.",
      );
  }
  const overdue = await overdueReturns(db, actor.organisationId, grant.id, londonDay(now));
  if (overdue.length > 0) {
    const reason = heldReason(overdue);
    await db.transaction((tx) =>
      updateAudited(
        tx,
        actor,
        now,
        grantPayment,
        payment.id,
        { status: "held", heldReason: reason },
        {
          entityType: "grant-payment",
          summary: `Payment ${payment.instalment} of ${grant.reference} held: ${reason}`,
        },
      ),
    );
    throw conflict("Payment held", `${reason}. The payment can be approved when the return is in.`);
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantPayment)
      .set({
        status: "approved",
        heldReason: null,
        approvedBy: actorName(actor),
        approvedByUserId: userIdOf(actor),
        approvedAt: now,
      })
      .where(
        matchInOrganisation(
          grantPayment,
          actor.organisationId,
          { id: payment.id },
          inArray(grantPayment.status, ["scheduled", "held"]),
        ),
      )
      .returning();
    if (!updated) throw conflict("Cannot approve", "The payment changed while you were approving it.");
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-payment",
      entityId: payment.id,
      summary: `Payment ${payment.instalment} of ${grant.reference} approved (${payment.amountPence} pence)`,
      before: { status: payment.status },
      after: { status: "approved" },
    });
    return updated;
  });
}

/** The daily job: hold scheduled payments on active grants whose monitoring is overdue. */
export async function holdPaymentsForOverdueMonitoring(db: Db, actor: Actor, now: Date): Promise<number> {
  const today = londonDay(now);
  const rows = await db
    .selectDistinct({ grantId: grantMonitoringReturn.grantId })
    .from(grantMonitoringReturn)
    .innerJoin(grantAward, awardOf(grantMonitoringReturn))
    .where(overdueOnActiveGrants(actor.organisationId, today));
  let held = 0;
  for (const { grantId } of rows) {
    const reason = heldReason(await overdueReturns(db, actor.organisationId, grantId, today));
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(grantPayment)
        .set({ status: "held", heldReason: reason })
        .where(matchInOrganisation(grantPayment, actor.organisationId, { grantId, status: "scheduled" }))
        .returning({ id: grantPayment.id });
      held += updated.length;
      if (updated.length > 0)
        await recordAudit(tx, actor, now, {
          action: "update",
          entityType: "grant",
          entityId: grantId,
          summary: `${updated.length} payment(s) held: ${reason}`,
        });
    });
  }
  return held;
}

/** When the last overdue return is in, held payments go back to scheduled. */
export async function releaseHeldPayments(
  tx: Db,
  organisationId: string,
  grantId: string,
  today: string,
): Promise<number> {
  if ((await overdueReturns(tx, organisationId, grantId, today)).length > 0) return 0;
  const released = await tx
    .update(grantPayment)
    .set({ status: "scheduled", heldReason: null })
    .where(matchInOrganisation(grantPayment, organisationId, { grantId, status: "held" }))
    .returning({ id: grantPayment.id });
  return released.length;
}
