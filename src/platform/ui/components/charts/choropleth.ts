// A choropleth map drawn on the server: one SVG path per area, coloured by value band.
// No tiles, no client script, no style attributes (fills are presentation attributes),
// so it works under the strict CSP and without JavaScript. A key names each band, and a
// table gives every area's name and value, so the colour is never the only way to read it.
import { geoArea, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { html, type SafeHtml } from "../../html.ts";
import {
  axisTicks,
  type ChartBase,
  chartFigure,
  plainNumber,
  round,
  svgOpen,
  textColour,
  type ValueFormatter,
} from "./chart-parts.ts";

export type MapGeometry = Polygon | MultiPolygon;

export type MapArea = { code: string; name: string; geometry: MapGeometry };

export type ChoroplethOptions = ChartBase & {
  areas: MapArea[];
  /** Value per area code; a missing code or null means no data, drawn hatched and listed as "No data". */
  values: ReadonlyMap<string, number | null>;
  /** Column heading for the values, e.g. "Sessions". */
  valueLabel: string;
  areaLabel?: string;
  formatValue?: ValueFormatter;
  /** Credit line for the boundaries, shown under the map (the licence requires it). */
  source?: string;
  /** Links each area's name in the table (the shapes are hidden from assistive technology, so not there). */
  areaHref?: (code: string) => string;
};

/**
 * GOV.UK blue from tint-80 to shade-50. Each band differs from its neighbour in lightness
 * enough to tell apart, and the lightest is outlined so it stands out from the white page.
 */
export const choroplethColours = ["#d2e2f1", "#8eb8dc", "#5694ca", "#1d70b8", "#0f385c"] as const;
const noDataFill = "#f3f2f1";
const outline = "#0b0c0c";

const WIDTH = 640;
const MAP_HEIGHT = 480;
const PAD = 8;
const KEY_ROW = 26;

export type Band = { from: number; to: number; colour: string };

/** Round, equal-width bands from 0 covering the largest value (at most five). */
export function valueBands(values: number[]): Band[] {
  const ticks = axisTicks(Math.max(0, ...values), choroplethColours.length);
  const count = ticks.length - 1;
  // Spread the palette over however many bands there are, so few bands still differ strongly.
  return ticks.slice(0, -1).map((from, index) => ({
    from,
    to: ticks[index + 1],
    colour:
      choroplethColours[count === 1 ? 2 : Math.round((index * (choroplethColours.length - 1)) / (count - 1))],
  }));
}

export function bandOf(bands: Band[], value: number): Band {
  return bands.find((band) => value < band.to) ?? bands[bands.length - 1];
}

/** The top band includes its upper bound (the largest value may sit exactly on it). */
function bandLabel(bands: Band[], band: Band, format: ValueFormatter): string {
  return band === bands[bands.length - 1]
    ? `${format(band.from)} to ${format(band.to)}`
    : `${format(band.from)} to under ${format(band.to)}`;
}

/**
 * d3-geo reads rings on the sphere, clockwise outside; RFC 7946 files (as ONS publishes)
 * wind the other way, which d3 takes as "the whole world except this area". Such polygons
 * are turned round here so the projection fits the area itself.
 */
export function windForD3(geometry: MapGeometry): MapGeometry {
  const fix = (rings: Position[][]): Position[][] =>
    geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI
      ? rings.map((ring) => [...ring].reverse())
      : rings;
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: fix(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(fix) };
}

/** SVG text does not wrap: break a long credit line between words. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length < width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function choropleth(options: ChoroplethOptions): SafeHtml {
  const format = options.formatValue ?? plainNumber;
  const valueFor = (code: string): number | null => options.values.get(code) ?? null;
  const known = options.areas.map((area) => valueFor(area.code)).filter((v): v is number => v !== null);
  const bands = valueBands(known);
  const hasNoData = known.length < options.areas.length;
  const features: Feature<MapGeometry>[] = options.areas.map((area) => ({
    type: "Feature",
    properties: {},
    geometry: windForD3(area.geometry),
  }));
  const collection: FeatureCollection<MapGeometry> = { type: "FeatureCollection", features };
  const projection = geoMercator().fitExtent(
    [
      [PAD, PAD],
      [WIDTH - PAD, MAP_HEIGHT - PAD],
    ],
    collection,
  );
  // The fit centres the shapes in a fixed box; move them to the top and trim the empty band below.
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const fitted = Number.isFinite(top) && Number.isFinite(bottom);
  if (fitted) {
    const [tx, ty] = projection.translate();
    projection.translate([tx, ty - (top - PAD)]);
  }
  const mapHeight = fitted ? Math.ceil(bottom - top + 2 * PAD) : MAP_HEIGHT;
  const path = geoPath(projection).digits(1);
  const hatch = `${options.id}-no-data`;
  const shapes = features.map((feature, index) => {
    const value = valueFor(options.areas[index].code);
    const fill = value === null ? `url(#${hatch})` : bandOf(bands, value).colour;
    return html`<path d="${path(feature) ?? ""}" fill="${fill}" stroke="${outline}" stroke-width="0.75" stroke-linejoin="round"/>`;
  });
  const keyRows = [
    ...bands.map((band) => ({ fill: band.colour, label: bandLabel(bands, band, format) })),
    ...(hasNoData ? [{ fill: `url(#${hatch})`, label: "No data" }] : []),
  ];
  const keyTop = mapHeight + 12;
  const key = keyRows.map(
    (row, index) =>
      html`<rect x="${PAD}" y="${keyTop + index * KEY_ROW}" width="32" height="18" fill="${row.fill}" stroke="${outline}" stroke-width="1"/><text x="${PAD + 42}" y="${keyTop + index * KEY_ROW + 14}" font-size="14" fill="${textColour}">${row.label}</text>`,
  );
  const creditLines = options.source ? wrap(options.source, 100) : [];
  const height = keyTop + keyRows.length * KEY_ROW + 4 + creditLines.length * 16;
  const credit = creditLines.map(
    (line, index) =>
      html`<text x="${PAD}" y="${height - 6 - (creditLines.length - 1 - index) * 16}" font-size="11" fill="${textColour}">${line}</text>`,
  );
  const defs = html`<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${noDataFill}"/><path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="#505a5f" stroke-width="1.5"/></pattern></defs>`;
  const svg = html`${svgOpen({ id: options.id, title: options.title, description: options.description, width: WIDTH, height: round(height) })}${defs}<g aria-hidden="true">${shapes}<text x="${PAD}" y="${keyTop - 2}" font-size="14" font-weight="bold" fill="${textColour}">${options.valueLabel}</text>${key}${credit}</g></svg>`;
  // Largest first, then by name; areas without data come last, named, so none is hidden.
  const rows = options.areas
    .map((area) => ({ area, value: valueFor(area.code) }))
    .sort(
      (a, b) =>
        (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) ||
        a.area.name.localeCompare(b.area.name),
    );
  return chartFigure({ ...options, table: options.table ?? "visible" }, svg, {
    head: [
      { text: options.areaLabel ?? "Area" },
      { text: options.valueLabel, numeric: true },
      { text: "Band" },
    ],
    rows: rows.map(({ area, value }) => [
      options.areaHref
        ? html`<a class="govuk-link" href="${options.areaHref(area.code)}">${area.name}</a>`
        : area.name,
      { content: value === null ? "No data" : format(value), numeric: true },
      value === null ? "No data" : bandLabel(bands, bandOf(bands, value), format),
    ]),
  });
}
