import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  backLink,
  button,
  formatNumber,
  formatPercent,
  formatPounds,
  html,
  summaryList,
  textInput,
  warningText,
} from "../../../platform/ui/index.ts";
import { londonToday } from "../../investment/index.ts";
import { type FigureName, figureRules, isFigureName } from "../queries/figure-rules.ts";
import { type FigurePart, type FigureWorking, figureWorking } from "../queries/figure-workings.ts";
import { financialYear } from "../report/report-figures.ts";
import { sendTable } from "./export-routes.ts";
import { impactNav, periodFrom } from "./impact-nav.ts";

/** The period asked for, or the financial year (April to March) that holds today. */
function figurePeriod(query: Record<string, string>, today: string) {
  if (query.from || query.to) return periodFrom(query, today);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < "04-01" ? 1 : 0);
  const { from, to } = financialYear(year);
  return { from, to };
}

/** The link from a headline figure to its working (or its CSV), keeping the period and filters. */
export function figureHref(
  name: FigureName,
  filter: { from: string; to: string; theme?: string | null; area?: string | null },
  format: "page" | "csv" = "page",
): string {
  const query = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.theme) query.set("theme", filter.theme);
  if (filter.area) query.set("area", filter.area);
  return `/impact/figures/${name}${format === "csv" ? ".csv" : ""}?${query.toString()}`;
}

function partText(part: FigurePart): string {
  return part.unit === "pence" ? formatPounds(part.value) : `${formatNumber(part.value)} sessions`;
}

/** The figure as a sentence, as the dashboard puts it. */
function figureSentence(working: FigureWorking): string {
  const v = working.value;
  const pounds = (ratio: number) => `£${ratio.toFixed(2)}`;
  switch (working.name) {
    case "social-value-per-pound":
      return v === null
        ? "Not yet measurable: no spending recorded in this period."
        : `${pounds(v)} of social value for every £1 invested.`;
    case "sroi":
      return v === null
        ? "Not yet measurable: no inputs recorded in this period."
        : `${pounds(v)} of present social value for every £1 of inputs.`;
    case "priority-share":
      return v === null
        ? "No community development sessions in this period."
        : `${formatPercent(v)} of community development sessions were in priority neighbourhoods (target 50%: ${v >= 0.5 ? "met" : "not met"}).`;
    case "external-funding-per-pound":
      return v === null
        ? "Not yet measurable: no internal investment in this period."
        : `${pounds(v)} of external funding for every £1 of internal investment.`;
  }
}

/** "How this was worked out": the rule, its source, the numerator and denominator, and the rows. */
export function figurePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/impact/figures/:file", async (c) => {
    const actor = requireActor(c);
    const match = /^([a-z0-9-]+?)(\.csv)?$/.exec(c.req.param("file"));
    const name = match?.[1];
    if (!isFigureName(name))
      throw notFound("Figure not found", "Choose a figure from the community investment dashboard.");
    const q = c.req.query();
    const period = figurePeriod(q, londonToday(c.get("now")));
    const filter = { from: period.from, to: period.to, themeCode: q.theme || null, laCode: q.area || null };
    const working = await figureWorking(c.get("services").database.db, actor, name, filter);
    if (match?.[2]) return sendTable(c, working.rows, `kith-${name}-${period.from}-to-${period.to}`, "csv");
    const rule = figureRules[name];
    const title = `${rule.title}: how this was worked out`;
    const csvHref = figureHref(name, { ...period, theme: filter.themeCode, area: filter.laCode }, "csv");
    const dashboardHref = `/impact?${new URLSearchParams({ from: period.from, to: period.to, theme: q.theme ?? "", area: q.area ?? "" }).toString()}`;
    return renderPage(c, {
      title,
      content: html`${impactNav("/impact")}${backLink(dashboardHref, "Back to the dashboard")}
        <h1 class="govuk-heading-l">${title}</h1>
        ${"error" in period && period.error ? warningText(period.error) : ""}
        <p class="govuk-body-l"><strong>${figureSentence(working)}</strong></p>
        <p class="govuk-body">From ${period.from} to ${period.to}${filter.themeCode ? `, theme ${filter.themeCode}` : ""}${filter.laCode ? `, area ${filter.laCode}` : ""}.${working.prices ? ` Money values are ${working.prices}.` : ""}</p>
        <form method="get" action="/impact/figures/${name}" novalidate class="kith-inline-filter">
          ${textInput({ name: "from", label: "From (YYYY-MM-DD)", value: period.from, width: 10 })}
          ${textInput({ name: "to", label: "To (YYYY-MM-DD)", value: period.to, width: 10 })}
          ${filter.themeCode ? html`<input type="hidden" name="theme" value="${filter.themeCode}">` : ""}
          ${filter.laCode ? html`<input type="hidden" name="area" value="${filter.laCode}">` : ""}
          ${button({ text: "Show", classes: "govuk-button--secondary" })}
        </form>
        <h2 class="govuk-heading-m">The rule</h2>
        <ol class="govuk-list govuk-list--number">${rule.rule.map((step) => html`<li>${step}</li>`)}</ol>
        <h2 class="govuk-heading-m">Source</h2>
        <p class="govuk-body">${rule.source}</p>
        <p class="govuk-body">Kith's guide to this figure: docs/figures/${name}.md.</p>
        <h2 class="govuk-heading-m">Numerator and denominator</h2>
        ${summaryList([
          { key: `Numerator: ${rule.numerator}`, value: partText(working.numerator) },
          { key: `Denominator: ${rule.denominator}`, value: partText(working.denominator) },
          {
            key: "Figure",
            value:
              working.value === null
                ? "No figure: the denominator is 0"
                : name === "priority-share"
                  ? `${formatNumber(working.numerator.value)} ÷ ${formatNumber(working.denominator.value)} = ${formatPercent(working.value)}`
                  : `${formatPounds(working.numerator.value)} ÷ ${formatPounds(working.denominator.value)} = £${working.value.toFixed(2)} per £1`,
          },
          ...(working.prices ? [{ key: "Prices", value: working.prices }] : []),
          ...(working.valueSource ? [{ key: "Values from", value: working.valueSource }] : []),
        ])}
        <h2 class="govuk-heading-m">The rows behind it</h2>
        <p class="govuk-body">${formatNumber(working.rows.rows.length)} rows, ${rule.rows}. They carry ids and project names, never a person's name.</p>
        <p class="govuk-body"><a class="govuk-link" href="${csvHref}" download>Download the rows behind this figure (CSV)</a></p>`,
    });
  });
  return app;
}
