import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { formatDate, formatNumber, formatPounds, html, type SafeHtml } from "../../../platform/ui/index.ts";
import { computeSocialValue } from "../../impact/index.ts";
import { projectSummary } from "../queries/project-summary.ts";

/**
 * The project's last twelve months at a glance: sessions, reach, outcomes, spend and social value.
 * Social value comes from the impact module's HACT calculation, the same figure as the dashboard's.
 */
export async function projectSummaryPanel(
  db: Db,
  actor: Actor,
  projectId: string,
  today: string,
): Promise<SafeHtml> {
  const summary = await projectSummary(db, actor, projectId, today);
  const value = await computeSocialValue(db, actor, { ...summary.period, projectId });
  const { reach } = summary;
  const perPound = summary.spentPence > 0 ? value.totalPence / summary.spentPence : null;
  const figure = (label: string, text: string, detail: string) =>
    html`<div class="govuk-grid-column-one-third"><p class="govuk-body govuk-!-margin-bottom-1">${label}</p><p class="govuk-heading-l govuk-!-margin-bottom-1">${text}</p><p class="govuk-hint">${detail}</p></div>`;
  return html`<h2 class="govuk-heading-m">The last twelve months</h2>
    <p class="govuk-body">From ${formatDate(summary.period.from)} to ${formatDate(summary.period.to)}.</p>
    <div class="govuk-grid-row">
      ${figure("Sessions", formatNumber(reach.sessions), `${formatNumber(reach.attendances)} attendances`)}
      ${figure("People reached", formatNumber(reach.residents.total), `${formatNumber(reach.residents.inDepth)} in depth, ${formatNumber(reach.tenants.total)} tenants`)}
      ${figure("Volunteers", formatNumber(reach.volunteers.people), `${formatNumber(reach.volunteers.hours, 1)} hours given`)}
    </div>
    <div class="govuk-grid-row">
      ${figure("Outcomes recorded", formatNumber(summary.outcomes.total), `${formatNumber(summary.outcomes.valued)} with a value-bank outcome`)}
      ${figure("Spent", formatPounds(summary.spentPence), "Spending recorded in the period")}
      ${figure("Social value", formatPounds(value.totalPence), perPound === null ? (value.bank ? "No spending recorded to compare" : "No value bank is in use yet") : `£${perPound.toFixed(2)} for each £1 spent`)}
    </div>`;
}
