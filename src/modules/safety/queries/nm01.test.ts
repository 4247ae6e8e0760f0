import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { ImportRejected, importCases } from "../commands/import-cases.ts";
import { nm01OpeningDates, per1000Homes } from "../domain/nm01-rules.ts";
import {
  caseCsvHeader,
  importCaseRows,
  importOtherLandlordCase,
  openTwoLandlords,
} from "../testing/case-import.ts";
import { maidstone, makeHomes, medway } from "../testing/fixtures.ts";
import { nm01 } from "./nm01.ts";

let database: Database;
let organisationId: string;
let otherOrganisationId: string;

beforeAll(async () => {
  ({ database, organisationId, otherOrganisationId } = await openTwoLandlords());
  await makeHomes(database, organisationId, medway, 3, 1000);
  await makeHomes(database, organisationId, maidstone, 4, 2000);
  await makeHomes(database, otherOrganisationId, medway, 2, 1000);
  await importCaseRows(database, organisationId, [
    // Opened in the year, with a further report while open: one case.
    "H-1,2025-05-01,2025-06-01,noise,,1000,P1:complainant;P2:alleged-perpetrator,2025-05-01;2025-05-20",
    // Closed, then reported again after closure: a second NM01 case on 2025-07-10.
    "H-2,2025-04-10,2025-05-01,harassment,race,1001,P3:victim;P2:perpetrator,2025-04-10;2025-07-10;2025-07-20",
    // A report on the closing day itself is still while open.
    "H-3,2025-09-01,2025-09-30,hate-incident,religion,2000,P4:complainant,2025-09-01;2025-09-30",
    // Not ASB: household noise is the good-neighbour track.
    "H-4,2025-10-01,,household-noise,,2001,P5:complainant,2025-10-01",
    // Opened before the period; reopened by a report inside it.
    "H-5,2024-12-01,2025-01-15,drugs,,2002,P6:complainant,2024-12-01;2025-04-02",
    // Opened after the period.
    "H-6,2026-04-01,,noise,,2003,P7:complainant,2026-04-01",
  ]);
  await importOtherLandlordCase(database, otherOrganisationId);
});

afterAll(async () => {
  await database.close();
});

describe("NM01", () => {
  it("counts openings, reopenings after closure and hate cases by local authority", async () => {
    const report = await nm01(database.db, actorFor(organisationId, "read-only"), {
      from: "2025-04-01",
      to: "2026-03-31",
    });
    const medwayRow = report.areas.find((area) => area.laCode === medway);
    const maidstoneRow = report.areas.find((area) => area.laCode === maidstone);
    // Medway: H-1, H-2 (opened 2025-04-10) and H-2's reopening on 2025-07-10 = 3, two of them hate (race).
    expect(medwayRow).toMatchObject({
      homes: 3,
      cases: 3,
      hateCases: 2,
      casesPer1000Homes: 1000,
      hateCasesPer1000Homes: 666.67,
    });
    // Maidstone: H-3 (hate) and H-5's reopening; H-4 is not ASB, H-6 is after the period.
    expect(maidstoneRow).toMatchObject({
      homes: 4,
      cases: 2,
      hateCases: 1,
      casesPer1000Homes: 500,
      hateCasesPer1000Homes: 250,
    });
    expect(report.total).toEqual({
      homes: 7,
      cases: 5,
      hateCases: 3,
      casesPer1000Homes: 714.29,
      hateCasesPer1000Homes: 428.57,
    });
  });

  it("counts a case on its opening day at both ends of the period", async () => {
    const oneDay = await nm01(database.db, systemActor(organisationId), {
      from: "2025-05-01",
      to: "2025-05-01",
    });
    expect(oneDay.total.cases).toBe(1);
  });

  it("refuses a period that ends before it starts", async () => {
    await expect(
      nm01(database.db, systemActor(organisationId), { from: "2025-04-01", to: "2025-03-01" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      nm01(database.db, systemActor(organisationId), { from: "2025-02-30", to: "2025-03-01" }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("does not let tenants or partners see NM01", async () => {
    await expect(
      nm01(database.db, actorFor(organisationId, "tenant"), { from: "2025-04-01", to: "2026-03-31" }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("rounds rates per 1,000 homes to 2 places, halves up", () => {
    expect(per1000Homes(1, 3)).toBe(333.33);
    expect(per1000Homes(2, 3)).toBe(666.67);
    expect(per1000Homes(1, 8000)).toBe(0.13); // 0.125 rounds up
    expect(per1000Homes(0, 10)).toBe(0);
    expect(per1000Homes(5, 0)).toBeNull();
  });

  it("opens a matter again only on the first report after closure", () => {
    expect(
      nm01OpeningDates({
        openedOn: "2025-01-01",
        closedOn: "2025-02-01",
        reportDates: ["2025-03-05", "2025-02-01", "2025-03-01"],
      }),
    ).toEqual(["2025-01-01", "2025-03-01"]);
    expect(nm01OpeningDates({ openedOn: "2025-01-01", closedOn: null, reportDates: ["2025-03-05"] })).toEqual(
      ["2025-01-01"],
    );
  });
});

describe("import cases", () => {
  it("rejects the whole file and names each bad line", async () => {
    const csv = [
      caseCsvHeader,
      "N-1,2025-05-01,,noise,,1000,P1:complainant,2025-05-01",
      "N-2,2025-13-01,,noise,,1000,P1:complainant,",
      "N-3,2025-05-01,,burglary,,1000,P1:complainant,",
      "N-4,2025-05-01,,noise,,999999,P1:complainant,",
      "N-5,2025-05-01,,noise,,1000,,",
      "N-6,2025-05-01,,noise,martian,1000,P1:boss,2025-05-xx",
      "H-1,2025-05-01,,noise,,1000,P1:complainant,",
      "N-1,2025-05-01,,noise,,1000,P1:complainant,",
    ].join("\n");
    const attempt = importCases(database.db, systemActor(organisationId), testNow, csv);
    await expect(attempt).rejects.toBeInstanceOf(ImportRejected);
    const error = (await attempt.catch((e: unknown) => e)) as ImportRejected;
    const byLine = (line: number) => error.rowErrors.filter((e) => e.line === line).map((e) => e.field);
    expect(byLine(2)).toEqual([]);
    expect(byLine(3)).toEqual(["opened_on"]);
    expect(byLine(4)).toEqual(["category"]);
    expect(byLine(5)).toEqual(["uprn"]);
    expect(byLine(6)).toEqual(["parties"]);
    expect(byLine(7).sort()).toEqual(["hate_strand", "parties", "reports"]);
    expect(byLine(8)).toEqual(["reference"]);
    expect(byLine(9)).toEqual(["reference"]);
    const after = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_case WHERE organisation_id = $1 AND reference LIKE 'N-%'",
      [organisationId],
    );
    expect(after[0]?.n).toBe(0);
  });

  it("accepts UK dates and strand names as other systems write them", async () => {
    const csv = [
      caseCsvHeader,
      "U-1,01/05/2025,,harassment,Religion or belief,1002,P9:victim,01/05/2025;03/05/2025",
    ].join("\n");
    await importCases(database.db, systemActor(organisationId), testNow, csv);
    const [row] = await database.query<{ opened_on: string; hate_strand: string }>(
      "SELECT opened_on::text, hate_strand FROM safety_case WHERE organisation_id = $1 AND reference = 'U-1'",
      [organisationId],
    );
    expect(row).toEqual({ opened_on: "2025-05-01", hate_strand: "religion" });
    await database.query("DELETE FROM safety_case WHERE organisation_id = $1 AND reference = 'U-1'", [
      organisationId,
    ]);
  });

  it("refuses a file without the required columns", async () => {
    await expect(
      importCases(database.db, systemActor(organisationId), testNow, "reference,opened_on\nA,2025-01-01"),
    ).rejects.toMatchObject({
      rowErrors: [{ line: 1, field: "header" }],
    });
  });

  it("refuses imports from officers", async () => {
    await expect(
      importCases(database.db, actorFor(organisationId, "officer"), testNow, caseCsvHeader),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("keeps parties, reports and the home's area", async () => {
    const rows = await database.query<{
      reference: string;
      la_code: string;
      parties: number;
      reports: number;
      status: string;
    }>(
      `SELECT c.reference, c.la_code, c.status,
              (SELECT count(*)::int FROM safety_party p WHERE p.organisation_id = c.organisation_id AND p.case_id = c.id) AS parties,
              (SELECT count(*)::int FROM safety_report r WHERE r.organisation_id = c.organisation_id AND r.case_id = c.id) AS reports
         FROM safety_case c WHERE c.organisation_id = $1 AND c.reference = 'H-2'`,
      [organisationId],
    );
    expect(rows[0]).toEqual({ reference: "H-2", la_code: medway, parties: 2, reports: 3, status: "closed" });
  });
});
