import { choropleth, html, type MapArea, type SafeHtml, table } from "../../../platform/ui/index.ts";
import { boundarySource, districtBoundaries } from "../../places/index.ts";

export type MapNeighbourhood = {
  lsoa21Code: string;
  name: string;
  /** The neighbourhood's district; null when the places module does not know the neighbourhood. */
  laCode?: string | null;
  sessions: number;
  people: number;
  imdDecile: number | null;
  priority: boolean;
};

/**
 * Activity by neighbourhood: a map of sessions per neighbourhood when LSOA outlines have been
 * imported (`lsoaAreas`), otherwise per district (Kith ships district outlines for Kent and
 * Medway), then every neighbourhood named in a table, most deprived first. `districtCodes` are
 * the districts to draw, normally the organisation's areas; an area with no sessions shows 0.
 * Without any outlines only the table is shown.
 */
export function activityMap(
  neighbourhoods: MapNeighbourhood[],
  districtCodes: readonly string[],
  id = "activity-map",
  lsoaAreas: MapArea[] = [],
): SafeHtml {
  const byLsoa = lsoaAreas.length > 0;
  const areas = byLsoa ? lsoaAreas : districtBoundaries(districtCodes);
  const sessions = new Map<string, number | null>(areas.map((d) => [d.code, 0]));
  for (const n of neighbourhoods) {
    const code = byLsoa ? n.lsoa21Code : n.laCode;
    if (code && sessions.has(code)) sessions.set(code, (sessions.get(code) ?? 0) + n.sessions);
  }
  const busiest = [...areas].sort((a, b) => (sessions.get(b.code) ?? 0) - (sessions.get(a.code) ?? 0))[0];
  const unit = byLsoa ? "neighbourhood" : "district";
  const map =
    areas.length > 0
      ? choropleth({
          id,
          title: `Sessions by ${unit}`,
          description: `Sessions held in each of ${areas.length} ${unit}s in the period; darker areas had more. ${busiest && (sessions.get(busiest.code) ?? 0) > 0 ? `${busiest.name} had the most.` : "No sessions were recorded."}`,
          areas,
          values: sessions,
          valueLabel: "Sessions",
          areaLabel: byLsoa ? "Neighbourhood" : "District",
          source: boundarySource,
          table: "details",
        })
      : "";
  const rows = [...neighbourhoods].sort(
    (a, b) =>
      (a.imdDecile ?? 11) - (b.imdDecile ?? 11) || b.sessions - a.sessions || a.name.localeCompare(b.name),
  );
  return html`${map}${table({
    caption: "Activity by neighbourhood, most deprived first",
    captionClasses: "govuk-table__caption--s",
    firstCellIsHeader: true,
    id: `${id}-neighbourhoods`,
    head: [
      { text: "Neighbourhood" },
      { text: "IMD decile", numeric: true },
      { text: "Priority" },
      { text: "Sessions", numeric: true },
      { text: "People", numeric: true },
    ],
    rows: rows.map((n) => [
      `${n.name} (${n.lsoa21Code})`,
      { content: n.imdDecile ?? "unknown", numeric: true },
      n.priority ? "Yes" : "No",
      { content: n.sessions, numeric: true },
      { content: n.people, numeric: true },
    ]),
  })}`;
}
