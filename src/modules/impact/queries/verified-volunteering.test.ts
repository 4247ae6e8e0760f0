import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createTheme } from "../../investment/index.ts";
import { makeActiveProject, makePlainTemplate } from "../../investment/testing/projects.ts";
import { hoursRecords } from "../../volunteering/testing/hours-records.ts";
import { computeReportFigures } from "../report/report-figures.ts";
import { reportHtmlDocument } from "../report/report-html.ts";
import { volunteeringLine } from "../report/volunteering-line.ts";
import { computeDashboard } from "./dashboard.ts";

// Verified volunteering hours from the volunteering module's records, worked by hand:
//   rate 2026: £12.00 an hour.
//   V1: 90 min (Medway, verified, May 2026) + 30 min (Kent, verified, June 2026)
//   V2: 60 min (Medway, verified, May 2026) + 120 min (Medway, only submitted: not counted)
//       + 45 min (Medway, verified, December 2025: outside 2026, and 2025 has no rate)
//   2026, all areas: 90 + 30 + 60 = 180 min = 3 hours × £12 = £36.00, 2 volunteers.
//   2026, Medway:    90 + 60      = 150 min = 2.5 hours × £12 = £30.00, 2 volunteers.
// Roles name the investment project they serve: V1's Medway hours name "lunch club " (the Lunch club
// project, wellbeing theme, by name), V1's Kent hours name the Job club project (employability) by its
// id; V2's hours name no project.
//   2026, wellbeing theme:     90 min = 1.5 hours, £18.00, 1 volunteer.
//   2026, employability theme: 30 min = 0.5 hours, £6.00, 1 volunteer.
const medway = "E06000035";
const kent = "E10000016";
const noNeighbourhoods = new Map();

let database: Database;
let manager: Actor;
let lunchClub: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  manager = actorFor(organisationId, "manager");
  const db = database.db;
  await createTheme(db, manager, testNow, { code: "wellbeing", name: "Wellbeing" });
  await createTheme(db, manager, testNow, { code: "employ", name: "Employability" });
  const templateId = await makePlainTemplate(db, manager, testNow);
  const project = (name: string, themeCode: string) =>
    makeActiveProject(db, manager, testNow, { name, themeCodes: [themeCode], changeTemplateId: templateId });
  lunchClub = await project("Lunch club", "wellbeing");
  const jobClub = await project("Job club", "employ");
  // The volunteering module's own commands are not exported to other modules; its tables are filled
  // directly here, as its records would be after hours were logged and verified.
  const records = hoursRecords(database, organisationId);
  const v1 = await records.volunteer("v1");
  const v2 = await records.volunteer("v2");
  const medwayRole = await records.role(medway, "Lunch club helper", "Lunch club");
  const kentRole = await records.role(kent, "Lunch club helper", "Lunch club");
  const hours = (
    volunteerId: string,
    roleId: string,
    laCode: string,
    workedOn: string,
    minutes: number,
    status: string,
    projectRef: string | null = null,
  ) => records.hours({ volunteerId, roleId, laCode, workedOn, minutes, status, projectRef });
  await hours(v1, medwayRole, medway, "2026-05-01", 90, "verified", "lunch club ");
  await hours(v1, kentRole, kent, "2026-06-01", 30, "verified", jobClub);
  await hours(v2, medwayRole, medway, "2026-05-02", 60, "verified");
  await hours(v2, medwayRole, medway, "2026-05-03", 120, "submitted");
  await hours(v2, medwayRole, medway, "2025-12-01", 45, "verified");
  await records.rate2026();
});
afterAll(async () => database.close());

/** The dashboard for a period (and any narrowing), with no neighbourhood facts. */
const dashboard = (filter: Parameters<typeof computeDashboard>[2]) =>
  computeDashboard(database.db, manager, filter, { neighbourhoods: noNeighbourhoods });

describe("verified volunteering on the dashboard and in the report", () => {
  it("counts verified hours only, values them at the year's rate and names the source", async () => {
    const d = await dashboard({ from: "2026-01-01", to: "2026-12-31" });
    expect(d.verifiedVolunteering).toMatchObject({
      volunteers: 2,
      hours: 3,
      valuePence: 3600,
      narrowedByProject: false,
    });
    expect(d.verifiedVolunteering.source).toContain("2026: £12.00 an hour (Test living wage)");
  });

  it("narrows to an area by where the hours were worked", async () => {
    const inMedway = await dashboard({ from: "2026-01-01", to: "2026-12-31", laCode: medway });
    expect(inMedway.verifiedVolunteering).toMatchObject({ volunteers: 2, hours: 2.5, valuePence: 3000 });
  });

  it("narrows to a theme through the project each role names, by name or by id", async () => {
    const filtered = async (filter: { themeCode?: string; projectId?: string; laCode?: string }) =>
      (await dashboard({ from: "2026-01-01", to: "2026-12-31", ...filter })).verifiedVolunteering;
    expect(await filtered({ themeCode: "wellbeing" })).toMatchObject({
      volunteers: 1,
      hours: 1.5,
      valuePence: 1800,
      narrowedByProject: true,
    });
    expect(await filtered({ themeCode: "employ" })).toMatchObject({
      volunteers: 1,
      hours: 0.5,
      valuePence: 600,
    });
    expect(await filtered({ projectId: lunchClub })).toMatchObject({ hours: 1.5, valuePence: 1800 });
    // The lunch club's hours were all worked in Medway, none in Kent.
    expect(await filtered({ themeCode: "wellbeing", laCode: kent })).toMatchObject({
      volunteers: 0,
      hours: 0,
    });
    expect(await filtered({ themeCode: "no-such-theme" })).toMatchObject({
      volunteers: 0,
      hours: 0,
      valuePence: 0,
    });
  });

  it("says on the dashboard line that a theme counts only hours on roles naming its projects", async () => {
    const d = await dashboard({ from: "2026-01-01", to: "2026-12-31", themeCode: "wellbeing" });
    expect(volunteeringLine(d.verifiedVolunteering).source).toContain(
      "Only hours on volunteering roles that name one of these projects",
    );
  });

  it("counts hours in a year without a rate but gives them no value, and names the year", async () => {
    const d = await dashboard({ from: "2025-12-01", to: "2025-12-31" });
    expect(d.verifiedVolunteering).toMatchObject({
      volunteers: 1,
      hours: 0.8,
      valuePence: 0,
      yearsWithoutRate: [2025],
    });
  });

  it("puts the hours, their value and the source in the annual report", async () => {
    // Financial year 2026/27 (1 April 2026 to 31 March 2027) holds all 180 verified minutes of 2026.
    const figures = await computeReportFigures(
      database.db,
      manager,
      { name: "Weald Homes", colour: null },
      2026,
      {
        neighbourhoods: noNeighbourhoods,
      },
    );
    const html = reportHtmlDocument(figures);
    expect(html).toContain("2 volunteers, 3 verified hours, worth £36.00");
    expect(html).toContain("Test living wage");
  });
});
