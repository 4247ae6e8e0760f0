import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { ground7aNoticeDeadline } from "../domain/actions.ts";
import { getCase } from "../queries/get-case.ts";
import { nm01 } from "../queries/nm01.ts";
import { complainant, openHomeCase, submitPortalReport } from "../testing/cases.ts";
import { highRiskAnswers, makeHomes, makePerson, medway } from "../testing/fixtures.ts";
import { closeCase } from "./close-case.ts";
import { openCase } from "./open-case.ts";
import { completeAction, recordAction } from "./record-action.ts";
import { publishRiskMatrix, recordAssessment } from "./record-assessment.ts";
import { recordFurtherReport } from "./record-report.ts";
import { updateSafetySettings } from "./settings.ts";
import { triageReport } from "./triage-report.ts";

let database: Database;
let organisationId: string;
let officer: Actor;
let tenant: Actor;
let homes: string[];
let tenantPersonId: string;

const highAnswers = highRiskAnswers;
const lowAnswers = {
  frequency: "once",
  targeted: "no",
  hate: "no",
  fear: "no",
  health: "no",
  vulnerable: "no",
  children: "no",
  violence: "no",
  "considered-moving": "no",
};

async function count(table: string): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`,
    [organisationId],
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  homes = await makeHomes(database, organisationId, medway, 3, 5000, "Kestrel House");
  tenantPersonId = await makePerson(database, organisationId, "Amina", "Khan", homes[0]);
  officer = actorFor(organisationId, "officer");
  tenant = actorFor(organisationId, "tenant", { personId: tenantPersonId });
});

afterAll(async () => {
  await database.close();
});

describe("case intake", () => {
  it("refuses a case with no parties and writes nothing", async () => {
    const before = await count("safety_case");
    await expect(
      openHomeCase(database, officer, homes[0], { summary: "Loud music", parties: [] }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { parties: expect.stringContaining("at least one party") },
    });
    expect(await count("safety_case")).toBe(before);
  });

  it("refuses a hate incident without its strand", async () => {
    await expect(
      openHomeCase(database, officer, homes[0], { category: "hate-incident", summary: "Graffiti" }),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { hateStrand: "Choose the hate-incident strand" } });
  });

  it("refuses tenants opening cases directly", async () => {
    await expect(openHomeCase(database, tenant, homes[0], { summary: "x" })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("turns a portal report into a case with the reporter as complainant, then attaches further reports and detects the Community Trigger", async () => {
    const report = await submitPortalReport(database, tenant, {
      category: "harassment",
      description: "Shouting at my door",
      happenedOn: "2026-06-10",
      homeId: homes[0],
    });
    expect(report.status).toBe("pending");
    expect(
      await nm01(database.db, officer, { from: "2026-06-01", to: "2026-06-30" }).then((r) => r.total.cases),
    ).toBe(0);
    const { caseId } = await triageReport(database.db, officer, testNow, report.id, {
      decision: "open-case",
      case: { parties: [{ role: "alleged-perpetrator", name: "Neighbour at 3", externalRef: "NB-3" }] },
    });
    if (!caseId) throw new Error("expected a case");
    const second = await submitPortalReport(database, tenant, {
      category: "harassment",
      description: "Again",
      happenedOn: "2026-06-12",
      homeId: homes[0],
    });
    await triageReport(database.db, officer, testNow, second.id, { decision: "attach", caseId });
    let file = await getCase(database.db, officer, testNow, caseId);
    expect(file.parties.map((p) => p.role).sort()).toEqual(["alleged-perpetrator", "complainant"]);
    expect(file.parties.find((p) => p.role === "complainant")?.personId).toBe(tenantPersonId);
    expect(file.triggerReviews).toHaveLength(0);
    await recordFurtherReport(database.db, officer, testNow, caseId, {
      reportedOn: "2026-06-14",
      description: "Third time",
    });
    file = await getCase(database.db, officer, testNow, caseId);
    expect(file.triggerReviews).toHaveLength(1);
    expect(file.triggerReviews[0]).toMatchObject({ qualifyingReports: 3, status: "threshold-met" });
    expect(file.parties.find((p) => p.role === "complainant")?.repeatVictim).toBe(true);
    // One NM01 case, not three.
    expect(
      await nm01(database.db, officer, { from: "2026-06-01", to: "2026-06-30" }).then((r) => r.total.cases),
    ).toBe(1);
  });

  it("closes a report as not ASB only with a reason, and refuses a second triage", async () => {
    const report = await submitPortalReport(database, tenant, {
      category: "household-noise",
      description: "Footsteps",
      happenedOn: "2026-06-10",
      homeId: homes[0],
    });
    await expect(
      triageReport(database.db, officer, testNow, report.id, { decision: "not-asb", reason: " " }),
    ).rejects.toMatchObject({ status: 422 });
    await triageReport(database.db, officer, testNow, report.id, {
      decision: "not-asb",
      reason: "Everyday living noise",
    });
    await expect(
      triageReport(database.db, officer, testNow, report.id, { decision: "not-asb", reason: "again" }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("shows possibly related open cases at the same block", async () => {
    const first = await openHomeCase(database, officer, homes[1], {
      category: "drugs",
      summary: "Smell",
      openedOn: "2026-06-02",
      parties: [complainant("B")],
    });
    const file = await getCase(database.db, officer, testNow, first.id);
    expect(file.related.length).toBeGreaterThan(0);
    expect(file.related[0]?.reasons).toContain("same block");
  });

  it("does not show another organisation's case", async () => {
    const other = await makeOrganisation(database.db, "Elsewhere");
    const created = await openCase(database.db, officer, testNow, {
      category: "noise",
      locationType: "open-space",
      locationDescription: "Park",
      laCode: medway,
      summary: "x",
      openedOn: "2026-06-01",
      parties: [{ role: "complainant", name: "C" }],
    });
    await expect(
      getCase(database.db, actorFor(other.id, "manager"), testNow, created.id),
    ).rejects.toMatchObject({ status: 404 });
    await expect(getCase(database.db, officer, testNow, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
  });
});

describe("risk and actions", () => {
  it("scores with the versioned matrix, puts high risk on a review plan, and shows the change on reassessment", async () => {
    const created = await openHomeCase(database, officer, homes[2], {
      category: "harassment",
      summary: "Threats",
      parties: [complainant("D")],
    });
    await expect(
      recordAssessment(database.db, officer, testNow, created.id, {
        answers: { ...highAnswers, frequency: "hourly" },
      }),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { frequency: expect.any(String) } });
    const high = await recordAssessment(database.db, officer, testNow, created.id, { answers: highAnswers });
    expect(high).toMatchObject({
      band: "high",
      computedBand: "high",
      score: 14,
      matrixVersion: 1,
      nextReviewOn: "2026-06-29",
    });
    let file = await getCase(database.db, officer, testNow, created.id);
    expect(file.record.status).toBe("action-plan");
    const review = file.actions.find((a) => a.actionType === "risk-review");
    expect(review?.dueOn).toBe("2026-06-29");
    await expect(
      recordAssessment(database.db, officer, testNow, created.id, {
        answers: lowAnswers,
        overrideBand: "medium",
      }),
    ).rejects.toMatchObject({ fieldErrors: { overrideReason: expect.any(String) } });
    await recordAssessment(database.db, officer, testNow, created.id, {
      answers: lowAnswers,
      overrideBand: "medium",
      overrideReason: "Victim is isolated",
    });
    file = await getCase(database.db, officer, testNow, created.id);
    expect(file.assessments.map((a) => [a.computedBand, a.band])).toEqual([
      ["high", "high"],
      ["standard", "medium"],
    ]);
    if (review) await completeAction(database.db, officer, testNow, created.id, review.id);
    file = await getCase(database.db, officer, testNow, created.id);
    // The latest band is medium now, so no further high-risk review is scheduled.
    expect(file.actions.filter((a) => a.actionType === "risk-review" && a.status === "open")).toHaveLength(0);
  });

  it("records a Ground 7A possession order with its notice deadline", async () => {
    const created = await openHomeCase(database, officer, homes[2], {
      category: "drugs",
      summary: "Dealing",
      parties: [{ role: "alleged-perpetrator", name: "E" }],
    });
    await expect(
      recordAction(database.db, officer, testNow, created.id, {
        actionType: "possession-order",
        details: { grounds: "7A", ground7aCondition: "serious-offence" },
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { "details.triggeredOn": expect.any(String) },
    });
    const action = await recordAction(database.db, officer, testNow, created.id, {
      actionType: "possession-order",
      details: { grounds: "Ground 7A", ground7aCondition: "serious-offence", triggeredOn: "2026-03-10" },
    });
    expect(action.details.noticeDeadline).toBe("2027-03-09");
    expect(action.dueOn).toBe("2027-03-09");
    const file = await getCase(database.db, officer, testNow, created.id);
    expect(file.record.status).toBe("legal");
  });

  it("computes Ground 7A deadlines: 12 months for convictions, 3 months for closure orders", () => {
    expect(ground7aNoticeDeadline("injunction-breach", "2025-01-31")).toBe("2026-01-30");
    expect(ground7aNoticeDeadline("closure-order", "2025-11-30")).toBe("2026-02-27");
    expect(ground7aNoticeDeadline("cbo-breach", "2024-02-29")).toBe("2025-02-27");
  });

  it("counts a report after closure as a new case, not an attachment", async () => {
    const created = await openHomeCase(database, officer, homes[2], {
      summary: "Music",
      parties: [complainant("F")],
    });
    await closeCase(database.db, officer, testNow, created.id, {
      outcome: "resolved",
      reason: "Music stopped",
      closedOn: "2026-06-05",
    });
    await expect(
      recordFurtherReport(database.db, officer, testNow, created.id, {
        reportedOn: "2026-06-10",
        description: "Again",
      }),
    ).rejects.toMatchObject({ status: 409 });
    const report = await submitPortalReport(database, tenant, {
      category: "noise",
      description: "Music again",
      happenedOn: "2026-06-10",
      homeId: homes[2],
    });
    await expect(
      triageReport(database.db, officer, testNow, report.id, { decision: "attach", caseId: created.id }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("configuration", () => {
  it("scores new assessments with a newly published matrix version and keeps old ones on theirs", async () => {
    const manager = actorFor(organisationId, "manager");
    await expect(
      publishRiskMatrix(database.db, officer, testNow, { name: "x", definition: {} }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      publishRiskMatrix(database.db, manager, testNow, { name: "Bad", definition: { questions: [] } }),
    ).rejects.toMatchObject({ status: 422 });
    const published = await publishRiskMatrix(database.db, manager, testNow, {
      name: "Short matrix",
      definition: {
        questions: [
          {
            key: "fear",
            text: "Afraid?",
            options: [
              { value: "no", text: "No", weight: 0 },
              { value: "yes", text: "Yes", weight: 10 },
            ],
          },
        ],
        bands: { medium: 5, high: 10 },
        reviewDays: { standard: 30, medium: 20, high: 7 },
      },
    });
    expect(published.version).toBe(2);
    const created = await openHomeCase(database, officer, homes[2], {
      category: "harassment",
      summary: "Threats",
      parties: [complainant("G")],
    });
    const assessed = await recordAssessment(database.db, officer, testNow, created.id, {
      answers: { fear: "yes" },
    });
    expect(assessed).toMatchObject({ matrixVersion: 2, band: "high", nextReviewOn: "2026-06-22" });
  });

  it("changes thresholds within limits only", async () => {
    const manager = actorFor(organisationId, "manager");
    await expect(
      updateSafetySettings(database.db, manager, testNow, { triggerMinReports: 0 }),
    ).rejects.toMatchObject({ status: 422 });
    const updated = await updateSafetySettings(database.db, manager, testNow, { triggerMinReports: 5 });
    expect(updated).toMatchObject({ triggerMinReports: 5, repeatMinIncidents: 3 });
  });
});
