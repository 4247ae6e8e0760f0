import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, problemOf } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { importCaseRows, importOtherLandlordCase, openTwoLandlords } from "../testing/case-import.ts";
import { maidstone, makeHomesWith, medway } from "../testing/fixtures.ts";
import { hotSpots, previousPeriod } from "./hot-spots.ts";

let database: Database;
let organisationId: string;

const medway015A = "E01016016";
const medway015B = "E01016017";
const maidstone003A = "E01024320";

async function homesIn(orgId: string, laCode: string, lsoa21Code: string, count: number, uprnStart: number) {
  await makeHomesWith(database, orgId, count, uprnStart, { laCode, lsoa21Code, blockName: "" });
}

beforeAll(async () => {
  let otherId: string;
  ({ database, organisationId, otherOrganisationId: otherId } = await openTwoLandlords());
  await homesIn(organisationId, medway, medway015A, 2, 1000);
  await homesIn(organisationId, medway, medway015B, 4, 1002);
  await homesIn(organisationId, maidstone, maidstone003A, 5, 2000);
  await homesIn(otherId, medway, medway015A, 1, 1000);
  await importCaseRows(database, organisationId, [
    "H-1,2025-05-01,,noise,,1000,P1:complainant,2025-05-01;2025-05-20",
    "H-2,2025-01-10,,harassment,,1002,P2:complainant,2025-01-10;2025-06-01",
    // Everyday household noise is not ASB: left out unless chosen.
    "H-3,2025-07-01,,household-noise,,1001,P3:complainant,2025-07-01",
    "H-4,2025-08-01,,drugs,,2000,P4:complainant,2025-08-01;2025-08-02;2025-08-03",
    "H-5,2024-12-01,2024-12-15,drugs,,2001,P5:complainant,2024-12-01",
    // Before both periods.
    "H-6,2024-01-01,2024-02-01,noise,,2002,P6:complainant,2024-01-01",
  ]);
  await importOtherLandlordCase(database, otherId, ["2025-05-01", "2025-05-02", "2025-05-03"]);
});

afterAll(async () => {
  await database.close();
});

const period = { from: "2025-04-01", to: "2025-09-30" };

describe("ASB hot spots", () => {
  it("compares with the period of the same length just before", () => {
    expect(previousPeriod("2025-04-01", "2025-09-30")).toEqual({ from: "2024-09-30", to: "2025-03-31" });
    expect(previousPeriod("2025-01-01", "2025-01-01")).toEqual({ from: "2024-12-31", to: "2024-12-31" });
  });

  it("ranks neighbourhoods by reports per 1,000 homes, with the change on the period before", async () => {
    const spots = await hotSpots(database.db, actorFor(organisationId, "read-only"), period);
    // 015A: 2 reports / 2 homes = 1,000; Maidstone 003A: 3 / 5 = 600 (before 1 / 5 = 200);
    // 015B: 1 / 4 = 250 both periods. H-3 (household noise), H-6 and the other landlord's reports are out.
    expect(
      spots.neighbourhoods.map((n) => [
        n.code,
        n.homes,
        n.reports,
        n.previousReports,
        n.per1000Homes,
        n.change,
      ]),
    ).toEqual([
      [medway015A, 2, 2, 0, 1000, 1000],
      [maidstone003A, 5, 3, 1, 600, 400],
      [medway015B, 4, 1, 1, 250, 0],
    ]);
    expect(spots.neighbourhoods[0]).toMatchObject({ name: "Medway 015A", laName: "Medway" });
    expect(spots.previousFrom).toBe("2024-09-30");
  });

  it("ranks districts the same way", async () => {
    const spots = await hotSpots(database.db, actorFor(organisationId, "officer"), period);
    // Maidstone 3 / 5 = 600; Medway 3 / 6 = 500.
    expect(spots.districts.map((d) => [d.code, d.homes, d.reports, d.per1000Homes])).toEqual([
      [maidstone, 5, 3, 600],
      [medway, 6, 3, 500],
    ]);
    expect(spots.unplaced).toEqual({ reports: 0, previousReports: 0 });
  });

  it("narrows to one category", async () => {
    const spots = await hotSpots(database.db, actorFor(organisationId, "officer"), {
      ...period,
      category: "drugs",
    });
    expect(spots.category).toEqual({ code: "drugs", name: "Drugs" });
    expect(spots.neighbourhoods.filter((n) => n.reports > 0).map((n) => [n.code, n.reports])).toEqual([
      [maidstone003A, 3],
    ]);
  });

  it("refuses an unknown category or a back-to-front period, and people who are not staff", async () => {
    const officer = actorFor(organisationId, "officer");
    expect((await problemOf(hotSpots(database.db, officer, { ...period, category: "nope" }))).status).toBe(
      422,
    );
    expect(
      (await problemOf(hotSpots(database.db, officer, { from: "2025-09-30", to: "2025-04-01" }))).status,
    ).toBe(422);
    expect((await problemOf(hotSpots(database.db, actorFor(organisationId, "tenant"), period))).status).toBe(
      403,
    );
  });
});
