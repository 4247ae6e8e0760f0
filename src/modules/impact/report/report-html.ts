import { KITH_BRAND_COLOUR, storedBrandColour } from "../../../platform/brand/index.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  barChart,
  formatNumber,
  formatPercent,
  formatPounds,
  html,
  lineChart,
  raw,
  type SafeHtml,
  summaryList,
  table,
} from "../../../platform/ui/index.ts";
import { activityMap } from "./neighbourhood-map.ts";
import type { ReportFigures } from "./report-figures.ts";
import { volunteeringLine } from "./volunteering-line.ts";

export function perPound(ratio: number | null): string {
  return ratio === null ? "not yet measurable (no spending recorded)" : `£${ratio.toFixed(2)}`;
}

function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** The body of the report: shared by the standalone HTML file and the page in Kith. */
export function reportBody(figures: ReportFigures, headingLevel: 1 | 2 = 1): SafeHtml {
  const d = figures.dashboard;
  const source = d.socialValue.source;
  const volunteering = volunteeringLine(d.verifiedVolunteering);
  const h = (text: string) =>
    headingLevel === 1
      ? html`<h2 class="govuk-heading-l">${text}</h2>`
      : html`<h3 class="govuk-heading-m">${text}</h3>`;
  return html`
    ${figures.scope.label ? html`<p class="govuk-inset-text">This report covers only: ${figures.scope.label}.</p>` : ""}
    <p class="govuk-body-l">From ${figures.year.from} to ${figures.year.to}, ${figures.organisationName}'s community investment created <strong>${perPound(d.socialValue.perPoundInvested)} of social value for every £1 invested</strong>${d.socialValue.prices ? `, ${d.socialValue.prices}` : ""}.</p>
    <p class="govuk-body-s">Social value: ${formatPounds(d.socialValue.totalPence)} for ${formatNumber(d.socialValue.people)} people, against ${formatPounds(d.socialValue.investedPence)} spent. Source of values: ${source}. Method: HACT wellbeing valuation (one value per person per outcome per 12 months, deadweight applied, no double counting).</p>
    ${h("Key figures")}
    ${summaryList([
      {
        key: "Residents reached",
        value: `${formatNumber(d.residentsReached.total)} (${formatNumber(d.residentsReached.lightTouch)} light-touch, ${formatNumber(d.residentsReached.inDepth)} in-depth)`,
      },
      {
        key: "Tenants reached",
        value: `${formatNumber(d.tenantsReached.total)} (${formatNumber(d.tenantsReached.lightTouch)} light-touch, ${formatNumber(d.tenantsReached.inDepth)} in-depth)`,
      },
      {
        key: "Volunteer input",
        value: `${formatNumber(d.volunteerInput.people)} volunteers, ${formatNumber(d.volunteerInput.hours, 1)} hours`,
      },
      {
        key: "Verified volunteering",
        value: html`${volunteering.figures}<br><span class="govuk-body-s">${volunteering.source}</span>`,
      },
      {
        key: "Service-user input",
        value: `${formatNumber(d.serviceUserInput.people)} people, ${formatNumber(d.serviceUserInput.hours, 1)} hours`,
      },
      {
        key: "Sessions and attendances",
        value: `${formatNumber(d.sessions)} sessions, ${formatNumber(d.attendances)} attendances`,
      },
      {
        key: "Services within budget or funding plan",
        value: `${d.servicesWithinBudget.withinBudget} of ${d.servicesWithinBudget.services}`,
      },
      { key: "External funding secured", value: formatPounds(d.externalFundingSecuredPence) },
      { key: "Internal investment", value: formatPounds(d.internalInvestmentPence) },
      {
        key: "External funding per £1 of internal investment",
        value: perPound(d.investmentRatio.externalPerInternalPound),
      },
      {
        key: "Community development in priority neighbourhoods",
        value:
          d.priorityNeighbourhoods.share === null
            ? "No community development sessions"
            : `${formatPercent(d.priorityNeighbourhoods.share)} of ${formatNumber(d.priorityNeighbourhoods.communityDevelopmentSessions)} sessions (target 50%: ${d.priorityNeighbourhoods.met ? "met" : "not met"})`,
      },
      {
        key: "Social value (SROI, discounted at 3.5%)",
        value: `${formatPounds(figures.sroi.overall.presentValuePence)} present value; ${figures.sroi.overall.ratio === null ? "no inputs recorded" : `£${figures.sroi.overall.ratio.toFixed(2)} per £1 of inputs`}; inputs ${formatPounds(figures.sroi.overall.inputsPence)}, of which ${formatPounds(figures.sroi.withoutValuedOutcomesPence)} spent by projects with no valued outcomes`,
      },
    ])}
    ${h("Reach through the year")}
    ${lineChart({
      id: "reach-trend",
      title: "People reached and sessions held each month",
      description: `Monthly people reached and sessions from ${figures.year.from} to ${figures.year.to}.`,
      periods: d.trend.map((t) => monthLabel(t.month)),
      series: [
        { name: "People reached", values: d.trend.map((t) => t.people) },
        { name: "Sessions", values: d.trend.map((t) => t.sessions) },
      ],
      table: "details",
    })}
    ${h("By theme")}
    ${table({
      caption: "Reach and social value by theme",
      firstCellIsHeader: true,
      head: [{ text: "Theme" }, ...numericHeads("Residents", "In-depth", "Sessions", "Social value")],
      rows: figures.themes.map((t) => [
        t.name,
        { content: formatNumber(t.residents), numeric: true },
        { content: formatNumber(t.inDepth), numeric: true },
        { content: formatNumber(t.sessions), numeric: true },
        { content: formatPounds(t.socialValuePence), numeric: true },
      ]),
    })}
    ${barChart({ id: "value-by-theme", title: "Social value by theme", description: "Social value created under each theme; a project with several themes counts under each.", valueLabel: "Social value", categoryLabel: "Theme", bars: figures.themes.map((t) => ({ label: t.name, value: Math.round(t.socialValuePence / 100) })), formatValue: (v) => `£${formatNumber(v)}` })}
    ${h("By area")}
    ${table({
      caption: "Activity and social value by local authority",
      firstCellIsHeader: true,
      head: [{ text: "Area" }, ...numericHeads("Sessions", "People", "Social value")],
      rows: figures.areas.map((a) => [
        a.laName,
        { content: formatNumber(a.sessions), numeric: true },
        { content: formatNumber(a.people), numeric: true },
        { content: formatPounds(a.socialValuePence), numeric: true },
      ]),
    })}
    ${activityMap(
      d.neighbourhoods,
      figures.areas.map((a) => a.laCode),
      "report-activity-map",
    )}
    ${h("Social return on investment")}
    <p class="govuk-body">Following the Cabinet Office guide to SROI: the values above, less each project's attribution and displacement, carried over the years the benefit lasts with drop-off, discounted at 3.5% a year, divided by what was spent.</p>
    ${table({
      caption: "SROI by project (largest first)",
      firstCellIsHeader: true,
      head: [{ text: "Project" }, ...numericHeads("Social value", "Present value", "Inputs", "SROI")],
      rows: figures.sroi.projects.map((p) => [
        p.projectName,
        { content: formatPounds(p.socialValuePence), numeric: true },
        { content: formatPounds(p.sroi.presentValuePence), numeric: true },
        { content: formatPounds(p.sroi.inputsPence), numeric: true },
        { content: p.sroi.ratio === null ? "–" : `£${p.sroi.ratio.toFixed(2)} : £1`, numeric: true },
      ]),
    })}
    ${h("Outcomes valued")}
    ${table({
      caption: "The outcomes behind the social value",
      firstCellIsHeader: true,
      head: [{ text: "Outcome" }, { text: "People", numeric: true }, { text: "Social value", numeric: true }],
      rows: figures.topOutcomes.map((o) => [
        `${o.name} (${o.code})`,
        { content: formatNumber(o.people), numeric: true },
        { content: formatPounds(o.valuePence), numeric: true },
      ]),
    })}
    ${h("Stories")}
    ${figures.stories.length === 0 ? html`<p class="govuk-body">No stories were recorded this year.</p>` : figures.stories.map((s) => html`<blockquote class="kith-story"><p class="govuk-body">${s.story}</p><footer class="govuk-body-s">${s.projectName}, ${s.achievedOn}</footer></blockquote>`)}
    <p class="govuk-body-s">Every figure is traceable to the outcome records behind it in Kith (Impact → Social value). ${source}.</p>`;
}

/** The file's stylesheet, with the organisation's colour on the band above the title and on each section's rule. */
function reportStyles(colour: string): string {
  return `body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:960px;margin:0 auto;padding:24px;line-height:1.4}
h1{font-size:2.2rem}h2{font-size:1.6rem;margin-top:2.5rem;border-top:2px solid ${colour};padding-top:.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border-bottom:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}.govuk-table__cell--numeric,.govuk-table__header--numeric{text-align:right}
dl.govuk-summary-list{display:grid;grid-template-columns:1fr 1.5fr;gap:.4rem 1rem}dt{font-weight:bold}dd{margin:0}.govuk-summary-list__row{display:contents}
.govuk-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
svg{max-width:100%;height:auto}blockquote{border-left:6px solid #b1b4b6;margin:1rem 0;padding-left:1rem}.govuk-body-l{font-size:1.3rem}.govuk-body-s{font-size:.9rem;color:#484949}
@media print{details{display:block}details>summary{display:none}}
body{border-top:12px solid ${colour}}.report-organisation{font-size:1.2rem;font-weight:bold;color:${colour};margin:0}`;
}

/** The report as one self-contained HTML file (no external assets): for email, archive and print. */
export function reportHtmlDocument(figures: ReportFigures): string {
  const colour = storedBrandColour(figures.brandColour) ?? KITH_BRAND_COLOUR;
  const title = `${figures.organisationName}: social impact report ${figures.year.label}${figures.scope.label ? ` (${figures.scope.label})` : ""}`;
  return html`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${raw(reportStyles(colour))}</style></head>
<body><header><p class="report-organisation">${figures.organisationName}</p></header><main><h1>${title}</h1>${reportBody(figures)}</main></body></html>`.toString();
}
