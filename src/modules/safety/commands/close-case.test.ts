import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { getCase } from "../queries/get-case.ts";
import { satisfactionSummary } from "../queries/satisfaction.ts";
import { openHomeCase } from "../testing/cases.ts";
import { makeHomes, makePerson, medway } from "../testing/fixtures.ts";
import { closeCase } from "./close-case.ts";
import { recordAction } from "./record-action.ts";
import { recordSatisfaction } from "./record-satisfaction.ts";
import { reopenCase } from "./reopen-case.ts";

// Closing is a reviewed step: open actions decided one by one, a reason and an outcome, a TSM
// satisfaction check to the complainant; and a case can be reopened with a reason.

let database: Database;
let officer: Actor;
let tenant: Actor;
let homeId: string;
let personId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 3300);
  personId = await makePerson(database, organisationId, "Ruth", "Ashby", homeId);
  officer = actorFor(organisationId, "officer");
  tenant = actorFor(organisationId, "tenant", { personId });
});
afterAll(async () => database.close());

async function caseWithActions() {
  const created = await openHomeCase(database, officer, homeId, {
    summary: "Music",
    parties: [{ role: "complainant", personId }],
  });
  const advice = await recordAction(database.db, officer, testNow, created.id, { actionType: "advice" });
  const review = await recordAction(database.db, officer, testNow, created.id, { actionType: "risk-review" });
  return { id: created.id, advice: advice.id, review: review.id };
}

/** Closes the case with every listed action completed. */
const closeAllDone = (id: string, actionIds: string[]) =>
  closeCase(database.db, officer, testNow, id, {
    outcome: "resolved",
    reason: "Done",
    actions: Object.fromEntries(actionIds.map((actionId) => [actionId, { decision: "completed" as const }])),
  });

const emailsTo = (recipient: string) =>
  database.query<{ subject: string; body: string }>(
    "SELECT subject, body FROM outbound_message WHERE recipient = $1",
    [recipient],
  );

describe("closing a case", () => {
  it("refuses to close while an open action is undecided, and writes nothing", async () => {
    const { id, advice, review } = await caseWithActions();
    const problem = await problemOf(
      closeCase(database.db, officer, testNow, id, {
        outcome: "resolved",
        reason: "Music stopped",
        actions: { [advice]: { decision: "completed" } },
      }),
    );
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors).toEqual({
      [`action-${review}`]: "Choose whether Risk review was completed or cancelled",
    });
    const file = await getCase(database.db, officer, testNow, id);
    expect(file.record.closedOn).toBeNull();
    expect(file.actions.map((a) => a.status)).toEqual(["open", "open"]);
    expect(
      await satisfactionSummary(database.db, officer, { from: "2026-01-01", to: "2026-12-31" }),
    ).toMatchObject({
      asked: 0,
    });
  });

  it("asks why a cancelled action was cancelled, and why the case is closing", async () => {
    const { id, advice, review } = await caseWithActions();
    const problem = await problemOf(
      closeCase(database.db, officer, testNow, id, {
        outcome: "resolved",
        reason: " ",
        actions: { [advice]: { decision: "completed" }, [review]: { decision: "cancelled" } },
      }),
    );
    expect(problem.fieldErrors).toEqual({ reason: "Enter why the case is closing" });
    const second = await problemOf(
      closeCase(database.db, officer, testNow, id, {
        outcome: "resolved",
        reason: "Music stopped",
        actions: { [advice]: { decision: "completed" }, [review]: { decision: "cancelled" } },
      }),
    );
    expect(second.fieldErrors).toEqual({ [`actionReason-${review}`]: "Enter why Risk review was cancelled" });
  });

  it("records each action's decision, the reason and outcome, and emails the complainant the TSM question", async () => {
    const { id, advice, review } = await caseWithActions();
    const result = await closeCase(database.db, officer, testNow, id, {
      outcome: "resolved",
      reason: "Music stopped after the warning",
      actions: {
        [advice]: { decision: "completed" },
        [review]: { decision: "cancelled", reason: "No longer needed" },
      },
    });
    expect(result).toEqual({ satisfactionChecks: 1, emailed: 1 });
    const file = await getCase(database.db, officer, testNow, id);
    expect(file.record).toMatchObject({
      status: "closed",
      closureOutcome: "resolved",
      closureReason: "Music stopped after the warning",
    });
    expect(file.actions.map((a) => [a.status, a.closedReason])).toEqual([
      ["done", null],
      ["cancelled", "No longer needed"],
    ]);
    const [email] = await emailsTo("ruth.ashby@example.org");
    expect(email?.body).toContain(
      "How satisfied or dissatisfied are you with your landlord's approach to handling anti-social behaviour?",
    );
  });

  it("takes the complainant's answer once, and reports answers by count", async () => {
    const { id, advice, review } = await caseWithActions();
    await closeAllDone(id, [advice, review]);
    expect((await problemOf(recordSatisfaction(database.db, tenant, testNow, id, "delighted"))).status).toBe(
      422,
    );
    await recordSatisfaction(database.db, tenant, testNow, id, "fairly-satisfied");
    expect(
      (await problemOf(recordSatisfaction(database.db, tenant, testNow, id, "very-dissatisfied"))).status,
    ).toBe(409);
    const someoneElse = actorFor(officer.organisationId, "tenant", { personId: officer.organisationId });
    expect(
      (await problemOf(recordSatisfaction(database.db, someoneElse, testNow, id, "neither"))).status,
    ).toBe(404);
    const board = actorFor(officer.organisationId, "read-only");
    const summary = await satisfactionSummary(database.db, board, { from: "2026-06-01", to: "2026-06-30" });
    expect(summary.answered).toBe(1);
    expect(summary.counts.find((row) => row.answer === "fairly-satisfied")?.count).toBe(1);
    expect(summary.satisfiedPercent).toBe(100);
    expect(
      (await problemOf(satisfactionSummary(database.db, tenant, { from: "2026-06-01", to: "2026-06-30" })))
        .status,
    ).toBe(403);
  });

  it("reopens a closed case with a reason on the timeline, and refuses to reopen an open one", async () => {
    const { id, advice, review } = await caseWithActions();
    expect((await problemOf(reopenCase(database.db, officer, testNow, id, { reason: "Again" }))).status).toBe(
      409,
    );
    await closeAllDone(id, [advice, review]);
    expect(
      (await problemOf(reopenCase(database.db, officer, testNow, id, { reason: "" }))).fieldErrors,
    ).toEqual({
      reason: "Enter why the case is reopening",
    });
    await reopenCase(database.db, officer, testNow, id, { reason: "The music started again" });
    const file = await getCase(database.db, officer, testNow, id);
    expect(file.record).toMatchObject({ status: "open", closedOn: null, closureOutcome: null });
    expect(file.timeline[0]).toMatchObject({ title: "Case reopened", body: "The music started again" });
    const [audit] = await database.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_id = $1 AND summary LIKE 'Reopened%'",
      [id],
    );
    expect(audit?.summary).toContain("Reopened case");
  });
});
