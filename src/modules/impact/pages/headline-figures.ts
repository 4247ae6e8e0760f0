import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { Problem } from "../../../platform/http/problem.ts";
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPounds,
  html,
  type SafeHtml,
} from "../../../platform/ui/index.ts";
import { grantsOverview } from "../../grants/index.ts";
import { canViewPortfolio, lastTwelveMonths, londonToday } from "../../investment/index.ts";
import { nm01, type OpenCasesByRiskRow, openCasesByRisk } from "../../safety/index.ts";
import { computeDashboard } from "../queries/dashboard.ts";
import { figureHref } from "./figure-pages.ts";

type Headline = { label: string; figure: string; detail: string; href: string };

/** A figure the signed-in person may not see (a refused policy check) is left off, not an error. */
async function allowed<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Problem && error.status === 403) return null;
    throw error;
  }
}

/**
 * The board's headline figures for the last twelve months, each linking to where it comes from. Every
 * figure is another module's exported query (the same figure its own page shows), never its tables.
 */
export async function headlines(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<{
  period: { from: string; to: string };
  items: Headline[];
  openCases: OpenCasesByRiskRow[] | null;
}> {
  const period = lastTwelveMonths(londonToday(now));
  const [dashboard, asb, grants, openCases] = await Promise.all([
    allowed(() => computeDashboard(db, actor, period)),
    allowed(() => nm01(db, actor, period)),
    allowed(() => grantsOverview(db, actor, now)),
    allowed(() => openCasesByRisk(db, actor)),
  ]);
  const items: Headline[] = [];
  if (asb)
    items.push({
      label: "ASB cases per 1,000 homes (NM01)",
      figure:
        asb.total.casesPer1000Homes === null ? "No homes" : formatNumber(asb.total.casesPer1000Homes, 1),
      detail: `${formatNumber(asb.total.cases)} cases, ${formatNumber(asb.total.hateCases)} involving hate`,
      href: "/safety/nm01",
    });
  if (dashboard) {
    const value = dashboard.socialValue;
    items.push({
      label: "Social value for each £1 invested",
      figure: value.perPoundInvested === null ? "No spending yet" : `£${value.perPoundInvested.toFixed(2)}`,
      // Every social value figure says which prices it is in (issue 15 item 4).
      detail: `${formatPounds(value.totalPence)} of social value from ${formatPounds(value.investedPence)} spent${value.prices ? `, ${value.prices}` : ""}`,
      href: figureHref("social-value-per-pound", period),
    });
    const priority = dashboard.priorityNeighbourhoods;
    items.push({
      label: "Community development in priority neighbourhoods",
      figure: priority.share === null ? "No sessions" : formatPercent(priority.share),
      detail: `Target 50%${priority.met === null ? "" : priority.met ? ", met" : ", not met"}`,
      href: figureHref("priority-share", period),
    });
    items.push({
      label: "Volunteer hours",
      figure: formatNumber(dashboard.verifiedVolunteering.hours),
      detail: `Verified hours from ${formatNumber(dashboard.verifiedVolunteering.volunteers)} volunteers`,
      href: "/volunteering",
    });
  }
  if (grants)
    items.push({
      label: "Grants paid",
      figure: formatPounds(grants.paidPence),
      detail: `${formatNumber(grants.activeGrants)} active grants, ${formatNumber(grants.paymentsDue)} payments due`,
      href: "/grants/manage",
    });
  return { period, items, openCases };
}

/** The headline figures on the board's home page. */
export async function headlinePanel(c: Context<AppEnv>): Promise<SafeHtml> {
  const actor = c.get("actor");
  // The board's landing page only: computing every headline on each staff sign-in would slow the
  // officers' and managers' first page, and they have the dashboards one click away.
  if (actor?.kind !== "user" || actor.role !== "read-only" || !canViewPortfolio(actor)) return html``;
  const { period, items, openCases } = await callForPage(c, headlines, actor);
  if (items.length === 0 && !openCases) return html``;
  return html`<h2 class="govuk-heading-m">Headline figures</h2>
    <p class="govuk-body">The last twelve months, ${formatDate(period.from)} to ${formatDate(period.to)}.</p>
    <div class="govuk-grid-row">${items.map(
      (item) =>
        html`<div class="govuk-grid-column-one-third"><h3 class="govuk-body govuk-!-margin-bottom-1"><a class="govuk-link" href="${item.href}">${item.label}</a></h3><p class="govuk-heading-l govuk-!-margin-bottom-1">${item.figure}</p><p class="govuk-hint">${item.detail}</p></div>`,
    )}</div>${openCases ? openCasesPanel(openCases) : ""}`;
}

/** Open cases by risk today: each band links to its cases for case workers; the board sees NM01 beside it. */
function openCasesPanel(rows: OpenCasesByRiskRow[]): SafeHtml {
  const total = rows.reduce((sum, row) => sum + row.cases, 0);
  return html`<h2 class="govuk-heading-m">Open cases by risk</h2>
    <p class="govuk-body">${formatNumber(total)} anti-social behaviour cases open today, by their latest risk assessment. <a class="govuk-link" href="/safety/nm01">See the NM01 report</a>.</p>
    <div class="govuk-grid-row">${rows.map(
      (row) =>
        html`<div class="govuk-grid-column-one-quarter"><h3 class="govuk-body govuk-!-margin-bottom-1">${row.href ? html`<a class="govuk-link" href="${row.href}">${row.label}</a>` : row.label}</h3><p class="govuk-heading-l">${formatNumber(row.cases)}</p></div>`,
    )}</div>`;
}
