import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { saveApplicationSection, startApplication, submitApplication } from "./commands/applications.ts";
import { assessApplication } from "./commands/assess-application.ts";
import { decideApplication, moderateApplication } from "./commands/decide-application.ts";
import { approveDirectAward, proposeDirectAward } from "./commands/direct-awards.ts";
import { recordFundingChange } from "./commands/record-funding-change.ts";
import { grantAward, grantFundingChange, grantPayment } from "./schema.ts";
import {
  directAwardInput,
  type GrantPeople,
  makeProgramme,
  openGrantsFixture,
  paymentsInOrder,
  sendApplication,
} from "./test-support.ts";

let database: Database;
let people: GrantPeople;
let manager: Actor;
let officer: Actor;
let group: Actor;
let otherManager: Actor;

beforeAll(async () => {
  ({ database, people, manager, officer, group, otherManager } = await openGrantsFixture());
});
afterAll(async () => database?.close());

describe("applying, assessing and awarding", () => {
  it("runs an application from draft to an awarded grant with schedules", async () => {
    const db = database.db;
    const programme = await makeProgramme(db, manager, testNow);
    const draft = await startApplication(db, group, testNow, programme.id);
    expect(draft.status).toBe("draft");
    await expect(submitApplication(db, group, testNow, draft.id)).rejects.toMatchObject({ status: 422 });
    await saveApplicationSection(db, group, testNow, draft.id, "eligibility", { local: "yes", profit: "no" });
    await expect(
      saveApplicationSection(db, group, testNow, draft.id, "organisation", {
        organisationName: "Strood Seniors",
        organisationType: "registered-charity",
        charityNumber: "",
        postcode: "ME2 4AA",
        town: "Strood",
      }),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { charityNumber: "Enter your charity number" } });
    await saveApplicationSection(db, group, testNow, draft.id, "organisation", {
      organisationName: "Strood Seniors",
      organisationType: "registered-charity",
      charityNumber: "1098765",
      postcode: "me2 4aa",
      town: "Strood",
    });
    await saveApplicationSection(db, group, testNow, draft.id, "contact", {
      contactName: "Ann Lee",
      contactEmail: "ann@example.org",
      contactPhone: "",
    });
    await expect(
      saveApplicationSection(db, group, testNow, draft.id, "project", {
        projectTitle: "Lunch club",
        projectSummary: "Weekly lunch.",
        amountRequestedPence: "20000",
        outcomeCodes: ["WB1"],
      }),
    ).rejects.toMatchObject({
      fieldErrors: { amountRequestedPence: "The amount you are asking for must be £10,000 or less" },
    });
    await saveApplicationSection(db, group, testNow, draft.id, "project", {
      projectTitle: "Lunch club",
      projectSummary: "Weekly lunch.",
      amountRequestedPence: "8,000",
      outcomeCodes: ["WB1"],
    });
    const submitted = await submitApplication(db, group, testNow, draft.id);
    expect(submitted).toMatchObject({
      status: "submitted",
      eligible: true,
      postcode: "ME2 4AA",
      amountRequestedPence: 800_000,
    });

    await assessApplication(db, officer, testNow, draft.id, {
      conflictDeclared: "no",
      scores: { need: "5", delivery: "3" },
    });
    // Over £5,000 the people who assess (or declare a conflict) do not approve the award.
    const conflicted = actorFor(manager.organisationId, "manager", { name: "Cal Conflicted" });
    await assessApplication(db, conflicted, testNow, draft.id, {
      conflictDeclared: "yes",
      conflictDetail: "My sister chairs the charity",
    });
    await expect(
      assessApplication(db, officer, testNow, draft.id, {
        conflictDeclared: "no",
        scores: { need: "1", delivery: "1" },
      }),
    ).rejects.toMatchObject({ status: 409 });
    const moderated = await moderateApplication(db, manager, testNow, draft.id, {
      note: "Agreed with the assessor.",
    });
    // (5×3 + 3×2) / (5×5) = 21/25 = 84%; the conflicted manager's declaration is left out.
    expect(moderated.moderatedScoreBp).toBe(8400);
    await expect(
      decideApplication(db, manager, testNow, draft.id, {
        decision: "award",
        reason: "Strong",
        amountAwarded: "9000",
        startDate: "2026-08-01",
        endDate: "2027-07-31",
        ...people,
        conditions: "C",
        monitoringFrequency: "annual",
      }),
    ).rejects.toMatchObject({ status: 422 });
    const { grant } = await decideApplication(db, manager, testNow, draft.id, {
      decision: "award",
      reason: "Strong need",
      amountAwarded: "7500",
      startDate: "2026-08-01",
      endDate: "2027-07-31",
      ...people,
      conditions: "Spend on the lunch club.",
      monitoringFrequency: "six-monthly",
    });
    expect(grant).toMatchObject({
      route: "open-call",
      status: "active",
      amountAwardedPence: 750_000,
      awardDate: "2026-06-15",
      charityNumber: "1098765",
      grantOwner: "Priya Shah",
      grantOwnerUserId: people.grantOwnerUserId,
      accountableOfficer: "Dana Director",
      accountableOfficerUserId: people.accountableOfficerUserId,
    });
    const payments = await db
      .select()
      .from(grantPayment)
      .where(eq(grantPayment.grantId, grant?.id ?? ""));
    expect(payments.map((p) => p.amountPence)).toEqual([750_000]);
  });

  it("marks an application that fails an eligibility question as ineligible with the reason", async () => {
    const db = database.db;
    const programme = await makeProgramme(db, manager, testNow, { code: "CCF-ELIG" });
    const submitted = await sendApplication(db, group, testNow, programme.id, {
      eligibility: { local: "no" },
      organisation: { organisationName: "X", postcode: "ME1 1AA", town: "Rochester" },
      project: { projectTitle: "X", projectSummary: "X", amountRequestedPence: "100" },
    });
    expect(submitted.status).toBe("ineligible");
    expect(submitted.eligibilityReasons).toEqual(["The project must take place in Kent or Medway"]);
  });

  it("hides one applicant's application from another organisation", async () => {
    const programme = await makeProgramme(database.db, manager, testNow, { code: "CCF-LEAK" });
    const draft = await startApplication(database.db, group, testNow, programme.id);
    await expect(
      assessApplication(database.db, otherManager, testNow, draft.id, { conflictDeclared: "no", scores: {} }),
    ).rejects.toMatchObject({ status: 404 });
    const otherGroup = actorFor(group.organisationId, "community-group");
    await expect(
      saveApplicationSection(database.db, otherGroup, testNow, draft.id, "contact", {
        contactName: "A",
        contactEmail: "a@example.org",
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("direct awards", () => {
  it("refuses a direct award without a criterion and saves nothing", async () => {
    const before = await database.db.select().from(grantAward);
    await expect(
      proposeDirectAward(database.db, officer, testNow, directAwardInput(people, { criterion: undefined })),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { criterion: "Choose the direct award criterion the grant meets" },
    });
    await expect(
      proposeDirectAward(database.db, officer, testNow, directAwardInput(people, { justification: "" })),
    ).rejects.toMatchObject({ status: 422 });
    expect(await database.db.select().from(grantAward)).toHaveLength(before.length);
  });

  it("needs a manager to approve, and then the grant is active", async () => {
    const proposed = await proposeDirectAward(database.db, officer, testNow, directAwardInput(people));
    expect(proposed.status).toBe("proposed");
    await expect(approveDirectAward(database.db, officer, testNow, proposed.id)).rejects.toMatchObject({
      status: 403,
    });
    const approved = await approveDirectAward(database.db, manager, testNow, proposed.id);
    expect(approved).toMatchObject({ status: "active", awardDate: "2026-06-15" });
    const payments = await paymentsInOrder(database.db, proposed.id);
    expect(payments.map((p) => [p.dueOn, p.amountPence])).toEqual([
      ["2026-07-01", 3_000_000],
      ["2027-07-01", 3_000_000],
      ["2028-07-01", 3_000_000],
    ]);
  });
});

describe("the three months' notice rule", () => {
  async function activeGrant() {
    const proposed = await proposeDirectAward(database.db, officer, testNow, directAwardInput(people));
    return approveDirectAward(database.db, manager, testNow, proposed.id);
  }

  it("refuses an ending with two months' notice and changes nothing", async () => {
    const grant = await activeGrant();
    await expect(
      recordFundingChange(database.db, officer, testNow, grant.id, {
        kind: "ending",
        effectiveOn: "2026-08-15",
        reason: "Budget cut",
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        effectiveOn:
          "The change must take effect on or after 15 September 2026, three months after notice is given today",
      },
    });
    const payments = await database.db.select().from(grantPayment).where(eq(grantPayment.grantId, grant.id));
    expect(payments.every((p) => p.status === "scheduled")).toBe(true);
    expect(
      await database.db.select().from(grantFundingChange).where(eq(grantFundingChange.grantId, grant.id)),
    ).toHaveLength(0);
  });

  it("records an ending with three months' notice and cancels later payments", async () => {
    const grant = await activeGrant();
    await recordFundingChange(database.db, officer, testNow, grant.id, {
      kind: "ending",
      effectiveOn: "2027-07-01",
      reason: "Service recommissioned",
    });
    const payments = await paymentsInOrder(database.db, grant.id);
    expect(payments.map((p) => p.status)).toEqual(["scheduled", "cancelled", "cancelled"]);
    const [updated] = await database.db.select().from(grantAward).where(eq(grantAward.id, grant.id));
    expect(updated.endDate).toBe("2027-06-30");
  });

  it("lets only a manager override short notice, with a reason, and audits the override", async () => {
    const grant = await activeGrant();
    const shortNotice = {
      kind: "reduction" as const,
      effectiveOn: "2026-07-01",
      newInstalment: "20000",
      reason: "Emergency",
      overrideReason: "Organisation asked for the change",
    };
    await expect(
      recordFundingChange(database.db, officer, testNow, grant.id, shortNotice),
    ).rejects.toMatchObject({ status: 403 });
    const change = await recordFundingChange(database.db, manager, testNow, grant.id, shortNotice);
    expect(change).toMatchObject({
      noticeGivenOn: "2026-06-15",
      overrideReason: "Organisation asked for the change",
    });
    const payments = await paymentsInOrder(database.db, grant.id);
    expect(payments.map((p) => p.amountPence)).toEqual([2_000_000, 2_000_000, 2_000_000]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, grant.id));
    expect(
      audit.some((entry) => entry.action === "notice-override" && entry.summary.includes("OVERRIDDEN")),
    ).toBe(true);
  });
});
