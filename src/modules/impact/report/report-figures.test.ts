import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readingOrder, structureOf } from "../../../../test/pdf-structure.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { neighbourhoods, openImpactFixture } from "../testing/impact-fixture.ts";
import { computeReportFigures } from "./report-figures.ts";
import { reportHtmlDocument } from "./report-html.ts";
import { renderReportPdf } from "./report-pdf.ts";

// The annual report's figures and files over the hand-worked data set in testing/impact-fixture.ts.

let database: Database;
let manager: Actor;

beforeAll(async () => {
  ({ database, manager } = await openImpactFixture());
});
afterAll(async () => database.close());

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
