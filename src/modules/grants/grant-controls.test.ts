import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, problemOf, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { assessApplication } from "./commands/assess-application.ts";
import { decideApplication, moderateApplication } from "./commands/decide-application.ts";
import { loadGrantControls, saveGrantControls } from "./commands/grant-controls.ts";
import { markPaymentPaid } from "./commands/mark-payment-paid.ts";
import { approvePayment } from "./commands/payments.ts";
import { type GrantAward, type GrantPayment, grantPayment } from "./schema.ts";
import {
  awardDecision,
  type GrantPeople,
  makeProgramme,
  openGrantsFixture,
  sendApplication,
} from "./test-support.ts";

// Grant controls: separation of duties above the threshold, payment references and
// the early-payment override.

let database: Database;
let people: GrantPeople;
let organisationId: string;
let assessor: Actor;
let approver: Actor;
let authoriser: Actor;
let officer: Actor;
let group: Actor;
let programmeId: string;
/** The day after the first instalment falls due (the grants start on 1 July 2026). */
const afterDue = new Date("2026-07-02T10:00:00.000Z");

beforeAll(async () => {
  ({ database, organisationId, people, officer, group } = await openGrantsFixture());
  assessor = actorFor(organisationId, "manager", { name: "Ann Assessor" });
  approver = actorFor(organisationId, "manager", { name: "Abe Approver" });
  authoriser = actorFor(organisationId, "manager", { name: "Aya Authoriser" });
  programmeId = (await makeProgramme(database.db, approver, testNow)).id;
});
afterAll(async () => database?.close());

/** An application for `pounds`, assessed and moderated by `by`, ready for a decision. */
async function readyForDecision(pounds: string, by: Actor): Promise<string> {
  const sent = await sendApplication(database.db, group, testNow, programmeId, {
    project: { amountRequestedPence: pounds },
  });
  await assessApplication(database.db, by, testNow, sent.id, {
    conflictDeclared: "no",
    scores: { need: "4", delivery: "4" },
  });
  await moderateApplication(database.db, by, testNow, sent.id, { note: "Agreed" });
  return sent.id;
}

async function award(applicationId: string, pounds: string, by: Actor): Promise<GrantAward> {
  const { grant } = await decideApplication(
    database.db,
    by,
    testNow,
    applicationId,
    awardDecision(pounds, people),
  );
  if (!grant) throw new Error("no grant");
  return grant;
}

async function firstPayment(grantId: string): Promise<GrantPayment> {
  const [payment] = await database.db
    .select()
    .from(grantPayment)
    .where(and(eq(grantPayment.organisationId, organisationId), eq(grantPayment.grantId, grantId)))
    .orderBy(grantPayment.instalment);
  return payment;
}

describe("separation of duties above the threshold (default £5,000)", () => {
  it("needs a different person at each step, compared by user id, not by name", async () => {
    const db = database.db;
    const applicationId = await readyForDecision("8000", assessor);
    const refused = await problemOf(award(applicationId, "8000", assessor));
    expect(refused.status).toBe(409);
    expect(refused.detail).toBe("You assessed this application, so someone else must approve its award.");

    const grant = await award(applicationId, "8000", approver);
    expect(grant.approvedByUserId).toBe(approver.kind === "user" ? approver.userId : "");
    const payment = await firstPayment(grant.id);
    const byApprover = await problemOf(approvePayment(db, approver, afterDue, payment.id));
    expect(byApprover.status).toBe(409);
    expect(byApprover.detail).toBe("You approved this award, so someone else must authorise its payments.");
    // Same name, different person: a namesake is not the approver.
    const namesake = actorFor(organisationId, "manager", { name: "Abe Approver" });
    const byAssessor = await problemOf(approvePayment(db, assessor, afterDue, payment.id));
    expect(byAssessor.detail).toBe(
      "You assessed this grant's application, so someone else must authorise its payments.",
    );
    expect((await firstPayment(grant.id)).status).toBe("scheduled");

    const approved = await approvePayment(db, namesake, afterDue, payment.id);
    expect(approved.status).toBe("approved");
    const selfPaid = await problemOf(
      markPaymentPaid(db, namesake, afterDue, payment.id, { paymentReference: "BACS 123" }),
    );
    expect(selfPaid.status).toBe(409);
    expect(selfPaid.detail).toBe("You authorised this payment, so someone else must mark it paid.");
    const paid = await markPaymentPaid(db, officer, afterDue, payment.id, { paymentReference: "BACS 123" });
    expect(paid).toMatchObject({
      status: "paid",
      paymentReference: "BACS 123",
      paidBy: "Olu Officer",
      paidByUserId: officer.kind === "user" ? officer.userId : "",
      paidOn: "2026-07-02",
      earlyPaymentReason: null,
    });
  });

  it("lets one manager do every step at or below the threshold", async () => {
    const db = database.db;
    const grant = await award(await readyForDecision("5000", assessor), "5000", assessor);
    const payment = await firstPayment(grant.id);
    await approvePayment(db, assessor, afterDue, payment.id);
    const paid = await markPaymentPaid(db, assessor, afterDue, payment.id, { paymentReference: "X1" });
    expect(paid.status).toBe("paid");
  });

  it("can be switched off or moved by a manager, with an audit entry; officers and bad input are refused", async () => {
    const db = database.db;
    expect(await loadGrantControls(db, organisationId)).toEqual({
      separationOfDuties: true,
      separationThresholdPence: 500_000,
    });
    expect(
      (
        await problemOf(
          saveGrantControls(db, officer, testNow, { separationOfDuties: "off", separationThreshold: "0" }),
        )
      ).status,
    ).toBe(403);
    const bad = await problemOf(
      saveGrantControls(db, approver, testNow, { separationOfDuties: "maybe", separationThreshold: "-1" }),
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["separationOfDuties", "separationThreshold"]);

    await saveGrantControls(db, approver, testNow, {
      separationOfDuties: "off",
      separationThreshold: "5000",
    });
    const grant = await award(await readyForDecision("9000", assessor), "9000", assessor);
    const payment = await firstPayment(grant.id);
    await approvePayment(db, assessor, afterDue, payment.id);
    expect(
      (await markPaymentPaid(db, assessor, afterDue, payment.id, { paymentReference: "X2" })).status,
    ).toBe("paid");

    await saveGrantControls(db, approver, testNow, { separationOfDuties: "on", separationThreshold: "100" });
    expect(await loadGrantControls(db, organisationId)).toEqual({
      separationOfDuties: true,
      separationThresholdPence: 10_000,
    });
    const small = await readyForDecision("200", assessor);
    expect((await problemOf(award(small, "200", assessor))).status).toBe(409);
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityType, "grant-settings"));
    expect(entries.map((e) => e.summary)).toContain("Grant controls: separation of duties on above £100");
    await saveGrantControls(db, approver, testNow, { separationOfDuties: "on", separationThreshold: "5000" });
  });
});

describe("marking a payment paid", () => {
  it("refuses a bad reference or an early payment without an override, saving nothing", async () => {
    const db = database.db;
    const grant = await award(await readyForDecision("3000", assessor), "3000", approver);
    const payment = await firstPayment(grant.id);
    await approvePayment(db, authoriser, testNow, payment.id);
    for (const [reference, message] of [
      ["", "Enter the payment reference, like the BACS reference"],
      ["PAY#1", "The payment reference can only use letters, numbers, spaces and / - ."],
      ["A".repeat(36), "The payment reference must be 35 characters or fewer"],
    ]) {
      const problem = await problemOf(
        markPaymentPaid(db, officer, afterDue, payment.id, { paymentReference: reference }),
      );
      expect(problem.status).toBe(422);
      expect(problem.fieldErrors?.paymentReference).toBe(message);
    }
    // 15 June: the instalment is due on 1 July.
    const early = await problemOf(
      markPaymentPaid(db, officer, testNow, payment.id, { paymentReference: "B-1" }),
    );
    expect(early.status).toBe(422);
    expect(early.fieldErrors?.earlyPaymentReason).toContain("not due until 1 July 2026");
    const officerOverride = await problemOf(
      markPaymentPaid(db, officer, testNow, payment.id, {
        paymentReference: "B-1",
        earlyPaymentReason: "Rent deposit due",
      }),
    );
    expect(officerOverride.status).toBe(403);
    expect((await firstPayment(grant.id)).status).toBe("approved");

    const paid = await markPaymentPaid(db, approver, testNow, payment.id, {
      paymentReference: "B-1",
      earlyPaymentReason: "The venue deposit is due before July",
    });
    expect(paid).toMatchObject({
      status: "paid",
      paidOn: "2026-06-15",
      earlyPaymentReason: "The venue deposit is due before July",
    });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, payment.id), eq(auditLog.entityType, "grant-payment")));
    expect(entries.map((e) => e.summary)).toContain(
      `Payment 1 of ${grant.reference} paid, reference B-1 (paid early: The venue deposit is due before July)`,
    );
    const twice = await problemOf(
      markPaymentPaid(db, officer, afterDue, payment.id, { paymentReference: "B-2" }),
    );
    expect(twice.status).toBe(409);
  });

  it("uses the London day: 23:30 UTC on 30 June is already 1 July in London", async () => {
    const db = database.db;
    const grant = await award(await readyForDecision("2000", assessor), "2000", approver);
    const payment = await firstPayment(grant.id);
    await approvePayment(db, authoriser, testNow, payment.id);
    const lateEvening = new Date("2026-06-30T23:30:00.000Z");
    const paid = await markPaymentPaid(db, officer, lateEvening, payment.id, { paymentReference: "LDN 1" });
    expect(paid.paidOn).toBe("2026-07-01");
  });
});
