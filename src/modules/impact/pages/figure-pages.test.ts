import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { actorFor, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { addFunding } from "../../investment/index.ts";
import { computeDashboard } from "../queries/dashboard.ts";
import { type FigureName, figureRules } from "../queries/figure-rules.ts";
import { type FigureWorking, figureWorking } from "../queries/figure-workings.ts";
import { neighbourhoods, openImpactFixture } from "../testing/impact-fixture.ts";

// "How this was worked out" for each headline figure, over the hand-worked data set in
// testing/impact-fixture.ts. In calendar 2026 (funding years count whole):
// - social value: A's LONELY £2,000 less 10% = £1,800; B's JOB £5,000 less 20% = £4,000; total £5,800.
//   Spending lines: Lunch club £8,000, Job club £6,000 = £14,000. £5,800 / £14,000 = £0.41 per £1.
// - SROI: one benefit year, no attribution, discounted once: Lunch club 180,000 / 1.035 = 173,913p,
//   Job club 400,000 / 1.035 = 386,473p; overall 580,000 / 1.035 = 560,386p (the same, to the penny).
//   Inputs £14,000; 560,386 / 1,400,000 = 0.40.
// - priority share: Lunch club (community development) held S1 (L1), S2 (L2) and S3 (L1) in 2026;
//   L1 is a priority neighbourhood, so 2 of 3.
// - external funding per £1: secured, operating projects only: Lottery £30,000 external; Us £10,000 and
//   Us £5,000 internal (the hoped-for £5,000 and the idea's £99,000 are left out). £30,000 / £15,000 = £2.

const year2026 = { from: "2026-01-01", to: "2026-12-31" };
let database: Database;
let organisationId: string;
let manager: Actor;
let browser: TestBrowser;
let lunchClub: string;

/** Sums a CSV column over the rows that match. */
function sum(
  rows: Record<string, string>[],
  column: string,
  where: (row: Record<string, string>) => boolean,
) {
  return rows.filter(where).reduce((total, row) => total + Number(row[column] || 0), 0);
}

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

async function working(name: FigureName, filter = year2026): Promise<FigureWorking> {
  return figureWorking(database.db, manager, name, filter, { neighbourhoods });
}

beforeAll(async () => {
  ({ database, organisationId, manager, lunchClub } = await openImpactFixture());
  await addUser(database, organisationId, "manager", "figures-manager@example.org");
  browser = new TestBrowser(await buildTestApp(database));
  await browser.signIn("figures-manager@example.org");
});
afterAll(async () => database.close());

describe("how each headline figure was worked out (hand-computed data set)", () => {
  it("works out social value per £1 from each outcome record and spending line, at stated prices", async () => {
    const w = await working("social-value-per-pound");
    expect([w.value, w.numerator.value, w.denominator.value]).toEqual([0.41, 580_000, 1_400_000]);
    expect(w.prices).toBe(
      "at 2025 prices, not uprated to 2026: no GDP deflator for 2025 and 2026 (kith import deflators FILE.csv)",
    );
    const rows = w.rows.rows;
    expect(rows.map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      ["numerator", "outcome record", 180_000],
      ["numerator", "outcome record", 400_000],
      ["denominator", "spending line", 600_000], // Job club, the same day as Lunch club's
      ["denominator", "spending line", 800_000],
    ]);
  });

  it("works out SROI per project, the projects adding up to the overall present value and inputs", async () => {
    const w = await working("sroi");
    expect([w.value, w.numerator.value, w.denominator.value]).toEqual([0.4, 560_386, 1_400_000]);
    const byProject = Object.fromEntries(w.rows.rows.map((r) => [String(r[2]), [r[4], r[5]]]));
    expect(byProject).toEqual({ "Lunch club": [173_913, 800_000], "Job club": [386_473, 600_000] });
  });

  it("lists each community development session with whether its neighbourhood is a priority", async () => {
    const w = await working("priority-share");
    expect([w.value, w.numerator.value, w.denominator.value]).toEqual([0.6667, 2, 3]);
    expect(w.rows.rows.map((r) => [r[3], r[5], r[7]])).toEqual([
      ["2026-03-01", "E01016016", "yes"],
      ["2026-04-01", "E01016017", "no"],
      ["2026-05-01", "E01016016", "yes"],
    ]);
  });

  it("lists each secured funding record of an operating project, external over internal", async () => {
    const w = await working("external-funding-per-pound");
    expect([w.value, w.numerator.value, w.denominator.value]).toEqual([2, 3_000_000, 1_500_000]);
    expect(w.rows.rows.map((r) => [r[0], r[4], r.at(-1)])).toEqual([
      ["denominator", "Us", 500_000], // Job club
      ["numerator", "Lottery", 3_000_000], // Lunch club
      ["denominator", "Us", 1_000_000],
    ]);
  });

  it("shares a part-year's funding out over the records so they add up to the dashboard to the penny", async () => {
    // Financial year 2026/27 takes 275/365 of 2026. Two more internal records for Lunch club in 2026:
    // its internal group is £10,000 + £3,333.33 + £0.01 = 1,333,334p × 275/365 = 1,004,567.2 → 1,004,567.
    await addFunding(database.db, manager, testNow, lunchClub, {
      source: "Us again",
      kind: "internal",
      amountPence: 333_333,
      year: 2026,
    });
    await addFunding(database.db, manager, testNow, lunchClub, {
      source: "Us, a penny",
      kind: "internal",
      amountPence: 1,
      year: 2026,
    });
    const period = { from: "2026-04-01", to: "2027-03-31" };
    const w = await working("external-funding-per-pound", period);
    const dashboard = await computeDashboard(database.db, manager, period, { neighbourhoods });
    const counted = (part: string) =>
      w.rows.rows.filter((r) => r[0] === part).reduce((total, r) => total + Number(r.at(-1)), 0);
    expect(counted("numerator")).toBe(dashboard.externalFundingSecuredPence);
    expect(counted("denominator")).toBe(dashboard.internalInvestmentPence);
    expect(w.value).toBe(dashboard.investmentRatio.externalPerInternalPound);
    expect(
      w.rows.rows
        .filter((r) => r[2] === lunchClub && r[5] === "internal")
        .reduce((t, r) => t + Number(r.at(-1)), 0),
    ).toBe(1_004_567);
  });

  it("refuses anyone the dashboard refuses", async () => {
    const tenant = actorFor(organisationId, "tenant");
    await expect(
      figureWorking(database.db, tenant, "sroi", year2026, { neighbourhoods }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it("quotes each figure's rule in its guide in docs/figures", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const [name, rule] of Object.entries(figureRules)) {
      const doc = await readFile(new URL(`../../../../docs/figures/${name}.md`, import.meta.url), "utf8");
      for (const step of rule.rule) expect(doc, `${name}.md`).toContain(step);
      expect(doc, `${name}.md`).toContain(rule.source);
    }
  });
});

describe("the worked-out pages and their CSV files", () => {
  const query = "from=2026-01-01&to=2026-12-31";

  it("shows the rule, source, numerator, denominator and prices, reached from the dashboard", async () => {
    const dashboard = await (await browser.get(`/impact?${query}`)).text();
    expect(dashboard).toContain(
      'href="/impact/figures/social-value-per-pound?from=2026-01-01&amp;to=2026-12-31">How this was worked out',
    );
    const response = await browser.get(`/impact/figures/social-value-per-pound?${query}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page.match(/<h1/g)).toHaveLength(1);
    expect(page).toContain("Social value for each £1 invested: how this was worked out");
    expect(page).toContain("£0.41 of social value for every £1 invested.");
    expect(page).toContain("HACT and Simetrica");
    expect(page).toContain("£5,800 ÷ £14,000 = £0.41 per £1");
    expect(page).toContain("at 2025 prices, not uprated to 2026");
  });

  it("gives CSV rows that add up to the dashboard's figures for every figure, with no names", async () => {
    const manager2 = actorFor(organisationId, "manager");
    // The pages read neighbourhoods from the places module, as the dashboard page does.
    const dashboard = await computeDashboard(database.db, manager2, year2026);
    const fetchRows = async (name: FigureName) => {
      const response = await browser.get(`/impact/figures/${name}.csv?${query}`);
      expect(response.headers.get("content-type")).toContain("text/csv");
      const text = await response.text();
      expect(text).not.toMatch(/(^|,)[A-E](,|\r)/m); // participants are registered with the names A to E
      return csvRows(text);
    };
    const value = await fetchRows("social-value-per-pound");
    expect(sum(value, "counted_pence", (r) => r.part === "numerator")).toBe(dashboard.socialValue.totalPence);
    expect(sum(value, "counted_pence", (r) => r.part === "denominator")).toBe(
      dashboard.socialValue.investedPence,
    );
    const funding = await fetchRows("external-funding-per-pound");
    expect(sum(funding, "counted_pence", (r) => r.part === "numerator")).toBe(
      dashboard.externalFundingSecuredPence,
    );
    expect(sum(funding, "counted_pence", (r) => r.part === "denominator")).toBe(
      dashboard.internalInvestmentPence,
    );
    const sessions = await fetchRows("priority-share");
    expect(sessions).toHaveLength(dashboard.priorityNeighbourhoods.communityDevelopmentSessions);
    expect(sessions.filter((r) => r.in_numerator === "yes").length).toBe(
      dashboard.priorityNeighbourhoods.inPriorityNeighbourhoods,
    );
    const sroi = await fetchRows("sroi");
    expect(sum(sroi, "inputs_pence", () => true)).toBe(1_400_000);
    expect(sum(sroi, "present_value_pence", () => true)).toBe(560_386);
  });

  it("answers 404 for a figure it does not know", async () => {
    expect((await browser.get("/impact/figures/happiness")).status).toBe(404);
  });
});
