import { addDays, londonDay } from "../../../platform/dates/london.ts";
import { placeSection, profileSection, smallCount } from "../../../platform/http/place-profile.ts";
import { html } from "../../../platform/ui/index.ts";
import { canViewPortfolio } from "../policy.ts";
import { activityByNeighbourhood, reachFigures } from "../queries/figures.ts";
import { projectsInPlace } from "../queries/place-projects.ts";

/** Community investment on a neighbourhood or district profile: projects, sessions and people reached. */
export const investmentPlaceSection = placeSection(canViewPortfolio, async (c, actor, place) => {
  const db = c.get("services").database.db;
  const to = londonDay(c.get("now"));
  const filter = { from: addDays(to, -364), to, laCode: place.laCode };
  const [projects, activity] = await Promise.all([
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
  ]);
  return profileSection(
    "Community investment",
    html`<p class="govuk-body">${activity.sessions.toLocaleString("en-GB")} sessions held here from ${filter.from} to ${to}, reaching ${smallCount(activity.people)} residents.</p>
      ${
        projects.length > 0
          ? html`<ul class="govuk-list govuk-list--bullet">${projects.map(
              (p) =>
                html`<li><a class="govuk-link" href="/investment/projects/${p.id}">${p.name}</a> (${p.stage})</li>`,
            )}</ul>`
          : html`<p class="govuk-body">No project names this area.</p>`
      }`,
    { href: "/investment", text: "Open the projects register" },
  );
});
