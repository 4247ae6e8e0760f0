import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { hoursRecords } from "../testing/hours-records.ts";
import { volunteeringByProject } from "./hours-by-project.ts";

// A small data set worked by hand. Rate for 2026: £12.00 an hour; none for 2025.
//   V1: 60 min "Lunch Club" (Medway, 2026-05-01) + 30 min " lunch club " (Kent, 2026-06-01)
//   V2: 90 min "Job club" (Medway, 2026-05-02) + 45 min "Lunch Club" (only submitted: never counted)
//   V3: 120 min naming no project (Medway, 2026-07-01) + 30 min "Lunch Club" (Medway, 2025-12-01)
// 2026, everything: 60 + 30 + 90 + 120 = 300 min = 5 hours, £60.00, 3 volunteers.
//   by project: no project 120 min (V3, £24); Job club 90 (V2, £18); lunch club 90 (V1, £18).
const medway = "E06000035";
const kent = "E10000016";
const year2026 = { from: "2026-01-01", to: "2026-12-31" };

let database: Database;
let organisationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  const records = hoursRecords(database, organisationId);
  const roleId = await records.role(medway, "Helper", "Club");
  const hours = (
    volunteerId: string,
    projectRef: string | null,
    laCode: string,
    workedOn: string,
    minutes: number,
    status = "verified",
  ) => records.hours({ volunteerId, roleId, laCode, workedOn, minutes, status, projectRef });
  const [v1, v2, v3] = [
    await records.volunteer("v1"),
    await records.volunteer("v2"),
    await records.volunteer("v3"),
  ];
  await hours(v1, "Lunch Club", medway, "2026-05-01", 60);
  await hours(v1, " lunch club ", kent, "2026-06-01", 30);
  await hours(v2, "Job club", medway, "2026-05-02", 90);
  await hours(v2, "Lunch Club", medway, "2026-05-03", 45, "submitted");
  await hours(v3, null, medway, "2026-07-01", 120);
  await hours(v3, "Lunch Club", medway, "2025-12-01", 30);
  await records.rate2026();
});
afterAll(async () => database.close());

describe("verified volunteering hours by investment project", () => {
  it("splits a year's verified hours by the project each role names, references compared without case", async () => {
    const result = await volunteeringByProject(database.db, organisationId, year2026);
    expect(result.total).toEqual({ minutes: 300, hours: 5, valuePence: 6000, activeVolunteers: 3 });
    expect(
      result.byProject.map((line) => [
        line.projectRef?.toLowerCase() ?? null,
        line.minutes,
        line.valuePence,
        line.activeVolunteers,
      ]),
    ).toEqual([
      [null, 120, 2400, 1],
      ["job club", 90, 1800, 1],
      ["lunch club", 90, 1800, 1],
    ]);
  });

  it("narrows to chosen projects and counts a volunteer once across them", async () => {
    const both = await volunteeringByProject(database.db, organisationId, {
      ...year2026,
      projectRefs: ["LUNCH CLUB", "job club "],
    });
    // 60 + 30 + 90 = 180 min = 3 hours, £36.00; V1 and V2.
    expect(both.total).toEqual({ minutes: 180, hours: 3, valuePence: 3600, activeVolunteers: 2 });
    const lunchInMedway = await volunteeringByProject(database.db, organisationId, {
      ...year2026,
      projectRefs: ["lunch club"],
      laCode: medway,
    });
    expect(lunchInMedway.total).toEqual({ minutes: 60, hours: 1, valuePence: 1200, activeVolunteers: 1 });
  });

  it("matches nothing for an empty list of projects", async () => {
    const none = await volunteeringByProject(database.db, organisationId, { ...year2026, projectRefs: [] });
    expect(none.total).toEqual({ minutes: 0, hours: 0, valuePence: 0, activeVolunteers: 0 });
    expect(none.byProject).toEqual([]);
  });

  it("counts hours in a year without a rate but gives them no value, and names the year", async () => {
    const december = await volunteeringByProject(database.db, organisationId, {
      from: "2025-12-01",
      to: "2025-12-31",
      projectRefs: ["Lunch Club"],
    });
    expect(december.total).toEqual({ minutes: 30, hours: 0.5, valuePence: 0, activeVolunteers: 1 });
    expect(december.yearsWithoutRate).toEqual([2025]);
    expect(december.rates).toEqual([{ year: 2026, ratePence: 1200, source: "Test living wage" }]);
  });

  it("refuses a period that ends before it starts, with a message a person can act on", async () => {
    await expect(
      volunteeringByProject(database.db, organisationId, { from: "2026-12-31", to: "2026-01-01" }),
    ).rejects.toMatchObject({
      status: 422,
      detail: expect.stringContaining("start date on or before the end date"),
    });
  });
});
