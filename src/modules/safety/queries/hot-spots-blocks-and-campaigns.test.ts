import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, problemOf, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { markHotSpotCampaign } from "../commands/mark-hot-spot-campaign.ts";
import { importCaseRows, openTwoLandlords } from "../testing/case-import.ts";
import { maidstone, makeHomesWith, medway } from "../testing/fixtures.ts";
import { hotSpots } from "./hot-spots.ts";
import { postcodeSector } from "./hot-spots-blocks.ts";
import { hotSpotCampaign, listHotSpotCampaigns } from "./hot-spots-campaigns.ts";

let database: Database;
let organisationId: string;
let otherId: string;

const medway015A = "E01016016";
const maidstone003A = "E01024320";
const nelsonMedway = `${medway}:ME4 4:nelson house`;

async function block(
  orgId: string,
  at: { laCode: string; lsoa21Code: string; postcode: string; blockName: string },
  count: number,
  uprnStart: number,
) {
  await makeHomesWith(
    database,
    orgId,
    count,
    uprnStart,
    { bedrooms: "1", ...at },
    (_uprn, i) => `Flat ${i + 1}`,
  );
}

beforeAll(async () => {
  ({ database, organisationId, otherOrganisationId: otherId } = await openTwoLandlords());
  const medwayAt = { laCode: medway, lsoa21Code: medway015A };
  // Nelson House, Medway: 12 flats on ME4 4AA and 2 more written differently on ME4 4AB (same sector).
  await block(organisationId, { ...medwayAt, postcode: "ME4 4AA", blockName: "Nelson House" }, 12, 3000);
  await block(organisationId, { ...medwayAt, postcode: "me44ab", blockName: "NELSON  HOUSE" }, 2, 3012);
  // A block of the same name in Maidstone is another block.
  const maidstoneAt = { laCode: maidstone, lsoa21Code: maidstone003A, blockName: "Nelson House" };
  await block(organisationId, { ...maidstoneAt, postcode: "ME15 6AA" }, 10, 4000);
  // Kent Court has 4 flats: too few for a rate.
  await block(organisationId, { ...medwayAt, postcode: "ME1 1AA", blockName: "Kent Court" }, 4, 5000);
  await block(otherId, { ...medwayAt, postcode: "ME4 4AA", blockName: "Nelson House" }, 12, 3000);
  await importCaseRows(database, organisationId, [
    "B-1,2025-05-01,,noise,,3000,P1:complainant,2025-05-01;2025-06-01",
    "B-2,2025-01-10,2025-02-01,harassment,,3001,P2:complainant,2025-01-10",
    "B-3,2025-07-01,,drugs,,3013,P3:complainant,2025-07-01",
    // Everyday household noise is not ASB.
    "B-4,2025-07-02,,household-noise,,3002,P4:complainant,2025-07-02",
    "B-5,2025-08-01,,noise,,4000,P5:complainant,2025-08-01",
    "B-6,2025-09-20,,noise,,5000,P6:complainant,2025-09-20;2025-09-21",
  ]);
  await importCaseRows(
    database,
    otherId,
    ["X-1,2025-05-01,,noise,,3000,Q1:complainant,2025-05-01;2025-05-02;2025-05-03"],
    "other.csv",
  );
});

afterAll(async () => {
  await database.close();
});

const period = { from: "2025-04-01", to: "2025-09-30" };

describe("ASB hot spots by block", () => {
  it("reads the postcode sector from a postcode however it is written", () => {
    expect(postcodeSector("ME4 4AA")).toBe("ME4 4");
    expect(postcodeSector("me154ab")).toBe("ME15 4");
    expect(postcodeSector("SW1A 1AA")).toBe("SW1A 1");
  });

  it("ranks blocks by reports per 1,000 homes and gives small blocks their counts but no rate", async () => {
    const spots = await hotSpots(database.db, actorFor(organisationId, "read-only"), period);
    // Nelson House, Medway: 3 reports / 14 homes = 214.29 (before: 1 / 14 = 71.43, change 142.86).
    // Nelson House, Maidstone: 1 / 10 = 100. Kent Court: 2 reports, 4 homes: no rate, ranked last.
    expect(
      spots.blocks.map((b) => [
        b.name,
        b.laName,
        b.homes,
        b.reports,
        b.previousReports,
        b.per1000Homes,
        b.change,
        b.fewHomes,
      ]),
    ).toEqual([
      ["Nelson House, ME4 4", "Medway", 14, 3, 1, 214.29, 142.86, false],
      ["Nelson House, ME15 6", "Maidstone", 10, 1, 0, 100, 100, false],
      ["Kent Court, ME1 1", "Medway", 4, 2, 0, null, null, true],
    ]);
    expect(spots.blocks[0]?.code).toBe(nelsonMedway);
  });

  it("narrows blocks to one category like the other areas", async () => {
    const spots = await hotSpots(database.db, actorFor(organisationId, "officer"), {
      ...period,
      category: "drugs",
    });
    expect(spots.blocks.filter((b) => b.reports > 0).map((b) => [b.code, b.reports])).toEqual([
      [nelsonMedway, 1],
    ]);
  });
});

describe("hot-spot campaigns", () => {
  const manager = () => actorFor(organisationId, "manager");

  it("reports ASB in a block for the same number of days before and after an ended campaign", async () => {
    const saved = await markHotSpotCampaign(database.db, manager(), testNow, {
      area: `block:${nelsonMedway}`,
      campaignType: "cctv",
      startedOn: "2025-05-15",
      endedOn: "2025-07-14",
      note: "Two cameras at the bin store",
    });
    expect(saved.areaName).toBe("Nelson House, ME4 4 (Medway)");
    const { campaign, figures } = await hotSpotCampaign(database.db, manager(), saved.id, "2026-06-15");
    expect(campaign.status).toBe("ended");
    // After: 15 May to 14 July 2025 (61 days): reports on 1 June and 1 July. Before: the 61 days from
    // 15 March to 14 May: the report on 1 May. 14 homes: 71.43 before, 142.86 after.
    expect(figures).toEqual({
      homes: 14,
      before: { from: "2025-03-15", to: "2025-05-14", reports: 1, per1000Homes: 71.43 },
      after: { from: "2025-05-15", to: "2025-07-14", reports: 2, per1000Homes: 142.86 },
      days: 61,
      reportChange: 1,
      rateChange: 71.43,
      tooEarly: false,
    });
    const [audit] = await database.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'safety_hot_spot_campaign' AND entity_id = $1",
      [saved.id],
    );
    expect(audit?.summary).toBe("Marked Nelson House, ME4 4 (Medway) for a cctv campaign from 2025-05-15");
  });

  it("says it is too early to tell under four weeks in, and has no figures before the start", async () => {
    const running = await markHotSpotCampaign(database.db, manager(), testNow, {
      area: `neighbourhood:${medway015A}`,
      campaignType: "good-neighbour",
      startedOn: "2025-09-15",
    });
    const early = await hotSpotCampaign(database.db, manager(), running.id, "2025-09-30");
    // 16 days after (15 to 30 September): Kent Court's 2 reports, in 18 homes of Medway 015A.
    expect(early.campaign.status).toBe("running");
    expect(early.figures).toMatchObject({
      homes: 18,
      days: 16,
      after: { reports: 2, per1000Homes: 111.11 },
      before: { from: "2025-08-30", to: "2025-09-14", reports: 0, per1000Homes: 0 },
      tooEarly: true,
    });
    const planned = await hotSpotCampaign(database.db, manager(), running.id, "2025-09-01");
    expect(planned).toMatchObject({ campaign: { status: "planned" }, figures: null });
    const listed = await listHotSpotCampaigns(database.db, actorFor(organisationId, "officer"), "2026-06-15");
    expect(listed.map((c) => [c.areaName, c.campaignType, c.status])).toEqual([
      ["Medway 015A", "good-neighbour", "running"],
      ["Nelson House, ME4 4 (Medway)", "cctv", "ended"],
    ]);
  });

  it("refuses an end before the start, an unknown area and a start more than a year ahead", async () => {
    const problem = await problemOf(
      markHotSpotCampaign(database.db, manager(), testNow, {
        area: "neighbourhood:E01999999",
        campaignType: "waste-amnesty",
        startedOn: "2027-06-16",
        endedOn: "2027-06-01",
      }),
    );
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors).toEqual({
      area: "Choose an area where we have homes from the list",
      endedOn: "The end date must be on or after the start date",
      startedOn: "The start date must be within a year from today",
    });
    const unknownKind = await problemOf(
      markHotSpotCampaign(database.db, manager(), testNow, {
        area: "street:High Street",
        campaignType: "party" as "other",
        startedOn: "2026-06-01",
      }),
    );
    expect(unknownKind.fieldErrors).toMatchObject({
      area: "Choose an area where we have homes from the list",
      campaignType: "Choose the kind of campaign",
    });
    // Another landlord's block is not one of ours.
    const theirs = await problemOf(
      markHotSpotCampaign(database.db, actorFor(otherId, "manager"), testNow, {
        area: `block:${maidstone}:ME15 6:nelson house`,
        campaignType: "cctv",
        startedOn: "2026-06-01",
      }),
    );
    expect(theirs.fieldErrors).toMatchObject({ area: "Choose an area where we have homes from the list" });
  });

  it("lets only managers mark areas, and keeps each landlord's campaigns to itself", async () => {
    const officer = await problemOf(
      markHotSpotCampaign(database.db, actorFor(organisationId, "officer"), testNow, {
        area: `district:${medway}`,
        campaignType: "other",
        startedOn: "2026-06-01",
      }),
    );
    expect(officer.status).toBe(403);
    const [ours] = await listHotSpotCampaigns(database.db, manager(), "2026-06-15");
    expect(ours).toBeDefined();
    expect(await listHotSpotCampaigns(database.db, actorFor(otherId, "manager"), "2026-06-15")).toEqual([]);
    const other = await problemOf(
      hotSpotCampaign(database.db, actorFor(otherId, "manager"), ours?.id ?? "", "2026-06-15"),
    );
    expect(other.status).toBe(404);
    expect(
      (await problemOf(listHotSpotCampaigns(database.db, actorFor(organisationId, "tenant"), "2026-06-15")))
        .status,
    ).toBe(403);
  });
});
