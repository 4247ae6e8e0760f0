import type { Context } from "hono";
import { Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, html, select } from "../../../platform/ui/index.ts";
import { canViewPortfolio, getStrategy, londonToday } from "../../investment/index.ts";
import { listOrganisationAreas } from "../../places/index.ts";
import { computeReportFigures, reportBrand } from "../report/report-figures.ts";
import { reportBody, reportHtmlDocument } from "../report/report-html.ts";
import { renderReportPdf } from "../report/report-pdf.ts";
import { reportTable, reportTableNames } from "../report/report-tables.ts";
import { sendTable } from "./export-routes.ts";
import { impactNav } from "./impact-nav.ts";

const reportTableLabels = {
  "report-themes": "by theme",
  "report-areas": "by area",
  "report-sroi": "SROI by project",
  "report-outcomes": "outcomes valued",
} as const;

/** The latest complete financial year is the default: before April, that is the one ending last March. */
function defaultYear(today: string): number {
  const [y, m] = today.split("-").map(Number);
  return m >= 4 ? y - 1 : y - 2;
}

function yearFrom(value: string | undefined, today: string): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= Number(today.slice(0, 4))
    ? year
    : defaultYear(today);
}

/** The theme and area asked for, kept only when they are the organisation's own (anything else is ignored). */
async function scopeFrom(c: Context<AppEnv>, actor: Actor) {
  const db = c.get("services").database.db;
  const [strategy, areas] = await Promise.all([getStrategy(db, actor), listOrganisationAreas(db, actor)]);
  const theme = c.req.query("theme") ?? "";
  const area = c.req.query("area") ?? "";
  return {
    strategy,
    areas,
    scope: {
      themeCode: strategy.some((t) => t.code === theme) ? theme : null,
      laCode: areas.some((a) => a.laCode === area) ? area : null,
    },
  };
}

export function reportPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/impact/report", async (c) => {
    const actor = requireActor(c);
    const today = londonToday(c.get("now"));
    const year = yearFrom(c.req.query("year"), today);
    const db = c.get("services").database.db;
    const brand = await reportBrand(db, actor.organisationId);
    const { strategy, areas, scope } = await scopeFrom(c, actor);
    const figures = await computeReportFigures(db, actor, brand, year, { scope });
    const thisYear = Number(today.slice(0, 4));
    const query = new URLSearchParams({
      year: String(year),
      theme: scope.themeCode ?? "",
      area: scope.laCode ?? "",
    }).toString();
    return renderPage(c, {
      title: `Social impact report ${figures.year.label}${figures.scope.label ? ` (${figures.scope.label})` : ""}`,
      fullWidth: true,
      content: html`${impactNav("/impact/report")}<h1 class="govuk-heading-l"><span class="govuk-caption-l">${figures.organisationName}</span>Social impact report ${figures.year.label}</h1>
        <form method="get" action="/impact/report" class="kith-inline-filter">${select({ name: "year", label: "Financial year", value: String(year), options: Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: String(y), text: `${y}/${String((y + 1) % 100).padStart(2, "0")}` })) })}
          ${select({ name: "theme", label: "Theme", value: scope.themeCode ?? "", options: [{ value: "", text: "All themes" }, ...strategy.map((t) => ({ value: t.code, text: t.name }))] })}
          ${select({ name: "area", label: "Area", value: scope.laCode ?? "", options: [{ value: "", text: "All areas" }, ...areas.map((a) => ({ value: a.laCode, text: a.name }))] })}
          ${button({ text: "Show", classes: "govuk-button--secondary" })}</form>
        <p class="govuk-body"><a class="govuk-link" href="/impact/report/download?${query}&amp;format=pdf" download>Download the report as PDF</a> · <a class="govuk-link" href="/impact/report/download?${query}&amp;format=html" download>Download as HTML</a></p>

        <p class="govuk-body">Tables as spreadsheets: ${reportTableNames.map(
          (name, index) =>
            html`${index ? " · " : ""}${reportTableLabels[name]} (<a class="govuk-link" href="/impact/report/export/${name}.csv?${query}">CSV</a>, <a class="govuk-link" href="/impact/report/export/${name}.xlsx?${query}">XLSX</a>)`,
        )}</p>
        ${reportBody(figures, 2)}`,
    });
  });
  app.get("/impact/report/export/:file", async (c) => {
    const actor = requireActor(c);
    // The role before the file name is even read (issue 18 item 6).
    requireAllowed(canViewPortfolio(actor), "Only staff can download impact figures.");
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(c.req.param("file"));
    const name = reportTableNames.find((n) => n === match?.[1]);
    if (!match || !name)
      throw notFound(
        "Export not found",
        `Choose one of: ${reportTableNames.map((n) => `${n}.csv or ${n}.xlsx`).join(", ")}.`,
      );
    const year = yearFrom(c.req.query("year"), londonToday(c.get("now")));
    const db = c.get("services").database.db;
    const brand = await reportBrand(db, actor.organisationId);
    const { scope } = await scopeFrom(c, actor);
    const figures = await computeReportFigures(db, actor, brand, year, { scope });
    const suffix = [scope.themeCode, scope.laCode].filter(Boolean).join("-");
    return sendTable(
      c,
      reportTable(figures, name),
      `kith-${name}-${figures.year.label.replace("/", "-")}${suffix ? `-${suffix}` : ""}`,
      match[2],
    );
  });
  app.get("/impact/report/download", async (c) => {
    const actor = requireActor(c);
    const today = londonToday(c.get("now"));
    const year = yearFrom(c.req.query("year"), today);
    const format = c.req.query("format") === "html" ? "html" : "pdf";
    const db = c.get("services").database.db;
    const brand = await reportBrand(db, actor.organisationId);
    const { scope } = await scopeFrom(c, actor);
    const figures = await computeReportFigures(db, actor, brand, year, { scope });
    const suffix = [scope.themeCode, scope.laCode].filter(Boolean).join("-");
    const filename = `social-impact-report-${figures.year.label.replace("/", "-")}${suffix ? `-${suffix}` : ""}.${format}`;
    if (format === "html")
      return c.body(reportHtmlDocument(figures), 200, {
        "content-type": "text/html; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      });
    return c.body(new Uint8Array(await renderReportPdf(figures)), 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename}"`,
    });
  });
  return app;
}
