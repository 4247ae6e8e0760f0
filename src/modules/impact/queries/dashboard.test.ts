import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testNow } from "../../../../test/fixtures.ts";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { importDeflators } from "../commands/import-deflators.ts";
import { L1, neighbourhoods, openImpactFixture } from "../testing/impact-fixture.ts";
import { computeDashboard, type Dashboard } from "./dashboard.ts";
import { computeSocialValue, computeSocialValueSummary, computeSroi } from "./social-value.ts";

// The dashboard's figures over the hand-worked data set in testing/impact-fixture.ts; the annual
// report's figures over the same data are in report/report-figures.test.ts.

let database: Database;
let manager: Actor;
let dashboard: Dashboard;
let lunchClub: string;

beforeAll(async () => {
  ({ database, manager, lunchClub } = await openImpactFixture());
  dashboard = await computeDashboard(
    database.db,
    manager,
    { from: "2026-01-01", to: "2026-12-31" },
    { neighbourhoods },
  );
});
afterAll(async () => database.close());

describe("dashboard of common indicators (hand-computed data set)", () => {
  it("counts residents and tenants once each, in-depth if any of their sessions was in-depth", () => {
    // A: light S1 + in-depth S2; B: light S1 + in-depth S4; C: light S1, S3. D and E only gave their time.
    expect(dashboard.residentsReached).toEqual({ total: 3, lightTouch: 1, inDepth: 2 });
    expect(dashboard.tenantsReached).toEqual({ total: 2, lightTouch: 0, inDepth: 2 });
  });
  it("counts volunteer and service-user input in people and hours", () => {
    expect(dashboard.volunteerInput).toEqual({ people: 1, hours: 3 }); // D: 120 + 60 minutes
    expect(dashboard.serviceUserInput).toEqual({ people: 1, hours: 1.5 }); // E: 90 minutes
  });
  it("counts sessions and attendances in the period only", () => {
    expect(dashboard.sessions).toBe(4); // S5 is in December 2025
    expect(dashboard.attendances).toBe(9);
  });
  it("finds the service that spent more than its secured funding", () => {
    // Lunch club: £40,000 secured, £8,000 spent. Job club: £5,000 secured, £6,000 spent. The idea is not operating.
    expect(dashboard.servicesWithinBudget.services).toBe(2);
    expect(dashboard.servicesWithinBudget.withinBudget).toBe(1);
    expect(dashboard.servicesWithinBudget.overBudget.map((p) => p.name)).toEqual(["Job club"]);
  });
  it("sums secured external funding and the internal to external ratio by theme", () => {
    expect(dashboard.externalFundingSecuredPence).toBe(3_000_000); // the unsecured £5,000 is left out
    expect(dashboard.internalInvestmentPence).toBe(1_500_000);
    expect(dashboard.investmentRatio.externalPerInternalPound).toBe(2);
    const byTheme = Object.fromEntries(
      dashboard.investmentRatio.byTheme.map((t) => [t.code, t.externalPerInternalPound]),
    );
    expect(byTheme).toEqual({ wellbeing: 3, employ: 0 });
  });
  it("measures community development in priority neighbourhoods against the 50% target", () => {
    // Lunch club is community development: S1 (L1), S2 (L2), S3 (L1) → 2 of 3 in priority neighbourhoods.
    expect(dashboard.priorityNeighbourhoods).toMatchObject({
      communityDevelopmentSessions: 3,
      inPriorityNeighbourhoods: 2,
      share: 0.6667,
      target: 0.5,
      met: true,
    });
  });
  it("values outcomes by age band and deadweight, per £1 invested, naming the bank", () => {
    // A is 76: LONELY 50+ outside London £2,000 less 10% = £1,800. B is 23: JOB under-25 £5,000 less 20% = £4,000.
    expect(dashboard.socialValue.totalPence).toBe(580_000);
    expect(dashboard.socialValue.investedPence).toBe(1_400_000);
    expect(dashboard.socialValue.perPoundInvested).toBe(0.41); // £5,800 / £14,000
    expect(dashboard.socialValue.source).toContain("Test bank");
  });
  it("shows activity by neighbourhood with its deprivation decile", () => {
    const l1 = dashboard.neighbourhoods.find((n) => n.lsoa21Code === L1);
    expect(l1).toMatchObject({ sessions: 2, imdDecile: 2, priority: true });
  });
  it("narrows every figure to one theme", async () => {
    const employ = await computeDashboard(
      database.db,
      manager,
      { from: "2026-01-01", to: "2026-12-31", themeCode: "employ" },
      { neighbourhoods },
    );
    expect(employ.residentsReached.total).toBe(1);
    expect(employ.socialValue.totalPence).toBe(400_000);
  });
  it("takes its social value totals without lines, the same as the full computation's", async () => {
    for (const filter of [
      { from: "2026-01-01", to: "2026-12-31" },
      { from: "2026-01-01", to: "2026-12-31", themeCode: "employ" },
      { from: "2025-06-01", to: "2026-05-31" },
    ]) {
      const { totalPence, grossPence, people, bank, prices } = await computeSocialValue(
        database.db,
        manager,
        filter,
      );
      expect(await computeSocialValueSummary(database.db, manager, filter)).toEqual({
        totalPence,
        grossPence,
        people,
        bank,
        prices,
      });
    }
  });
  it("works out SROI per project from the project's spending", async () => {
    const sroi = await computeSroi(database.db, manager, { from: "2026-01-01", to: "2026-12-31" });
    const lunch = sroi.projects.find((p) => p.projectId === lunchClub);
    // £1,800 in year 1 only, discounted once: 180,000 / 1.035 = 173,913 pence, over £8,000 spent.
    expect(lunch?.sroi.presentValuePence).toBe(173_913);
    expect(lunch?.sroi.inputsPence).toBe(800_000);
    // Overall inputs: all spending in 2026 (£8,000 + £6,000); both projects have valued outcomes.
    expect(sroi.overall.inputsPence).toBe(1_400_000);
    expect(sroi.withoutValuedOutcomesPence).toBe(0);
  });
  it("states social value at the period's prices with the GDP deflator, and says which prices", async () => {
    // The bank is at 2025 prices; the period starts in 2026. Without a deflator series: 2025 prices.
    const plain = await computeSocialValue(database.db, manager, { from: "2026-01-01", to: "2026-12-31" });
    expect(plain.totalPence).toBe(580_000);
    expect(plain.prices?.note).toBe(
      "at 2025 prices, not uprated to 2026: no GDP deflator for 2025 and 2026 (kith import deflators FILE.csv)",
    );
    await importDeflators(
      database.db,
      systemActor(manager.organisationId, "test"),
      testNow,
      "year,deflator\n2025,100\n2026,103\n",
      "Test series",
    );
    try {
      // Deflator 103 / 100 = 1.03: £1,800 → £1,854 and £4,000 → £4,120, total £5,974.
      const uprated = await computeDashboard(
        database.db,
        manager,
        { from: "2026-01-01", to: "2026-12-31" },
        { neighbourhoods },
      );
      expect(uprated.socialValue).toMatchObject({
        totalPence: 597_400,
        perPoundInvested: 0.43, // £5,974 / £14,000
        priceYear: 2026,
        prices: "at 2026 prices (2025 values × 1.0300, GDP deflator: Test series)",
      });
    } finally {
      await database.query("DELETE FROM gdp_deflator");
    }
  });
});
