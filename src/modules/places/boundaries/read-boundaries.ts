// Reading and checking a boundary file (GeoJSON or TopoJSON, as the ONS Open Geography Portal
// publishes them) before anything is stored. Every check runs over the whole file first, so a
// file is either accepted whole or refused with every problem named.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { simplifyRing } from "./simplify.ts";

export const boundaryLevels = ["lsoa21", "lsoa11", "lad"] as const;
export type BoundaryLevel = (typeof boundaryLevels)[number];

export type BoundaryShape = { code: string; name: string | null; geometry: Polygon | MultiPolygon };

export type BoundaryProblems = {
  unknownCodes: string[];
  badGeometry: string[];
  duplicateCodes: string[];
  /** Set when coordinates are not longitude/latitude: the whole file is refused. */
  wrongProjection: string | null;
};

// The ONS names the code column after the level and year (LSOA21CD, LAD24CD); other tools use these.
const codeKeys = /^(lsoa\d\dcd|lad\d\dcd|areacd|code|lsoa code|lsoa\d\d code|gss_code)$/i;
const nameKeys = /^(lsoa\d\dnm|lad\d\dnm|areanm|name|lsoa name)$/i;
const codePattern: Record<BoundaryLevel, RegExp> = {
  lsoa21: /^[EW]01\d{6}$/,
  lsoa11: /^[EW]01\d{6}$/,
  lad: /^[EWSN]0[6-9]\d{6}$/,
};

/** Turns the file's text into features: a GeoJSON FeatureCollection or every object of a TopoJSON topology. */
export function parseBoundaryText(text: string): Feature[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("The file is not valid JSON, so it is neither GeoJSON nor TopoJSON.");
  }
  const data = parsed as { type?: string; objects?: Record<string, unknown>; features?: unknown };
  if (data.type === "Topology" && data.objects) {
    const topology = parsed as Topology;
    return Object.values(topology.objects).flatMap((object) => {
      const result = feature(topology, object);
      return result.type === "FeatureCollection" ? result.features : [result];
    });
  }
  if (data.type === "FeatureCollection" && Array.isArray(data.features))
    return (parsed as FeatureCollection).features;
  throw new Error(
    'The file must be a GeoJSON FeatureCollection or a TopoJSON Topology (its "type" says neither).',
  );
}

function pick(properties: Record<string, unknown> | null, keys: RegExp): string | null {
  for (const [key, value] of Object.entries(properties ?? {}))
    if (keys.test(key) && (typeof value === "string" || typeof value === "number"))
      return String(value).trim();
  return null;
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

/** Why a geometry cannot be drawn, or null when it can. */
function geometryFault(geometry: Geometry | null): string | null {
  if (!geometry) return "has no geometry";
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")
    return `is a ${geometry.type}, not a Polygon or MultiPolygon`;
  const rings = ringsOf(geometry);
  if (rings.length === 0) return "has no rings";
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return "has a ring with fewer than 4 positions";
    if (ring.some((p) => !Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])))
      return "has a position that is not a pair of numbers";
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) return "has a ring that is not closed";
  }
  return null;
}

/**
 * Checks every feature: a known code of the level, drawable polygons, longitude and latitude.
 * `knownCodes` are the codes of the level in Kith's reference tables. Shapes are simplified to
 * `tolerance` degrees (Douglas–Peucker, per ring; a ring too small to keep its shape is kept whole).
 */
export function checkBoundaries(
  features: Feature[],
  level: BoundaryLevel,
  knownCodes: ReadonlySet<string>,
  tolerance: number,
): { shapes: BoundaryShape[]; problems: BoundaryProblems } {
  const problems: BoundaryProblems = {
    unknownCodes: [],
    badGeometry: [],
    duplicateCodes: [],
    wrongProjection: null,
  };
  const shapes: BoundaryShape[] = [];
  const seen = new Set<string>();
  features.forEach((item, index) => {
    const properties = item.properties as Record<string, unknown> | null;
    const code = pick(properties, codeKeys);
    const label = code ?? `feature ${index + 1}`;
    if (!code || !codePattern[level].test(code) || !knownCodes.has(code)) problems.unknownCodes.push(label);
    else if (seen.has(code)) problems.duplicateCodes.push(code);
    seen.add(code ?? "");
    const fault = geometryFault(item.geometry);
    if (fault) {
      problems.badGeometry.push(`${label} ${fault}`);
      return;
    }
    const geometry = item.geometry as Polygon | MultiPolygon;
    const outside = ringsOf(geometry)
      .flat()
      .find(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
    if (outside && !problems.wrongProjection)
      problems.wrongProjection = `Wrong projection: ${label} has the position (${outside[0]}, ${outside[1]}), which is not longitude and latitude. The file looks like British National Grid metres (EPSG:27700); download the WGS84 (EPSG:4326) version, or convert it, and import that.`;
    if (code)
      shapes.push({
        code,
        name: pick(properties, nameKeys),
        geometry:
          geometry.type === "Polygon"
            ? { type: "Polygon", coordinates: geometry.coordinates.map((r) => simplifyRing(r, tolerance)) }
            : {
                type: "MultiPolygon",
                coordinates: geometry.coordinates.map((p) => p.map((r) => simplifyRing(r, tolerance))),
              },
      });
  });
  return { shapes, problems };
}

export function hasProblems(problems: BoundaryProblems): boolean {
  return (
    problems.wrongProjection !== null ||
    problems.unknownCodes.length + problems.badGeometry.length + problems.duplicateCodes.length > 0
  );
}
