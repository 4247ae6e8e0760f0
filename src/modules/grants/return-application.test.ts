import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { saveApplicationSection, startApplication, submitApplication } from "./commands/applications.ts";
import { assessApplication } from "./commands/assess-application.ts";
import { moderateApplication } from "./commands/decide-application.ts";
import { listApplicationReturns, returnApplication } from "./commands/return-application.ts";
import { getApplicationForStaff } from "./queries/programmes.ts";
import { makeProgramme, sendApplication } from "./test-support.ts";

// An officer returns a sent application for changes; the applicant edits and sends it again.

let database: Database;
let manager: Actor;
let officer: Actor;
let group: Actor;
let otherOfficer: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  manager = actorFor(org.id, "manager");
  officer = actorFor(org.id, "officer", { name: "Olu Officer" });
  group = actorFor(org.id, "community-group");
  otherOfficer = actorFor((await makeOrganisation(database.db, "Other Homes")).id, "officer");
});
afterAll(async () => database?.close());

async function sentApplication(code: string) {
  const programme = await makeProgramme(database.db, manager, testNow, { code });
  return sendApplication(database.db, group, testNow, programme.id, {
    project: { amountRequestedPence: "9000" },
  });
}

describe("returning an application for changes", () => {
  it("goes back to the applicant with a reason, is changed and sent again, and keeps its history", async () => {
    const db = database.db;
    const sent = await sentApplication("RET-1");
    await assessApplication(db, officer, testNow, sent.id, {
      conflictDeclared: "no",
      scores: { need: "3", delivery: "3" },
    });
    await moderateApplication(db, manager, testNow, sent.id, { note: "Budget unclear" });
    const later = new Date(testNow.getTime() + 86_400_000);
    await returnApplication(db, officer, later, sent.id, {
      reason: "Split the £9,000 into staff and equipment costs.",
    });
    const returned = await getApplicationForStaff(db, officer, later, sent.id);
    expect(returned.application.status).toBe("draft");
    expect(returned.application.moderatedScoreBp).toBeNull();
    expect(returned.assessments).toHaveLength(1);
    expect(returned.returns.map((r) => [r.reason, r.returnedBy, r.resubmittedAt])).toEqual([
      ["Split the £9,000 into staff and equipment costs.", "Olu Officer", null],
    ]);

    // The applicant edits with the same pages, and sends it again, even after the programme closed.
    await saveApplicationSection(db, group, later, sent.id, "project", {
      projectTitle: "Wardens",
      projectSummary: "Staff £6,000; equipment £3,000",
      amountRequestedPence: "9000",
      outcomeCodes: ["SK2"],
    });
    const afterClose = new Date("2026-09-01T10:00:00Z");
    const again = await submitApplication(db, group, afterClose, sent.id);
    expect(again.status).toBe("submitted");
    expect(again.projectSummary).toBe("Staff £6,000; equipment £3,000");
    const history = await listApplicationReturns(db, officer.organisationId, sent.id);
    expect(history.map((r) => r.resubmittedAt?.toISOString())).toEqual([afterClose.toISOString()]);
    const audits = await db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, officer.organisationId), eq(auditLog.entityId, sent.id)));
    const summaries = audits.map((a) => a.summary);
    expect(summaries.some((s) => s.includes("returned to the applicant for changes"))).toBe(true);
    expect(summaries.some((s) => s.includes("sent again after changes"))).toBe(true);
  });

  it("needs a reason, a sent application, an officer and the same organisation, and writes nothing otherwise", async () => {
    const db = database.db;
    const sent = await sentApplication("RET-2");
    const noReason = await problemOf(returnApplication(db, officer, testNow, sent.id, { reason: " " }));
    expect(noReason.status).toBe(422);
    expect(noReason.fieldErrors?.reason).toBeTruthy();
    expect((await problemOf(returnApplication(db, group, testNow, sent.id, { reason: "x" }))).status).toBe(
      403,
    );
    expect(
      (await problemOf(returnApplication(db, otherOfficer, testNow, sent.id, { reason: "x" }))).status,
    ).toBe(404);
    expect(await listApplicationReturns(db, officer.organisationId, sent.id)).toHaveLength(0);
    await returnApplication(db, officer, testNow, sent.id, { reason: "Add your accounts" });
    const twice = await problemOf(returnApplication(db, officer, testNow, sent.id, { reason: "Again" }));
    expect(twice.status).toBe(409);
    expect(await listApplicationReturns(db, officer.organisationId, sent.id)).toHaveLength(1);
  });

  it("does not let a first-time submission through after the closing date", async () => {
    const db = database.db;
    const programme = await makeProgramme(db, manager, testNow, { code: "RET-3" });
    const draft = await startApplication(db, group, testNow, programme.id);
    const closed = await problemOf(submitApplication(db, group, new Date("2026-09-01T10:00:00Z"), draft.id));
    expect([409, 422]).toContain(closed.status);
  });
});

describe("the return form on the application page", () => {
  it("has its own field beside the decision's reasons, shows its error there, and returns the application", async () => {
    await addUser(database, manager.organisationId, "officer", "return-officer@example.org");
    const browser = new TestBrowser(await buildTestApp(database));
    await browser.signIn("return-officer@example.org");
    const sent = await sentApplication("RF1");
    const path = `/grants/manage/applications/${sent.id}`;
    const page = await (await browser.get(path)).text();
    expect(page.match(/id="returnReason"/g)).toHaveLength(1);
    expect(page).not.toMatch(/id="reason"[\s\S]*id="reason"/);

    const empty = await browser.post(
      `${path}/return`,
      { returnReason: " " },
      { csrf: await browser.csrfToken(path) },
    );
    expect(empty.status).toBe(422);
    expect(await empty.text()).toMatch(/id="returnReason-error"/);
    expect((await listApplicationReturns(database.db, manager.organisationId, sent.id)).length).toBe(0);

    const done = await browser.post(
      `${path}/return`,
      { returnReason: "Add last year's accounts." },
      { csrf: await browser.csrfToken(path) },
    );
    expect(done.status).toBe(303);
    const returns = await listApplicationReturns(database.db, manager.organisationId, sent.id);
    expect(returns.map((r) => r.reason)).toEqual(["Add last year's accounts."]);
  });
});
