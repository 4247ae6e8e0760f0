import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { loadSafetyConfiguration } from "../domain/configuration.ts";
import { getCase } from "../queries/get-case.ts";
import { submitPortalReport } from "../testing/cases.ts";
import { makeHomes, medway } from "../testing/fixtures.ts";
import { saveCategory, saveWorkflowStatuses } from "./configuration.ts";
import { openCase } from "./open-case.ts";
import { recordAction } from "./record-action.ts";
import { recordFurtherReport } from "./record-report.ts";
import { updateSafetySettings } from "./settings.ts";
import { changeStatus } from "./update-case.ts";

let database: Database;
let organisationId: string;
let otherOrganisationId: string;
let officer: Actor;
let manager: Actor;
let otherOfficer: Actor;
let homes: string[];
let otherHomes: string[];

const noiseCase = (homeId: string, openedOn = "2026-06-01") => ({
  category: "noise",
  locationType: "home" as const,
  homeId,
  summary: "Loud music at night",
  openedOn,
  parties: [{ role: "complainant" as const, name: "Ola Bello" }],
});

async function countRows(table: string, orgId = organisationId): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`,
    [orgId],
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  otherOrganisationId = (await makeOrganisation(database.db, "Other Homes")).id;
  homes = await makeHomes(database, organisationId, medway, 4, 7000, "Heron Court");
  otherHomes = await makeHomes(database, otherOrganisationId, medway, 2, 7100, "Swan Court");
  officer = actorFor(organisationId, "officer");
  manager = actorFor(organisationId, "manager");
  otherOfficer = actorFor(otherOrganisationId, "officer");
});

afterAll(async () => {
  await database.close();
});

describe("per-organisation community safety configuration", () => {
  it("gives a new organisation the default categories and workflow target days before it changes anything", async () => {
    const configuration = await loadSafetyConfiguration(database.db, otherOrganisationId);
    expect(configuration.categories.map((c) => c.code)).toContain("noise");
    expect(configuration.statuses.asb[0]).toMatchObject({ code: "open", targetDays: 5 });
    const created = await openCase(database.db, otherOfficer, testNow, noiseCase(otherHomes[0] as string));
    expect(created.statusDueOn).toBe("2026-06-06");
    expect(await countRows("safety_category", otherOrganisationId)).toBe(0);
  });

  it("uses a changed workflow target day for new cases and status changes, in that organisation only", async () => {
    await saveWorkflowStatuses(database.db, manager, testNow, "asb", [
      { code: "open", name: "Open: assessing", targetDays: 10 },
      { code: "investigating", name: "Investigating", targetDays: 3 },
      { code: "legal", name: "Legal action", targetDays: null },
      { code: "closed", name: "Closed", targetDays: null },
    ]);
    const created = await openCase(database.db, officer, testNow, noiseCase(homes[0] as string));
    expect(created.statusDueOn).toBe("2026-06-11");
    await changeStatus(database.db, officer, testNow, created.id, { status: "investigating" });
    const file = await getCase(database.db, officer, testNow, created.id);
    // testNow is 2026-06-15 in London.
    expect(file.record.statusDueOn).toBe("2026-06-18");
    await expect(
      changeStatus(database.db, officer, testNow, created.id, { status: "action-plan" }),
    ).rejects.toMatchObject({ status: 422 });
    const other = await openCase(database.db, otherOfficer, testNow, noiseCase(otherHomes[1] as string));
    expect(other.statusDueOn).toBe("2026-06-06");
  });

  it("refuses workflow statuses that would break cases, writing nothing", async () => {
    const inUse = await openCase(database.db, officer, testNow, noiseCase(homes[1] as string));
    await changeStatus(database.db, officer, testNow, inUse.id, { status: "investigating" });
    const before = await loadSafetyConfiguration(database.db, organisationId);
    await expect(
      saveWorkflowStatuses(database.db, manager, testNow, "asb", [
        { code: "open", name: "Open", targetDays: 5 },
        { code: "closed", name: "Closed", targetDays: null },
      ]),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { form: expect.stringContaining("investigating") } });
    await expect(
      saveWorkflowStatuses(database.db, manager, testNow, "asb", [
        { code: "investigating", name: "Investigating", targetDays: 0 },
        { code: "closed", name: "Closed", targetDays: null },
      ]),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { "0.code": "The first status must be open", "0.targetDays": expect.any(String) },
    });
    await expect(
      saveWorkflowStatuses(database.db, officer, testNow, "asb", before.statuses.asb),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      saveWorkflowStatuses(database.db, manager, testNow, "no-such-workflow", before.statuses.asb),
    ).rejects.toMatchObject({ status: 404 });
    expect((await loadSafetyConfiguration(database.db, organisationId)).statuses.asb).toEqual(
      before.statuses.asb,
    );
  });

  it("uses a changed action target day for the action's due date", async () => {
    const created = await openCase(database.db, officer, testNow, noiseCase(homes[2] as string));
    const before = await recordAction(database.db, officer, testNow, created.id, {
      actionType: "advice",
      startedOn: "2026-06-15",
    });
    expect(before.dueOn).toBe("2026-06-20");
    await expect(
      updateSafetySettings(database.db, manager, testNow, { actionTargetDays: { advice: 0 } }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      updateSafetySettings(database.db, manager, testNow, { actionTargetDays: { "made-up": 3 } }),
    ).rejects.toMatchObject({ status: 422 });
    const settings = await updateSafetySettings(database.db, manager, testNow, {
      actionTargetDays: { advice: 2 },
    });
    expect(settings.actionTargetDays).toMatchObject({ advice: 2, warning: 5 });
    const after = await recordAction(database.db, officer, testNow, created.id, {
      actionType: "advice",
      startedOn: "2026-06-15",
    });
    expect(after.dueOn).toBe("2026-06-17");
  });

  it("detects the Community Trigger at the organisation's own threshold", async () => {
    await updateSafetySettings(database.db, manager, testNow, { triggerMinReports: 2 });
    const created = await openCase(
      database.db,
      officer,
      testNow,
      noiseCase(homes[3] as string, "2026-06-02"),
    );
    expect((await getCase(database.db, officer, testNow, created.id)).triggerReviews).toHaveLength(0);
    await recordFurtherReport(database.db, officer, testNow, created.id, {
      reportedOn: "2026-06-05",
      description: "Again last night",
    });
    const file = await getCase(database.db, officer, testNow, created.id);
    expect(file.triggerReviews).toHaveLength(1);
    expect(file.triggerReviews[0]).toMatchObject({ qualifyingReports: 2 });
    // The other organisation still needs three.
    const other = await openCase(
      database.db,
      otherOfficer,
      testNow,
      noiseCase(otherHomes[0] as string, "2026-06-02"),
    );
    await recordFurtherReport(database.db, otherOfficer, testNow, other.id, {
      reportedOn: "2026-06-05",
      description: "Again",
    });
    expect((await getCase(database.db, otherOfficer, testNow, other.id)).triggerReviews).toHaveLength(0);
  });

  it("adds a category that new cases use, and retires one without breaking its existing cases", async () => {
    const code = await saveCategory(database.db, manager, testNow, null, {
      name: "Car cruising",
      workflow: "asb",
      nsirType: "nuisance",
      countsAsAsb: true,
      subCategories: ["Racing", "Revving", "Racing"],
    });
    expect(code).toBe("car-cruising");
    const cruising = await openCase(database.db, officer, testNow, {
      ...noiseCase(homes[0] as string),
      category: code,
    });
    expect(cruising).toMatchObject({ category: "car-cruising", workflow: "asb", countsAsAsb: true });
    await saveCategory(database.db, manager, testNow, "car-cruising", {
      name: "Car cruising",
      workflow: "asb",
      nsirType: "nuisance",
      countsAsAsb: true,
      subCategories: ["Racing"],
      retired: true,
    });
    await expect(
      openCase(database.db, officer, testNow, { ...noiseCase(homes[0] as string), category: code }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { category: expect.not.stringContaining("car-cruising") },
    });
    await expect(
      submitPortalReport(database, actorFor(organisationId, "tenant"), {
        category: code,
        description: "Cars racing",
        happenedOn: "2026-06-10",
        locationDescription: "Car park",
      }),
    ).rejects.toMatchObject({ status: 422 });
    // The existing case still works.
    await changeStatus(database.db, officer, testNow, cruising.id, { status: "investigating" });
    const file = await getCase(database.db, officer, testNow, cruising.id);
    expect(file.record.status).toBe("investigating");
    const configuration = await loadSafetyConfiguration(database.db, organisationId);
    expect(configuration.categories.find((c) => c.code === code)).toMatchObject({ retired: true });
    // The other organisation never had it.
    await expect(
      openCase(database.db, otherOfficer, testNow, { ...noiseCase(otherHomes[0] as string), category: code }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("refuses a duplicate category name and an officer's change", async () => {
    const input = { name: "Noise", workflow: "asb", nsirType: "nuisance", countsAsAsb: true } as const;
    await expect(saveCategory(database.db, manager, testNow, null, input)).rejects.toMatchObject({
      status: 422,
      fieldErrors: { name: expect.any(String) },
    });
    await expect(saveCategory(database.db, officer, testNow, "noise", input)).rejects.toMatchObject({
      status: 403,
    });
    await expect(saveCategory(database.db, manager, testNow, "nope", input)).rejects.toMatchObject({
      status: 404,
    });
  });
});
