import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, signedInUser, type TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { monthlyTotals, profileMonths } from "../../../platform/http/place-profile.ts";
import { importCases } from "../../safety/commands/import-cases.ts";
import { casesInPlace } from "../../safety/queries/place-cases.ts";
import { addProfileHomes, medway, medway015A } from "../testing/profile-homes.ts";

// Profile trends and files: months are London months, small counts are suppressed alike on the
// page and in the CSV and XLSX, and nobody outside the organisation's staff gets a figure.

let database: Database;
let organisationId: string;
let officer: TestBrowser;
let group: TestBrowser;
let other: TestBrowser;

// 23:30 UTC on 31 May is 00:30 on 1 June in London (BST): the profile's newest month is June.
const justAfterMidnightInLondon = new Date("2026-05-31T23:30:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  const otherId = (await makeOrganisation(database.db, "Other Homes")).id;
  const actor = systemActor(organisationId, "test");
  const before = new Date("2026-03-15T10:00:00.000Z");
  await addProfileHomes(database, organisationId, before, "Trend Street", 7000);
  const header = "reference,opened_on,closed_on,category,hate_strand,uprn,parties,reports";
  const row = (ref: string, on: string, category: string, uprn: number) =>
    `${ref},${on},,${category},,${uprn},${ref}P:complainant,${on}`;
  const rows = [
    // Five cases on 1 June: the newest month shows 5, not suppressed.
    row("N-1", "2026-06-01", "noise", 7000),
    row("N-2", "2026-06-01", "noise", 7001),
    row("N-3", "2026-06-01", "noise", 7002),
    row("D-1", "2026-06-01", "drugs", 7003),
    row("D-2", "2026-06-01", "drugs", 7004),
    // The first day of the oldest month counts; the day before it does not.
    row("N-4", "2025-07-01", "noise", 7005),
    row("N-5", "2026-01-10", "noise", 7000),
    row("N-6", "2025-06-30", "noise", 7001),
    row("D-3", "2026-03-01", "drugs", 7001),
    row("D-4", "2026-03-01", "drugs", 7002),
  ];
  await importCases(
    database.db,
    actor,
    new Date("2026-06-10T10:00:00.000Z"),
    [header, ...rows].join("\n"),
    "c.csv",
  );
  const [triggered] = await database.query<{ id: string }>(
    "SELECT id FROM safety_case WHERE organisation_id = $1 AND reference = 'N-5'",
    [organisationId],
  );
  await database.query(
    `INSERT INTO safety_trigger_review (organisation_id, id, case_id, detected_on, qualifying_reports, hate, status, created_at)
     VALUES ($1, $2, $3, '2026-02-01', 3, false, 'threshold-met', now())`,
    [organisationId, newId(), triggered?.id],
  );
  const app = await buildTestApp(database, () => justAfterMidnightInLondon);
  officer = await signedInUser(database, app, organisationId, "officer", "officer@example.org");
  group = await signedInUser(database, app, organisationId, "community-group", "group@example.org");
  other = await signedInUser(database, app, otherId, "officer", "other@example.org");
});
afterAll(async () => database.close());

function csvRows(text: string): string[][] {
  // The profile's cells hold no commas or quotes except the quoted ones csv-stringify writes.
  return text
    .trim()
    .split("\r\n")
    .map((line) =>
      [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
        .map((m) => (m[1] ?? "").replace(/^"|"$/g, ""))
        .slice(0, 4),
    );
}

describe("profile months", () => {
  it("takes the twelve calendar months ending with today's month, across a year end", () => {
    const { from, months } = profileMonths("2026-01-15");
    expect(from).toBe("2025-02-01");
    expect(months[0]).toBe("2025-02");
    expect(months[11]).toBe("2026-01");
    expect(months).toHaveLength(12);
    expect(
      monthlyTotals(months, [
        { day: "2025-01-31", amount: 9 },
        { day: "2025-02-01", amount: 2 },
        { day: "2026-01-31", amount: 3 },
      ]),
    ).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  });
});

describe("community safety on a profile", () => {
  it("counts cases by London month, repeat locations and Community Trigger activations", async () => {
    const cases = await casesInPlace(
      database.db,
      systemActor(organisationId, "test"),
      { level: "lsoa", code: medway015A, name: "Medway 015A", laCode: medway },
      "2026-06-01",
    );
    expect(cases.from).toBe("2025-07-01");
    expect(cases.byMonth[0]).toEqual({ month: "2025-07", cases: 1 });
    expect(cases.byMonth[11]).toEqual({ month: "2026-06", cases: 5 });
    expect(cases.byCategory.map((c) => [c.category, c.cases])).toEqual([
      ["noise", 5],
      ["drugs", 4],
    ]);
    // Homes 7000 (N-1, N-5), 7001 (N-2, D-3) and 7002 (N-3, D-4); N-6 is before the months.
    expect(cases.repeatLocations).toBe(3);
    expect(cases.triggerActivations).toBe(1);
  });

  it("shows 5 as 5 and 4 as fewer than 5, on the page and in the CSV alike", async () => {
    const page = await (await officer.get(`/places/neighbourhoods/${medway015A}`)).text();
    expect(page).toMatch(/Noise<\/td><td[^>]*>5</);
    expect(page).toMatch(/Drugs<\/td><td[^>]*>fewer than 5</);
    expect(page).toContain("Trends over the last 12 months");
    expect(page).toContain('id="trend-1"');
    expect(page).toMatch(/Jun 2026<\/th><td[^>]*>5</);
    expect(page).toMatch(/Jul 2025<\/th><td[^>]*>fewer than 5</);
    expect(page).toContain(`href="/places/neighbourhoods/${medway015A}.csv"`);

    const response = await officer.get(`/places/neighbourhoods/${medway015A}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = csvRows(await response.text());
    expect(rows[0]).toEqual(["Section", "Figure", "Period", "Value"]);
    const value = (section: string, figure: string, period?: string) =>
      rows.find((r) => r[0] === section && r[1] === figure && (period === undefined || r[2] === period))?.[3];
    expect(value("Community safety", "Cases opened: Noise")).toBe("5");
    expect(value("Community safety", "Cases opened: Drugs")).toBe("fewer than 5");
    expect(value("Community safety", "Community Trigger activations")).toBe("fewer than 5");
    expect(value("Trends", "Community safety cases opened", "Jun 2026")).toBe("5");
    expect(value("Trends", "Community safety cases opened", "Mar 2026")).toBe("fewer than 5");
    expect(value("Trends", "Community safety cases opened", "Jun 2025")).toBeUndefined();
    expect(value("Homes", "Homes: Social rent")).toBe("6");
    // Every figure in the file is on the page, formatted as the page shows it.
    for (const [section, , , cell] of rows.slice(1)) {
      if (section === "Trends" || !cell) continue;
      const shown = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell).toLocaleString("en-GB") : cell;
      expect(page).toContain(shown);
    }
  });

  it("writes the same figures to the XLSX file as to the CSV", async () => {
    const csv = csvRows(await (await officer.get(`/places/neighbourhoods/${medway015A}.csv`)).text());
    const response = await officer.get(`/places/neighbourhoods/${medway015A}.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Profile");
    const xlsx: string[][] = [];
    sheet?.eachRow((r, n) => {
      if (n > 1) xlsx.push([1, 2, 3, 4].map((i) => String(r.getCell(i).value ?? "")));
    });
    expect(xlsx).toEqual(csv);
  });

  it("gives a district's file too, and keeps community groups and other organisations out", async () => {
    const district = csvRows(await (await officer.get(`/places/districts/${medway}.csv`)).text());
    expect(district.find((r) => r[1] === "Cases opened: Noise")?.[3]).toBe("5");
    for (const path of [`/places/neighbourhoods/${medway015A}.csv`, `/places/districts/${medway}.xlsx`])
      expect((await group.get(path)).status).toBe(403);
    const theirs = csvRows(await (await other.get(`/places/neighbourhoods/${medway015A}.csv`)).text());
    expect(theirs.some((r) => r[1]?.startsWith("Cases opened: "))).toBe(false);
    expect(theirs.find((r) => r[1] === "Cases opened")?.[3]).toBe("0");
    expect(theirs.some((r) => r[0] === "Homes")).toBe(false);
    expect((await officer.get("/places/neighbourhoods/E01999999.csv")).status).toBe(404);
  });
});
