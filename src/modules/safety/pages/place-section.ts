import { londonDay } from "../../../platform/dates/london.ts";
import { placeSection, profileSection, smallCount } from "../../../platform/http/place-profile.ts";
import { html, table } from "../../../platform/ui/index.ts";
import { canViewReports } from "../policy.ts";
import { casesInPlace } from "../queries/place-cases.ts";

/** Community safety on a neighbourhood or district profile: counts only, small ones suppressed. */
export const safetyPlaceSection = placeSection(canViewReports, async (c, actor, place) => {
  const cases = await casesInPlace(c.get("services").database.db, actor, place, londonDay(c.get("now")));
  const total = cases.byCategory.reduce((sum, row) => sum + row.cases, 0);
  const hotSpots = place.level === "lad" ? "/safety/hot-spots" : "/safety/hot-spots#neighbourhoods";
  return profileSection(
    "Community safety",
    html`<p class="govuk-body">${smallCount(cases.open)} cases open now; ${smallCount(total)} opened from ${cases.from} to ${cases.to}.</p>
      ${
        cases.byCategory.length > 0
          ? table({
              caption: "Cases opened in the last 12 months by category",
              captionClasses: "govuk-table__caption--s",
              head: [{ text: "Category" }, { text: "Cases", numeric: true }],
              rows: cases.byCategory.map((row) => [
                row.name,
                { content: smallCount(row.cases), numeric: true },
              ]),
            })
          : ""
      }`,
    { href: hotSpots, text: "See where anti-social behaviour concentrates (hot spots)" },
  );
});
