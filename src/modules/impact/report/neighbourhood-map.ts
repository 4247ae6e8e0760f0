import { decileColour, decileTextColour, html, type SafeHtml, table } from "../../../platform/ui/index.ts";

export type MapNeighbourhood = {
  lsoa21Code: string;
  name: string;
  sessions: number;
  people: number;
  imdDecile: number | null;
  priority: boolean;
};

const TILE = 64;
const GAP = 6;
const COLUMNS = 9;

/**
 * Activity by neighbourhood, coloured by deprivation: one tile per neighbourhood where something
 * happened, in IMD decile order (most deprived first), each tile showing its session count.
 * Kith holds no boundary files, so this is a tile map rather than a geographic choropleth; the
 * table beneath carries the same figures for screen readers and print.
 */
export function neighbourhoodTileMap(
  neighbourhoods: MapNeighbourhood[],
  id = "activity-map",
  limit = 72,
): SafeHtml {
  const tiles = [...neighbourhoods]
    .sort((a, b) => (a.imdDecile ?? 11) - (b.imdDecile ?? 11) || b.sessions - a.sessions)
    .slice(0, limit);
  const rows = Math.max(1, Math.ceil(tiles.length / COLUMNS));
  const width = COLUMNS * (TILE + GAP);
  const height = rows * (TILE + GAP) + 4;
  const cells = tiles.map((n, index) => {
    const x = (index % COLUMNS) * (TILE + GAP);
    const y = Math.floor(index / COLUMNS) * (TILE + GAP);
    const fill = n.imdDecile ? decileColour(n.imdDecile) : "#f3f2f1";
    const text = n.imdDecile ? decileTextColour(n.imdDecile) : "#0b0c0c";
    return html`<g><rect x="${x}" y="${y}" width="${TILE}" height="${TILE}" fill="${fill}"${n.priority ? html` stroke="#0b0c0c" stroke-width="4"` : ""}/><text x="${x + TILE / 2}" y="${y + 30}" text-anchor="middle" font-size="18" font-weight="bold" fill="${text}">${n.sessions}</text><text x="${x + TILE / 2}" y="${y + 50}" text-anchor="middle" font-size="11" fill="${text}">D${n.imdDecile ?? "?"}</text></g>`;
  });
  const description = `${tiles.length} neighbourhoods with activity, most deprived first. Each tile shows the number of sessions and the IMD decile (D1 is the most deprived 10% in England); priority neighbourhoods have a black border.`;
  return html`<figure class="kith-chart-figure" id="${id}"><svg xmlns="http://www.w3.org/2000/svg" class="kith-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" focusable="false"><title id="${id}-title">Activity by neighbourhood, coloured by deprivation</title><desc id="${id}-desc">${description}</desc><g aria-hidden="true">${cells}</g></svg>
    <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the neighbourhoods as a table</span></summary><div class="govuk-details__text">${table(
      {
        caption: "Activity by neighbourhood",
        captionClasses: "govuk-table__caption--s",
        firstCellIsHeader: true,
        head: [
          { text: "Neighbourhood" },
          { text: "IMD decile", numeric: true },
          { text: "Priority" },
          { text: "Sessions", numeric: true },
          { text: "People", numeric: true },
        ],
        rows: tiles.map((n) => [
          `${n.name} (${n.lsoa21Code})`,
          { content: n.imdDecile ?? "unknown", numeric: true },
          n.priority ? "Yes" : "No",
          { content: n.sessions, numeric: true },
          { content: n.people, numeric: true },
        ]),
      },
    )}</div></details></figure>`;
}
