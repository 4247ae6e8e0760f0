import {
  placeSection,
  profileSection,
  smallCount,
  smallCountValue,
} from "../../../platform/http/place-profile.ts";
import { html, summaryList, table } from "../../../platform/ui/index.ts";
import { canViewReports } from "../policy.ts";
import { casesInPlace } from "../queries/place-cases.ts";

const heading = "Community safety";

/** Community safety on a neighbourhood or district profile: counts only, small ones suppressed. */
export const safetyPlaceSection = placeSection(canViewReports, async (actor, place, { db, today }) => {
  const cases = await casesInPlace(db, actor, place, today);
  const total = cases.byCategory.reduce((sum, row) => sum + row.cases, 0);
  const period = `${cases.from} to ${cases.to}`;
  const hotSpots = place.level === "lad" ? "/safety/hot-spots" : "/safety/hot-spots#neighbourhoods";
  const headline: [string, number][] = [
    ["Cases open now", cases.open],
    ["Cases opened", total],
    ["Repeat locations (addresses or blocks with 2 or more cases)", cases.repeatLocations],
    ["Community Trigger activations", cases.triggerActivations],
  ];
  const figures = [
    ...headline.map(([figure, count], i) => ({
      section: heading,
      figure,
      period: i === 0 ? cases.to : period,
      value: smallCountValue(count),
    })),
    ...cases.byCategory.map((row) => ({
      section: heading,
      figure: `Cases opened: ${row.name}`,
      period,
      value: smallCountValue(row.cases),
    })),
  ];
  return {
    figures,
    trends: [
      {
        name: "Community safety cases opened",
        unit: "count",
        suppressed: true,
        values: cases.byMonth.map((m) => m.cases),
      },
    ],
    html: profileSection(
      heading,
      html`${summaryList(headline.map(([key, count], i) => ({ key: i === 0 ? `${key} (${cases.to})` : key, value: smallCount(count) })))}
        <p class="govuk-body">Cases opened, repeat locations and Community Trigger activations count the months from ${cases.from} to ${cases.to}.</p>
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
        }
        <p class="govuk-body">Cases opened each month are under Trends below.</p>`,
      { href: hotSpots, text: "See where anti-social behaviour concentrates (hot spots)" },
    ),
  };
});
