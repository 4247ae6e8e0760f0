import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  barChart,
  button,
  formatNumber,
  formatPercent,
  formatPounds,
  html,
  lineChart,
  progressBar,
  select,
  summaryList,
  table,
  textInput,
  warningText,
} from "../../../platform/ui/index.ts";
import { getStrategy, londonToday } from "../../investment/index.ts";
import { listOrganisationAreas, lsoaBoundariesInDistricts } from "../../places/index.ts";
import { computeDashboard } from "../queries/dashboard.ts";
import { activityMap } from "../report/neighbourhood-map.ts";
import { perPound } from "../report/report-html.ts";
import { volunteeringLine } from "../report/volunteering-line.ts";
import { figureHref } from "./figure-pages.ts";
import { impactNav, periodFrom } from "./impact-nav.ts";

export function dashboardPage(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/impact", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const q = c.req.query();
    const period = periodFrom(q, londonToday(c.get("now")));
    const [strategy, areas] = await Promise.all([getStrategy(db, actor), listOrganisationAreas(db, actor)]);
    const themeCode = strategy.some((t) => t.code === q.theme) ? q.theme : "";
    const laCode = areas.some((a) => a.laCode === q.area) ? q.area : "";
    const d = await computeDashboard(db, actor, {
      from: period.from,
      to: period.to,
      themeCode: themeCode || null,
      laCode: laCode || null,
    });
    // Imported LSOA outlines, when there are any, draw activity per neighbourhood instead of per district.
    const lsoaAreas = await lsoaBoundariesInDistricts(
      db,
      areas.map((a) => a.laCode).filter((code) => !laCode || code === laCode),
    );
    const query = new URLSearchParams({
      from: period.from,
      to: period.to,
      theme: themeCode,
      area: laCode,
    }).toString();
    const scope = { from: period.from, to: period.to, theme: themeCode, area: laCode };
    const workedOut = (name: Parameters<typeof figureHref>[0], figure: string) =>
      html`<a class="govuk-link" href="${figureHref(name, scope)}">How this was worked out<span class="govuk-visually-hidden">: ${figure}</span></a>`;
    return renderPage(c, {
      title: "Community investment dashboard",
      fullWidth: true,
      content: html`${impactNav("/impact")}<h1 class="govuk-heading-l">Community investment dashboard</h1>
        ${period.error ? warningText(period.error) : ""}
        <form method="get" action="/impact" class="kith-inline-filter">
          ${textInput({ name: "from", label: "From (YYYY-MM-DD)", value: period.from, width: 10 })}
          ${textInput({ name: "to", label: "To (YYYY-MM-DD)", value: period.to, width: 10 })}
          ${select({ name: "theme", label: "Theme", value: themeCode, options: [{ value: "", text: "All themes" }, ...strategy.map((t) => ({ value: t.code, text: t.name }))] })}
          ${select({ name: "area", label: "Area", value: laCode, options: [{ value: "", text: "All areas" }, ...areas.map((a) => ({ value: a.laCode, text: a.name }))] })}
          ${button({ text: "Show", classes: "govuk-button--secondary" })}
        </form>
        <p class="govuk-body-l"><strong>${perPound(d.socialValue.perPoundInvested)}</strong> of social value for every £1 invested${d.socialValue.prices ? `, ${d.socialValue.prices}` : ""}.</p>
        <p class="govuk-body-s">${formatPounds(d.socialValue.totalPence)} of social value for ${formatNumber(d.socialValue.people)} people against ${formatPounds(d.socialValue.investedPence)} spent. Values: ${d.socialValue.source}.</p>
        <p class="govuk-body-s">${workedOut("social-value-per-pound", "social value for each £1 invested")} · ${workedOut("sroi", "social return on investment (SROI)")}</p>
        ${summaryList([
          {
            key: "Residents reached",
            value: `${formatNumber(d.residentsReached.total)}: ${formatNumber(d.residentsReached.lightTouch)} light-touch, ${formatNumber(d.residentsReached.inDepth)} in-depth`,
          },
          {
            key: "Tenants reached",
            value: `${formatNumber(d.tenantsReached.total)}: ${formatNumber(d.tenantsReached.lightTouch)} light-touch, ${formatNumber(d.tenantsReached.inDepth)} in-depth`,
          },
          {
            key: "Volunteer input",
            value: `${formatNumber(d.volunteerInput.people)} volunteers, ${formatNumber(d.volunteerInput.hours, 1)} hours`,
          },
          {
            key: "Verified volunteering (volunteering records)",
            value: html`${volunteeringLine(d.verifiedVolunteering).figures}<br><span class="govuk-body-s">${volunteeringLine(d.verifiedVolunteering).source}</span>`,
          },
          {
            key: "Service-user input",
            value: `${formatNumber(d.serviceUserInput.people)} people, ${formatNumber(d.serviceUserInput.hours, 1)} hours`,
          },
          {
            key: "Sessions",
            value: `${formatNumber(d.sessions)} sessions, ${formatNumber(d.attendances)} attendances`,
          },
          {
            key: "Services within budget or funding plan",
            value: `${d.servicesWithinBudget.withinBudget} of ${d.servicesWithinBudget.services}${
              d.servicesWithinBudget.overBudget.length
                ? ` (over: ${d.servicesWithinBudget.overBudget
                    .slice(0, 5)
                    .map((p) => p.name)
                    .join(", ")})`
                : ""
            }`,
          },
          { key: "External funding secured", value: formatPounds(d.externalFundingSecuredPence) },
          { key: "Internal investment", value: formatPounds(d.internalInvestmentPence) },
          {
            key: "External funding per £1 internal",
            value: html`${perPound(d.investmentRatio.externalPerInternalPound)}<br>${workedOut("external-funding-per-pound", "external funding per £1 internal")}`,
          },
          {
            key: "Wellbeing (SWEMWBS, 7 to 35)",
            value: d.survey.wellbeing.people
              ? `${d.survey.wellbeing.before.toFixed(1)} → ${d.survey.wellbeing.after.toFixed(1)} average for ${formatNumber(d.survey.wellbeing.people)} people`
              : "No before-and-after surveys",
          },
          {
            key: "Distance travelled (1 to 10)",
            value: d.survey.distance.people
              ? `${d.survey.distance.before.toFixed(1)} → ${d.survey.distance.after.toFixed(1)} average for ${formatNumber(d.survey.distance.people)} people`
              : "No ratings",
          },
        ])}
        <h2 class="govuk-heading-m">Community development in priority neighbourhoods</h2>
        ${d.priorityNeighbourhoods.share === null ? html`<p class="govuk-body">No community development sessions in this period.</p>` : progressBar({ id: "priority-share", label: `${formatPercent(d.priorityNeighbourhoods.share)} of ${formatNumber(d.priorityNeighbourhoods.communityDevelopmentSessions)} community development sessions were in priority neighbourhoods (target 50%: ${d.priorityNeighbourhoods.met ? "met" : "not met"})`, value: d.priorityNeighbourhoods.inPriorityNeighbourhoods, target: d.priorityNeighbourhoods.communityDevelopmentSessions })}
        <p class="govuk-body-s">${workedOut("priority-share", "community development in priority neighbourhoods")}</p>
        <h2 class="govuk-heading-m">Trend</h2>
        ${lineChart({
          id: "trend",
          title: "People reached and sessions each month",
          description: "Monthly people reached and sessions held in the period.",
          periods: d.trend.map((t) => t.month),
          series: [
            { name: "People reached", values: d.trend.map((t) => t.people) },
            { name: "Sessions", values: d.trend.map((t) => t.sessions) },
          ],
          table: "details",
        })}
        <h2 class="govuk-heading-m">Internal and external investment by theme</h2>
        ${table({ caption: "Investment by theme", captionClasses: "govuk-visually-hidden", firstCellIsHeader: true, head: [{ text: "Theme" }, { text: "Internal", numeric: true }, { text: "External", numeric: true }, { text: "External per £1 internal", numeric: true }], rows: d.investmentRatio.byTheme.map((t) => [t.name, { content: formatPounds(t.internalPence), numeric: true }, { content: formatPounds(t.externalPence), numeric: true }, { content: perPound(t.externalPerInternalPound), numeric: true }]) })}
        ${barChart({ id: "external-by-theme", title: "External funding by theme", description: "Secured external funding for each theme in the period.", valueLabel: "External funding", categoryLabel: "Theme", bars: d.investmentRatio.byTheme.map((t) => ({ label: t.name, value: Math.round(t.externalPence / 100) })), formatValue: (v) => `£${formatNumber(v)}` })}
        <h2 class="govuk-heading-m">Activity by neighbourhood</h2>
        ${activityMap(
          d.neighbourhoods,
          areas.map((a) => a.laCode),
          "activity-map",
          lsoaAreas,
        )}
        <h2 class="govuk-heading-m">Download</h2>
        <ul class="govuk-list">
          <li><a class="govuk-link" href="/impact/export/neighbourhoods.csv?${query}">Activity by neighbourhood (CSV)</a> · <a class="govuk-link" href="/impact/export/neighbourhoods.xlsx?${query}">XLSX</a></li>
          <li><a class="govuk-link" href="/impact/export/themes.csv?${query}">Investment by theme (CSV)</a> · <a class="govuk-link" href="/impact/export/themes.xlsx?${query}">XLSX</a></li>
          <li><a class="govuk-link" href="/impact/export/trend.csv?${query}">Monthly trend (CSV)</a> · <a class="govuk-link" href="/impact/export/trend.xlsx?${query}">XLSX</a></li>
          <li><a class="govuk-link" href="/impact/export/sroi.csv?${query}">SROI by project (CSV)</a> · <a class="govuk-link" href="/impact/export/sroi.xlsx?${query}">XLSX</a></li>
          <li><a class="govuk-link" href="/impact/export/projects.csv?${query}">Projects and services (CSV)</a> · <a class="govuk-link" href="/impact/export/projects.xlsx?${query}">XLSX</a></li>
          <li><a class="govuk-link" href="/impact/export/social-value.csv?${query}">Social value, line by line (CSV)</a> · <a class="govuk-link" href="/impact/export/social-value.xlsx?${query}">XLSX</a></li>
        </ul>`,
    });
  });
  return app;
}
