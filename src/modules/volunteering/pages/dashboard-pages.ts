import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  barChart,
  formatNumber,
  formatPence,
  formatPounds,
  html,
  lineChart,
  table,
} from "../../../platform/ui/index.ts";
import { districtCountMap, listOrganisationAreas } from "../../places/index.ts";
import { retention } from "../queries/hours.ts";
import { volunteersByDistrict } from "../queries/place-volunteers.ts";
import { volunteeringReport } from "../queries/volunteering-value.ts";
import { volunteeringWorkload } from "../queries/workload.ts";
import { londonToday } from "../records.ts";
import { financialYear, hoursText, volunteeringTabs } from "./page-kit.ts";

function monthLabel(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year ?? 2000, (number ?? 1) - 1, 1)).toLocaleDateString("en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function dashboardPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/volunteering", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const period = financialYear(londonToday(c.get("now")));
    const [value, work, trend, byDistrict, areas] = await Promise.all([
      volunteeringReport(db, actor, period),
      volunteeringWorkload(db, actor),
      retention(db, actor, { from: `${Number(period.from.slice(0, 4)) - 1}-04-01`, to: period.to }),
      volunteersByDistrict(db, actor),
      listOrganisationAreas(db, actor),
    ]);
    const rate = value.rates.find((r) => r.year === Number(londonToday(c.get("now")).slice(0, 4)));
    const card = (figure: string, label: string, href?: string) =>
      html`<div class="govuk-grid-column-one-quarter"><p class="govuk-body"><span class="govuk-heading-l govuk-!-margin-bottom-1">${figure}</span>${href ? html`<a class="govuk-link" href="${href}">${label}</a>` : label}</p></div>`;
    return renderPage(c, {
      title: "Volunteering",
      content: html`${volunteeringTabs(actor, "/volunteering")}
        <h1 class="govuk-heading-l">Volunteering</h1>
        <h2 class="govuk-heading-m">This financial year (${period.from.slice(0, 4)} to ${period.to.slice(0, 4)})</h2>
        <div class="govuk-grid-row">
          ${card(formatPounds(value.total.valuePence), "value of volunteering")}
          ${card(formatNumber(Math.round(value.total.hours)), "verified hours")}
          ${card(formatNumber(value.total.activeVolunteers), "active volunteers")}
          ${card(formatNumber(work.openRoles), "open roles", "/volunteering/roles?status=approved")}
        </div>
        <p class="govuk-body-s">Value is verified hours × the value of an hour for the year they were worked${rate ? html` (${formatPence(rate.ratePence)} an hour in ${rate.year}: ${rate.source})` : ""}. <a class="govuk-link" href="/volunteering/rates">How an hour is valued</a>.</p>
        ${value.yearsWithoutRate.length ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> No value of an hour is set for ${value.yearsWithoutRate.join(", ")}: those hours count as £0.</strong></div>` : ""}
        <h2 class="govuk-heading-m">Waiting for you</h2>
        <div class="govuk-grid-row">
          ${card(formatNumber(work.rolesToApprove), "roles to approve", "/volunteering/roles?status=submitted")}
          ${card(formatNumber(work.applicationsToDecide), "applications to decide", "/volunteering/applications")}
          ${card(formatNumber(work.hoursToVerify), "hours entries to verify", "/volunteering/hours")}
          ${card(formatNumber(work.volunteers), "volunteers registered", "/volunteering/volunteers")}
        </div>
        ${value.byTheme.length ? barChart({ id: "value-by-theme", title: "Value of volunteering by theme, this financial year", description: `The largest is ${value.byTheme[0]?.themeName}, at ${formatPounds(value.byTheme[0]?.valuePence ?? 0)}.`, bars: value.byTheme.map((t) => ({ label: t.themeName, value: t.valuePence })), valueLabel: "Value", categoryLabel: "Theme", formatValue: formatPounds, table: "details" }) : ""}
        ${value.byArea.length ? barChart({ id: "hours-by-area", title: "Verified hours by area, this financial year", description: `Most hours were in ${value.byArea[0]?.areaName}.`, bars: value.byArea.map((a) => ({ label: a.areaName, value: Math.round(a.hours) })), valueLabel: "Hours", categoryLabel: "Area", table: "details" }) : ""}
        ${
          trend.monthly.length > 1
            ? lineChart({
                id: "monthly-hours",
                title: "Verified hours and active volunteers by month",
                description: `Over the last two financial years, ${trend.monthly.length} months with hours.`,
                periods: trend.monthly.map((m) => monthLabel(m.month)),
                series: [
                  { name: "Hours", values: trend.monthly.map((m) => Math.round(m.minutes / 60)) },
                  { name: "Active volunteers", values: trend.monthly.map((m) => m.activeVolunteers) },
                ],
                periodLabel: "Month",
                table: "details",
              })
            : ""
        }
        ${
          value.byTheme.length
            ? table({
                caption: "Hours and value by theme",
                head: [{ text: "Theme" }, ...numericHeads("Hours", "Value", "Volunteers")],
                rows: value.byTheme.map((t) => [
                  t.themeName,
                  { content: hoursText(t.minutes), numeric: true },
                  { content: formatPence(t.valuePence), numeric: true },
                  { content: t.activeVolunteers, numeric: true },
                ]),
              })
            : ""
        }
        <h2 class="govuk-heading-m">Where volunteers live</h2>
        ${districtCountMap({
          id: "volunteers-by-district",
          title: "Volunteers by district",
          description:
            "Registered volunteers by the district they live in; darker districts have more volunteers.",
          valueLabel: "Volunteers",
          counts: new Map(byDistrict.map((d) => [d.laCode, d.volunteers])),
          districtCodes: areas.map((a) => a.laCode),
        })}`,
    });
  });
  return app;
}
