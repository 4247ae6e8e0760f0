import { type GeoProjection, geoMercator, geoPath } from "d3-geo";
import type { Feature } from "geojson";
import type { Db } from "../../../platform/db/database.ts";
import {
  html,
  type MapArea,
  type MapGeometry,
  type SafeHtml,
  svgOpen,
  windForD3,
} from "../../../platform/ui/index.ts";
import { boundarySource, districtBoundaries, lsoaBoundary } from "../queries/district-boundaries.ts";
import { lsoaNames } from "../queries/reference.ts";

// A small locator map for one place (a case's home, block or open space), drawn on the server as SVG
// from the shared boundaries: the district among its neighbours, and the neighbourhood shaded inside
// it when its LSOA outline has been imported. No tiles (the machines have no internet), no script.
// Whole-pixel coordinates and dropped repeats keep it well under 8 KB, so it can sit on every case.

const WIDTH = 240;
const HEIGHT = 180;
const PAD = 24;
const colours = {
  neighbour: "#f3f2f1",
  neighbourEdge: "#b1b4b6",
  district: "#d2e2f1",
  highlight: "#1d70b8",
  edge: "#0b0c0c",
};

export type LocatorPlace = { laCode: string | null; lsoaCode: string | null };

/** A path in whole pixels, leaving out points that round onto the one before. */
function pixelPath(projection: GeoProjection, geometry: MapGeometry): string {
  let d = "";
  let last = "";
  const point = (command: "M" | "L", x: number, y: number) => {
    const next = `${Math.round(x)} ${Math.round(y)}`;
    if (command === "L" && next === last) return;
    d += `${command}${next}`;
    last = next;
  };
  geoPath(projection, {
    moveTo: (x: number, y: number) => point("M", x, y),
    lineTo: (x: number, y: number) => point("L", x, y),
    closePath: () => {
      d += "Z";
    },
    arc: () => {},
    beginPath: () => {},
  }).digits(0)({ type: "Feature", properties: {}, geometry: windForD3(geometry) } satisfies Feature);
  // A ring that collapsed to one pixel draws nothing: drop it.
  return d.replace(/M-?\d+ -?\d+Z/g, "");
}

type DistrictBase = { projection: GeoProjection; name: string; neighbours: string[]; outline: string };

// Per district, for the life of the process: the reference outlines never change while Kith runs.
const bases = new Map<string, DistrictBase>();

/** The district fitted to the frame, and its neighbours clipped to the same frame. */
function districtBase(district: MapArea): DistrictBase {
  const cached = bases.get(district.code);
  if (cached) return cached;
  const projection = geoMercator()
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      { type: "Feature", properties: {}, geometry: windForD3(district.geometry) },
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const base = {
    projection,
    name: district.name,
    neighbours: districtBoundaries()
      .filter((other) => other.code !== district.code)
      .map((other) => pixelPath(projection, other.geometry))
      .filter((d) => d !== ""),
    outline: pixelPath(projection, district.geometry),
  };
  bases.set(district.code, base);
  return base;
}

/**
 * The locator map of a place, with its text alternative ("In <neighbourhood>, <district>") as the
 * SVG's title and description and as a visible caption. Without a district outline in Kith's
 * reference data only the sentence is shown; without a district, nothing.
 */
export async function locatorMap(db: Db, place: LocatorPlace, id = "locator-map"): Promise<SafeHtml> {
  if (!place.laCode) return html``;
  const [names, neighbourhoodOutline] = place.lsoaCode
    ? await Promise.all([lsoaNames(db, [place.lsoaCode]), lsoaBoundary(db, place.lsoaCode)])
    : [new Map(), undefined];
  const neighbourhood = place.lsoaCode ? names.get(place.lsoaCode) : undefined;
  const district = districtBoundaries([place.laCode])[0];
  const districtName = district?.name ?? neighbourhood?.ladName;
  if (!districtName) return html``;
  const sentence = `In ${neighbourhood ? `${neighbourhood.name}, ` : ""}${districtName}`;
  if (!district) return html`<p class="govuk-body">${sentence}.</p>`;
  const base = districtBase(district);
  const shaded = neighbourhoodOutline ? pixelPath(base.projection, neighbourhoodOutline.geometry) : "";
  const description = shaded
    ? `${sentence}. The neighbourhood is shaded dark blue inside the outline of ${districtName}; neighbouring districts are grey.`
    : `${sentence}. ${districtName} is shaded dark blue among its neighbouring districts, in grey.`;
  return html`<figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
    ${svgOpen({ id, title: `Where it is: ${sentence}`, description, width: WIDTH, height: HEIGHT })}<g aria-hidden="true" stroke-linejoin="round"><rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff" stroke="${colours.neighbourEdge}"/>${base.neighbours.map((d) => html`<path d="${d}" fill="${colours.neighbour}" stroke="${colours.neighbourEdge}"/>`)}<path d="${base.outline}" fill="${shaded ? colours.district : colours.highlight}" stroke="${colours.edge}" stroke-width="1.5"/>${shaded ? html`<path d="${shaded}" fill="${colours.highlight}" stroke="${colours.edge}"/>` : ""}</g></svg>
    <figcaption class="govuk-body-s govuk-!-margin-top-1">${sentence}. ${boundarySource}</figcaption>
  </figure>`;
}
