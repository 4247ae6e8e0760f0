import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { startApplication } from "./commands/applications.ts";
import { decideApplication } from "./commands/decide-application.ts";
import { approveDirectAward, proposeDirectAward } from "./commands/direct-awards.ts";
import { submitMonitoringReturn } from "./commands/monitoring.ts";
import { approvePayment } from "./commands/payments.ts";
import { recordFundingChange } from "./commands/record-funding-change.ts";
import { varyAgreement } from "./commands/vary-agreement.ts";
import { getRecipientGrant } from "./queries/recipient-grants.ts";
import { grantMonitoringReturn, grantPayment } from "./schema.ts";
import {
  approvedDirectAward,
  awardApplication,
  directAwardInput,
  type GrantPeople,
  makeProgramme,
  openGrantsFixture,
  sendApplication,
} from "./test-support.ts";

let database: Database;
let people: GrantPeople;
let manager: Actor;
let officer: Actor;
let group: Actor;

beforeAll(async () => {
  ({ database, people, manager, officer, group } = await openGrantsFixture());
});
afterAll(async () => database?.close());

// After the award: what the funded organisation sees, bad input, variations, payments and monitoring.

describe("the funded organisation", () => {
  it("sends its own monitoring return, and cannot see or report on anyone else's grant", async () => {
    const db = database.db;
    const programme = await makeProgramme(db, manager, testNow, { code: "CCF-RECIPIENT" });
    const sent = await sendApplication(db, group, testNow, programme.id, {
      project: { projectSummary: "S" },
    });
    const grant = await awardApplication(db, { officer, manager }, testNow, sent.id);
    const own = await getRecipientGrant(db, group, grant.id);
    const due = own.returns[0];
    const stranger = actorFor(group.organisationId, "community-group");
    await expect(getRecipientGrant(db, stranger, grant?.id ?? "")).rejects.toMatchObject({ status: 404 });
    const input = {
      results: [{ outcomeCode: "SK2", measure: "Wardens trained", target: "10", achieved: "12" }],
      narrative: "Done",
    };
    await expect(submitMonitoringReturn(db, stranger, testNow, due.id, input)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      submitMonitoringReturn(db, actorFor(group.organisationId, "tenant"), testNow, due.id, input),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      submitMonitoringReturn(db, group, testNow, due.id, {
        ...input,
        results: [{ ...input.results[0], outcomeCode: "WB1" }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await submitMonitoringReturn(db, group, testNow, due.id, input)).status).toBe("submitted");
  });
});

describe("bad input", () => {
  it("names the field when no decision or no kind of funding change is chosen", async () => {
    const grant = await approvedDirectAward(database.db, { officer, manager }, directAwardInput(people));
    await expect(
      recordFundingChange(database.db, officer, testNow, grant.id, { reason: "x" } as never),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { kind: "Choose whether funding is reduced or ended" },
    });
    await expect(
      recordFundingChange(database.db, officer, testNow, grant.id, {
        kind: "reduction",
        effectiveOn: "2026-02-30",
        newInstalment: "-5",
        reason: "x",
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        effectiveOn: "The date the reduction takes effect must be a real date, like 2026-04-01",
        newInstalment: "The reduced amount of each payment must be at least £0.00",
      },
    });
    const programme = await makeProgramme(database.db, manager, testNow, { code: "CCF-BAD" });
    const draft = await startApplication(database.db, group, testNow, programme.id);
    await expect(
      decideApplication(database.db, manager, testNow, draft.id, { reason: "x" } as never),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("refuses a programme whose largest award is over its budget, and a repeated code", async () => {
    await expect(
      makeProgramme(database.db, manager, testNow, { code: "CCF-BIG", maxAwardPence: 9_000_000 }),
    ).rejects.toMatchObject({
      fieldErrors: { maxAwardPence: "The largest award cannot be more than the budget" },
    });
    await makeProgramme(database.db, manager, testNow, { code: "CCF-TWICE" });
    await expect(makeProgramme(database.db, manager, testNow, { code: "CCF-TWICE" })).rejects.toMatchObject({
      status: 409,
    });
    await expect(makeProgramme(database.db, officer, testNow, { code: "CCF-OFFICER" })).rejects.toMatchObject(
      { status: 403 },
    );
  });
});

describe("agreement variations", () => {
  it("varies the conditions as a new version, keeps the old text in the audit log, and refuses the board", async () => {
    const grant = await approvedDirectAward(database.db, { officer, manager }, directAwardInput(people));
    await expect(
      varyAgreement(database.db, actorFor(manager.organisationId, "read-only"), testNow, grant.id, {
        conditions: "New",
        reason: "R",
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      varyAgreement(database.db, officer, testNow, grant.id, { conditions: "", reason: "" }),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { conditions: "Enter the varied conditions" } });
    const varied = await varyAgreement(database.db, officer, testNow, grant.id, {
      conditions: "Report monthly during the pilot.",
      reason: "Pilot needs closer monitoring",
    });
    expect(varied).toMatchObject({ version: 2, conditions: "Report monthly during the pilot." });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, "grant-agreement"));
    expect(entry.before).toMatchObject({
      conditions: "Spend only on the agreed project; report quarterly.",
      version: 1,
    });
  });
});

describe("payments and monitoring", () => {
  it("holds a payment while monitoring is overdue and releases it when the return is in", async () => {
    const proposed = await proposeDirectAward(
      database.db,
      officer,
      testNow,
      directAwardInput(people, { startDate: "2025-01-01", endDate: "2027-12-31" }),
    );
    const grant = await approveDirectAward(database.db, manager, testNow, proposed.id);
    const [second] = await database.db
      .select()
      .from(grantPayment)
      .where(eq(grantPayment.grantId, grant.id))
      .orderBy(grantPayment.instalment)
      .offset(1);
    // Over £5,000: the manager who approved the award may not authorise its payments.
    const authoriser = actorFor(manager.organisationId, "manager", { name: "Aya Authoriser" });
    await expect(approvePayment(database.db, authoriser, testNow, second.id)).rejects.toMatchObject({
      status: 409,
      title: "Payment held",
    });
    const [held] = await database.db.select().from(grantPayment).where(eq(grantPayment.id, second.id));
    expect(held.status).toBe("held");
    const overdue = await database.db
      .select()
      .from(grantMonitoringReturn)
      .where(eq(grantMonitoringReturn.grantId, grant.id))
      .orderBy(grantMonitoringReturn.dueOn);
    for (const item of overdue.filter((r) => r.dueOn < "2026-06-15")) {
      await submitMonitoringReturn(database.db, officer, testNow, item.id, {
        results: [{ outcomeCode: "WB1", measure: "People supported", target: "10", achieved: "12" }],
        narrative: "On track",
      });
    }
    const [released] = await database.db.select().from(grantPayment).where(eq(grantPayment.id, second.id));
    expect(released.status).toBe("scheduled");
    expect((await approvePayment(database.db, authoriser, testNow, second.id)).status).toBe("approved");
  });
});
