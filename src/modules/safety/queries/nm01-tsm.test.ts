import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createHome, getHome, updateHome } from "../../places/index.ts";
import { linkSameMatter } from "../commands/link-same-matter.ts";
import { importCaseRows, importOtherLandlordCase, openTwoLandlords } from "../testing/case-import.ts";
import { maidstone, medway } from "../testing/fixtures.ts";
import { nm01, nm01Cases } from "./nm01.ts";
import { sameMatterLinksOf } from "./same-matter-links.ts";

// NM01 by the regulator's counting rules, on a small hand-computed data set (docs/safety-nm01.md).
// Reporting year 2025/26: 2025-04-01 to 2026-03-31; the denominator is the stock owned at 2026-03-31.
//
// Homes in Medway (uprn: what it is → counted in the denominator?):
//   1000–1005 social rent, owned before the records began → yes (6)
//   1006 leasehold → no; 1007 market rent → no
//   1008 shared ownership (LCHO) → yes
//   1009 acquired 2026-04-15, after the year end → no
//   1010 sold 2025-10-01, during the year → no
//   1011 sold 2026-03-31, on the year end itself → no (not owned at the end of that day)
//   1012 acquired 2026-03-31 → yes
//   1013 supported housing acquired 2025-06-01 → yes
//   Medway denominator: 6 + 1 + 1 + 1 = 9.
// Homes in Maidstone: 2000–2003 social rent → yes (4); 2004 leasehold → no. Denominator 4.
//
// Cases (numerator):
//   A-1 Medway, three complainants and two reports while open → 1 case.
//   A-2 Medway, race hate, closed 2025-05-01 and reported again 2025-07-10 → 2 cases, both hate.
//   Medway, the same matter imported twice; A-4 carries a disability hate strand.
//       Before the link: 2 cases, 1 hate. After linking: 1 case, 1 hate (the matter involves hate).
//   A-8 Medway, at the leasehold home 1006 → 1 case (cases are counted whatever the home's tenure).
//   A-5 Maidstone, religion hate, a report on its closing day is still while open → 1 case, hate.
//   A-6 Maidstone, household noise: not ASB → 0. A-7 Maidstone, opened after the year end → 0.
// After the link: Medway 5 cases (3 hate) / 9 homes = 555.56 (333.33); Maidstone 1 (1) / 4 = 250 (250);
// total 6 (4) / 13 = 461.54 (307.69).

let database: Database;
let organisationId: string;
let otherOrganisationId: string;
const year = { from: "2025-04-01", to: "2026-03-31" };
const homeIds = new Map<string, string>();

async function addHome(orgId: string, uprn: number, laCode: string, extra: Record<string, string> = {}) {
  const created = await createHome(database, systemActor(orgId, "test"), testNow, {
    uprn: String(uprn),
    addressLine1: `${uprn} Counting Lane`,
    town: "Testtown",
    postcode: "ME1 1AA",
    tenure: "social-rent",
    laCode,
    ...extra,
  });
  homeIds.set(`${orgId}:${uprn}`, created.id);
}

beforeAll(async () => {
  ({ database, organisationId, otherOrganisationId } = await openTwoLandlords());
  for (let uprn = 1000; uprn <= 1005; uprn++) await addHome(organisationId, uprn, medway);
  await addHome(organisationId, 1006, medway, { tenure: "leasehold" });
  await addHome(organisationId, 1007, medway, {
    tenure: "intermediate-rent",
    tsmStockCategory: "market-rent",
  });
  await addHome(organisationId, 1008, medway, { tenure: "shared-ownership" });
  await addHome(organisationId, 1009, medway, { acquiredOn: "2026-04-15" });
  await addHome(organisationId, 1010, medway, { acquiredOn: "2019-01-01", disposedOn: "2025-10-01" });
  await addHome(organisationId, 1011, medway, { disposedOn: "2026-03-31" });
  await addHome(organisationId, 1012, medway, { acquiredOn: "2026-03-31" });
  await addHome(organisationId, 1013, medway, { tenure: "supported", acquiredOn: "2025-06-01" });
  for (let uprn = 2000; uprn <= 2003; uprn++) await addHome(organisationId, uprn, maidstone);
  await addHome(organisationId, 2004, maidstone, { tenure: "leasehold" });
  await addHome(otherOrganisationId, 1000, medway);
  await importCaseRows(database, organisationId, [
    "A-1,2025-05-01,,noise,,1000,P1:complainant;P2:complainant;P3:complainant;P4:perpetrator,2025-05-01;2025-05-02",
    "A-2,2025-04-10,2025-05-01,harassment,race,1002,P5:victim;P4:perpetrator,2025-04-10;2025-07-10;2025-07-20",
    "A-3,2025-06-01,,noise,,1001,P6:complainant,2025-06-01",
    "A-4,2025-06-03,,harassment,disability,1001,P7:victim,2025-06-03",
    "A-8,2025-08-01,,noise,,1006,P8:complainant,2025-08-01",
    "A-5,2025-09-01,2025-09-30,hate-incident,religion,2000,P9:complainant,2025-09-01;2025-09-30",
    "A-6,2025-10-01,,household-noise,,2001,P10:complainant,2025-10-01",
    "A-7,2026-04-01,,noise,,2002,P11:complainant,2026-04-01",
  ]);
  await importOtherLandlordCase(database, otherOrganisationId);
});

afterAll(async () => {
  await database.close();
});

async function caseId(orgId: string, reference: string): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    "SELECT id FROM safety_case WHERE organisation_id = $1 AND reference = $2",
    [orgId, reference],
  );
  if (!row) throw new Error(`no case ${reference}`);
  return row.id;
}

const officer = () => actorFor(organisationId, "officer");

describe("NM01 by the regulator's counting rules", () => {
  it("counts the two imports of one matter twice until they are linked", async () => {
    const report = await nm01(database.db, officer(), year);
    // twice, A-3, A-4, A-8 = 6 cases; A-2 twice and A-4 are hate = 3.
    expect(report.areas.find((a) => a.laCode === medway)).toMatchObject({ homes: 9, cases: 6, hateCases: 3 });
  });

  it("counts a linked case once, as a hate case when either case involves hate", async () => {
    await linkSameMatter(database.db, officer(), testNow, await caseId(organisationId, "A-4"), {
      sameAsReference: "A-3",
      reason: "Imported twice from the old system: the same noise and harassment matter at 1001",
    });
    const report = await nm01(database.db, officer(), year);
    expect(report.areas.find((a) => a.laCode === medway)).toEqual({
      laCode: medway,
      laName: "Medway",
      homes: 9,
      cases: 5,
      hateCases: 3,
      casesPer1000Homes: 555.56,
      hateCasesPer1000Homes: 333.33,
    });
    expect(report.areas.find((a) => a.laCode === maidstone)).toMatchObject({
      homes: 4,
      cases: 1,
      hateCases: 1,
      casesPer1000Homes: 250,
      hateCasesPer1000Homes: 250,
    });
    expect(report.total).toEqual({
      homes: 13,
      cases: 6,
      hateCases: 4,
      casesPer1000Homes: 461.54,
      hateCasesPer1000Homes: 307.69,
    });
  });

  it("lists the cases behind the figure, each with why it counts", async () => {
    const rows = await nm01Cases(database.db, officer(), year);
    expect(
      rows.map((row) => [row.caseReference, row.countedOn, row.kind, row.hate, row.linkedReferences]),
    ).toEqual([
      ["A-2", "2025-04-10", "opened", true, []],
      ["A-1", "2025-05-01", "opened", false, []],
      ["A-3", "2025-06-01", "opened", true, ["A-4"]],
      ["A-2", "2025-07-10", "reported-after-closing", true, []],
      ["A-8", "2025-08-01", "opened", false, []],
      ["A-5", "2025-09-01", "opened", true, []],
    ]);
  });

  it("keeps a closed year's figure when homes are bought or sold later", async () => {
    const before = await nm01(database.db, officer(), year);
    await addHome(organisationId, 1020, medway, { acquiredOn: "2026-12-01" });
    const soldId = homeIds.get(`${organisationId}:1003`) ?? "";
    const sold = await getHome(database.db, officer(), soldId);
    await updateHome(database, officer(), testNow, soldId, {
      ...sold,
      bedrooms: "",
      addressLine2: "",
      blockName: "",
      lsoa21Code: "",
      lsoa11Code: "",
      acquiredOn: "",
      disposedOn: "2026-11-01",
    });
    const after = await nm01(database.db, officer(), year);
    expect(after).toEqual(before);
    // The next year sees both changes: 9 - 1 (1003 sold) + 1 (1020) + 1 (1009, acquired 2026-04-15) = 10.
    const next = await nm01(database.db, officer(), { from: "2026-04-01", to: "2027-03-31" });
    expect(next.areas.find((a) => a.laCode === medway)?.homes).toBe(10);
  });

  it("shows the links on both cases", async () => {
    expect(await sameMatterLinksOf(database.db, officer(), await caseId(organisationId, "A-4"))).toEqual({
      sameAs: "A-3",
      linkedHere: [],
    });
    expect(await sameMatterLinksOf(database.db, officer(), await caseId(organisationId, "A-3"))).toEqual({
      sameAs: null,
      linkedHere: ["A-4"],
    });
  });

  it("records the link in the audit log", async () => {
    const [entry] = await database.query<{ action: string; summary: string }>(
      "SELECT action, summary FROM audit_log WHERE organisation_id = $1 AND entity_type = 'safety_same_matter_link'",
      [organisationId],
    );
    expect(entry).toEqual({ action: "create", summary: "Linked case A-4 as the same matter as A-3" });
  });
});

describe("refusing same-matter links", () => {
  const link = async (reference: string, sameAsReference: string, actor = officer()) =>
    linkSameMatter(database.db, actor, testNow, await caseId(organisationId, reference), {
      sameAsReference,
      reason: "test",
    });

  it("refuses to link a case to itself", async () => {
    await expect(link("A-1", "A-1")).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        sameAsReference: "A case cannot be linked to itself. Enter the other case's reference.",
      },
    });
  });

  it("refuses a case of another organisation without saying whether it exists", async () => {
    await expect(link("A-1", "X-1")).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        sameAsReference:
          "There is no case X-1 in your organisation's records. Only your own organisation's cases can be linked.",
      },
    });
    await expect(
      linkSameMatter(database.db, officer(), testNow, await caseId(otherOrganisationId, "X-1"), {
        sameAsReference: "A-1",
        reason: "test",
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("refuses chains, relinks, mixed ASB and non-ASB cases, and people who do not work cases", async () => {
    await expect(link("A-1", "A-4")).rejects.toMatchObject({ status: 422 }); // A-4 is itself linked
    await expect(link("A-3", "A-1")).rejects.toMatchObject({ status: 422 }); // A-4 is linked to A-3
    await expect(link("A-4", "A-1")).rejects.toMatchObject({ status: 409 }); // already linked
    await expect(link("A-6", "A-5")).rejects.toMatchObject({ status: 422 }); // household noise is not ASB
    await expect(link("A-1", "A-2", actorFor(organisationId, "read-only"))).rejects.toMatchObject({
      status: 403,
    });
    await expect(link("A-1", "", officer())).rejects.toMatchObject({ status: 422 });
    const [count] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_same_matter_link WHERE organisation_id = $1",
      [organisationId],
    );
    expect(count.n).toBe(1);
  });
});
