import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { readingOrder, structureOf } from "../../../../test/pdf-structure.ts";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import {
  addFunding,
  createChangeTemplate,
  createProject,
  createTheme,
  recordAttendance,
  recordOutcome,
  recordSession,
  recordSpend,
  registerParticipant,
} from "../../investment/index.ts";
import { importDeflators } from "../commands/import-deflators.ts";
import { importValueBank } from "../commands/import-value-bank.ts";
import { computeReportFigures } from "../report/report-figures.ts";
import { reportHtmlDocument } from "../report/report-html.ts";
import { renderReportPdf } from "../report/report-pdf.ts";

/** The PDF's drawing instructions, every compressed stream inflated, in file order. */
function pageContent(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/stream\r?\n/g)]
    .map((match) => {
      const start = (match.index ?? 0) + match[0].length;
      const end = text.indexOf("endstream", start);
      try {
        return inflateSync(pdf.subarray(start, end)).toString("latin1");
      } catch {
        return "";
      }
    })
    .join("\n");
}

import { computeDashboard, type Dashboard } from "./dashboard.ts";
import { computeSocialValue, computeSroi } from "./social-value.ts";

// A small data set worked by hand: every expected figure below is derived in the comments.
const L1 = "E01016016"; // Medway 015A, IMD decile 2 (a priority neighbourhood here)
const L2 = "E01016017"; // Medway 015B, decile 1 (treated as not priority in this test)
const bankCsv = `code,name,category,deadweight_percent,under_25_london,under_25_outside_london,25_49_london,25_49_outside_london,50_plus_london,50_plus_outside_london,unknown_london,unknown_outside_london,excludes
LONELY,Less lonely,social,10,1.00,1.00,1.00,1.00,3000.00,2000.00,1.00,1.00,
JOB,Into work,employment,20,9000.00,5000.00,1.00,1.00,1.00,1.00,1.00,1.00,
`;

// As the places module would give them for an organisation working in Medway.
const neighbourhoods = new Map([
  [L1, { name: "Medway 015A", laName: "Medway", imdDecile: 2, priority: true }],
  [L2, { name: "Medway 015B", laName: "Medway", imdDecile: 1, priority: false }],
]);

let database: Database;
let manager: Actor;
let dashboard: Dashboard;
let lunchClub: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  manager = actorFor(org.id, "manager");
  const db = database.db;
  await createTheme(db, manager, testNow, { code: "wellbeing", name: "Wellbeing" });
  await createTheme(db, manager, testNow, { code: "employ", name: "Employability" });
  const templateId = (
    await createChangeTemplate(db, manager, testNow, {
      name: "T",
      inputs: "i",
      activities: "a",
      outputs: "o",
      outcomes: "c",
    })
  ).id;
  const base = {
    kind: "project" as const,
    stage: "active" as const,
    areas: [{ laCode: "E06000035" }],
    need: "yes" as const,
    bestPlaced: "yes" as const,
    canResource: "yes" as const,
    changeTemplateId: templateId,
  };
  lunchClub = (
    await createProject(db, manager, testNow, {
      ...base,
      name: "Lunch club",
      themeCodes: ["wellbeing"],
      communityDevelopment: true,
    })
  ).id;
  const jobClub = (
    await createProject(db, manager, testNow, { ...base, name: "Job club", themeCodes: ["employ"] })
  ).id;
  const idea = (
    await createProject(db, manager, testNow, {
      ...base,
      name: "Idea",
      stage: "idea",
      themeCodes: ["employ"],
    })
  ).id;
  await addFunding(db, manager, testNow, lunchClub, {
    source: "Us",
    kind: "internal",
    amountPence: 1_000_000,
    year: 2026,
  });
  await addFunding(db, manager, testNow, lunchClub, {
    source: "Lottery",
    kind: "external",
    amountPence: 3_000_000,
    year: 2026,
  });
  await addFunding(db, manager, testNow, lunchClub, {
    source: "Hoped-for",
    kind: "external",
    amountPence: 500_000,
    year: 2026,
    secured: false,
  });
  await addFunding(db, manager, testNow, jobClub, {
    source: "Us",
    kind: "internal",
    amountPence: 500_000,
    year: 2026,
  });
  await addFunding(db, manager, testNow, idea, {
    source: "Us",
    kind: "internal",
    amountPence: 9_900_000,
    year: 2026,
  });
  await recordSpend(db, manager, testNow, lunchClub, {
    spentOn: "2026-05-01",
    amountPence: 800_000,
    description: "Hall hire and food",
  });
  await recordSpend(db, manager, testNow, jobClub, {
    spentOn: "2026-05-01",
    amountPence: 600_000,
    description: "Tutor",
  });

  const person = async (ref: string, tenant: boolean, dateOfBirth: string) =>
    (
      await registerParticipant(db, manager, testNow, {
        externalRef: ref,
        displayName: ref,
        tenant,
        dateOfBirth,
        laCode: "E06000035",
      })
    ).id;
  const a = await person("A", true, "1950-01-01");
  const b = await person("B", true, "2003-01-01");
  const c = await person("C", false, "1980-01-01");
  const d = await person("D", false, "1990-01-01");
  const e = await person("E", true, "1970-01-01");
  const session = async (
    projectId: string,
    heldOn: string,
    depth: "light" | "in-depth",
    lsoa21Code: string | null,
  ) =>
    (
      await recordSession(db, manager, testNow, {
        projectId,
        title: `S ${heldOn}`,
        heldOn,
        durationMinutes: 120,
        depth,
        laCode: "E06000035",
        lsoa21Code,
      })
    ).id;
  const s1 = await session(lunchClub, "2026-03-01", "light", L1);
  const s2 = await session(lunchClub, "2026-04-01", "in-depth", L2);
  const s3 = await session(lunchClub, "2026-05-01", "light", L1);
  const s4 = await session(jobClub, "2026-05-10", "in-depth", null);
  const s5 = await session(lunchClub, "2025-12-15", "light", L1);
  await recordAttendance(db, manager, testNow, s1, {
    attendees: [
      { participantId: a },
      { participantId: b },
      { participantId: c },
      { participantId: d, role: "volunteer", minutes: 120 },
    ],
  });
  await recordAttendance(db, manager, testNow, s2, {
    attendees: [{ participantId: a }, { participantId: e, role: "service-user-input", minutes: 90 }],
  });
  await recordAttendance(db, manager, testNow, s3, { attendees: [{ participantId: c }] });
  await recordAttendance(db, manager, testNow, s4, {
    attendees: [{ participantId: b }, { participantId: d, role: "volunteer", minutes: 60 }],
  });
  await recordAttendance(db, manager, testNow, s5, { attendees: [{ participantId: a }] });

  await importValueBank(db, manager, testNow, bankCsv, {
    name: "Test bank",
    source: "Hand-made",
    licence: "Test",
    priceYear: 2025,
  });
  await recordOutcome(db, manager, testNow, {
    participantId: a,
    projectId: lunchClub,
    valueCode: "LONELY",
    achievedOn: "2026-04-01",
    evidence: "Survey",
    wellbeingBefore: 15,
    wellbeingAfter: 21,
  });
  await recordOutcome(db, manager, testNow, {
    participantId: b,
    projectId: jobClub,
    valueCode: "JOB",
    achievedOn: "2026-05-20",
    evidence: "Payslip",
    story: "B found work after the club.",
  });
  dashboard = await computeDashboard(
    db,
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

describe("annual report figures", () => {
  it("splits the year's social value by theme and by area so the parts add up, and renders HTML and PDF", async () => {
    // Financial year 2026/27 starts on 1 April 2026: S2, S3, S4 and both outcomes fall in it.
    const figures = await computeReportFigures(
      database.db,
      manager,
      { name: "Weald Homes", colour: null },
      2026,
      { neighbourhoods },
    );
    expect(figures.year).toEqual({ from: "2026-04-01", to: "2027-03-31", label: "2026/27" });
    const byTheme = Object.fromEntries(figures.themes.map((t) => [t.code, t.socialValuePence]));
    expect(byTheme).toEqual({ wellbeing: 180_000, employ: 400_000 });
    // Lunch club (wellbeing): S2 (A, in-depth) and S3 (C, light); job club (employability): S4 (B, in-depth).
    const reach = Object.fromEntries(
      figures.themes.map((t) => [t.code, [t.residents, t.inDepth, t.sessions]]),
    );
    expect(reach).toEqual({ wellbeing: [2, 1, 2], employ: [1, 1, 1] });
    expect(figures.areas).toEqual([
      expect.objectContaining({ laCode: "E06000035", laName: "Medway", socialValuePence: 580_000 }),
    ]);
    expect(figures.stories).toEqual([
      { projectName: "Job club", achievedOn: "2026-05-20", story: "B found work after the club." },
    ]);
    const html = reportHtmlDocument(figures);
    expect(html).toContain("Weald Homes: social impact report 2026/27");
    expect(html).toContain("B found work after the club.");
    const pdf = await renderReportPdf(figures);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Tagged: the organisation as H1, sections as H2, tables with header cells, charts with their bars as text.
    const structure = structureOf(pdf);
    expect(structure).toMatchObject({
      lang: "en-GB",
      marked: true,
      title: "Weald Homes: social impact report 2026/27",
    });
    const order = readingOrder(structure.root);
    expect(order.slice(0, 3)).toEqual(["StructTreeRoot", "Document", "H1"]);
    expect(order.filter((type) => type === "H2")).toHaveLength(7);
    expect(order).toContain("TH");
    const charts = structure.root?.children[0]?.children.filter((node) => node.type === "Figure") ?? [];
    expect(charts.map((chart) => chart.alt?.split(":")[0])).toEqual([
      "Bar chart, People reached each month",
      "Bar chart, Social value by theme",
    ]);
  });

  it("carries the organisation's brand name and colour in the HTML file and first in the PDF", async () => {
    const brand = { name: "Weald Homes", colour: "#5a2d82" };
    const figures = await computeReportFigures(database.db, manager, brand, 2026, { neighbourhoods });
    const html = reportHtmlDocument(figures);
    expect(html).toContain('<header><p class="report-organisation">Weald Homes</p></header>');
    expect(html).toContain("body{border-top:12px solid #5a2d82}");
    expect(html).toContain("border-top:2px solid #5a2d82");
    expect(html).not.toContain("solid #1d70b8");
    const pdf = await renderReportPdf(figures);
    const drawing = pageContent(pdf);
    // The first words drawn are the brand name (the H1), and the band above it is in the brand's colour.
    // A TJ array holds the text in hex runs split by kerning adjustments.
    const firstText = /\[([^\]]*)\] TJ/.exec(drawing)?.[1] ?? "";
    const hex = [...firstText.matchAll(/<([0-9a-f]+)>/g)].map((run) => run[1]).join("");
    expect(Buffer.from(hex, "hex").toString("latin1")).toBe("Weald Homes");
    expect(drawing).toContain("0.35294117647058826 0.17647058823529413 0.5098039215686274 scn");
    expect(readingOrder(structureOf(pdf).root).slice(0, 3)).toEqual(["StructTreeRoot", "Document", "H1"]);
  });

  it("narrows the report to one theme and to one area, and names the narrowing", async () => {
    const employ = await computeReportFigures(
      database.db,
      manager,
      { name: "Weald Homes", colour: null },
      2026,
      {
        neighbourhoods,
        scope: { themeCode: "employ" },
      },
    );
    expect(employ.scope.label).toBe("Employability theme");
    expect(employ.themes.map((t) => [t.code, t.socialValuePence])).toEqual([["employ", 400_000]]);
    expect(employ.dashboard.socialValue.totalPence).toBe(400_000); // B's job only
    expect(employ.stories.map((s) => s.projectName)).toEqual(["Job club"]);
    expect(reportHtmlDocument(employ)).toContain("social impact report 2026/27 (Employability theme)");
    // Everyone here lives and meets in Medway; Kent has nothing.
    const kent = await computeReportFigures(
      database.db,
      manager,
      { name: "Weald Homes", colour: null },
      2026,
      {
        neighbourhoods,
        scope: { laCode: "E10000016" },
      },
    );
    expect([kent.scope.label, kent.dashboard.socialValue.totalPence, kent.areas]).toEqual(["Kent", 0, []]);
    expect(kent.themes.map((t) => t.residents)).toEqual([0, 0]);
    await expect(
      computeReportFigures(database.db, manager, { name: "Weald Homes", colour: null }, 2026, {
        scope: { themeCode: "nope" },
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});
