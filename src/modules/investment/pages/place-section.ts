import {
  monthlyTotals,
  placeSection,
  profileSection,
  smallCount,
  smallCountValue,
  twelveMonthsTo,
} from "../../../platform/http/place-profile.ts";
import { html } from "../../../platform/ui/index.ts";
import { canViewPortfolio } from "../policy.ts";
import { activityByNeighbourhood, reachFigures } from "../queries/figures.ts";
import { projectsInPlace, sessionsInPlaceByDay } from "../queries/place-projects.ts";

const heading = "Community investment";

/** Community investment on a neighbourhood or district profile: projects, sessions and people reached. */
export const investmentPlaceSection = placeSection(
  canViewPortfolio,
  async (actor, place, { db, today, months: trendMonths }) => {
    const year = twelveMonthsTo(today);
    const filter = { from: year.from, to: year.to, laCode: place.laCode };
    const [projects, activity, byDay] = await Promise.all([
      projectsInPlace(db, actor, place),
      place.level === "lad"
        ? reachFigures(db, actor, filter).then((reach) => ({
            sessions: reach.sessions,
            people: reach.residents.total,
          }))
        : activityByNeighbourhood(db, actor, filter).then(
            (result) =>
              result.neighbourhoods.find((n) => n.lsoa21Code === place.code) ?? { sessions: 0, people: 0 },
          ),
      sessionsInPlaceByDay(db, actor, place, trendMonths.from, trendMonths.to),
    ]);
    return {
      figures: [
        { section: heading, figure: "Sessions held", period: year.label, value: activity.sessions },
        {
          section: heading,
          figure: "Residents reached",
          period: year.label,
          value: smallCountValue(activity.people),
        },
        { section: heading, figure: "Projects naming this area", period: today, value: projects.length },
      ],
      trends: [
        {
          name: "Sessions held",
          unit: "count",
          suppressed: false,
          values: monthlyTotals(trendMonths.months, byDay.sessions),
        },
        {
          name: "Attendances at sessions",
          unit: "count",
          suppressed: true,
          values: monthlyTotals(trendMonths.months, byDay.attendances),
        },
      ],
      html: profileSection(
        heading,
        html`<p class="govuk-body">${activity.sessions.toLocaleString("en-GB")} sessions held here from ${year.from} to ${year.to}, reaching ${smallCount(activity.people)} residents.</p>
      ${
        projects.length > 0
          ? html`<p class="govuk-body">${projects.length} projects name this area:</p><ul class="govuk-list govuk-list--bullet">${projects.map(
              (p) =>
                html`<li><a class="govuk-link" href="/investment/projects/${p.id}">${p.name}</a> (${p.stage})</li>`,
            )}</ul>`
          : html`<p class="govuk-body">No project names this area.</p>`
      }`,
        { href: "/investment", text: "Open the projects register" },
      ),
    };
  },
);
