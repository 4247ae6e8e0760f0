// Converts the Kent and Medway district outlines out of the ONS UK local authority
// TopoJSON (../shared/data/boundaries) into the small GeoJSON committed as reference data.
// Run once, when the source changes: npx node scripts/kent-districts.ts [SOURCE] [OUTPUT]
// (SOURCE defaults to ../shared beside the repository; pass it when working in another checkout).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** The 12 Kent districts and Medway (unitary), by GSS code. */
export const kentAndMedway = [
  "E06000035",
  ...Array.from({ length: 12 }, (_, index) => `E07000${105 + index}`),
];

/**
 * 0.001° is about 70 m east–west and 110 m north–south: under a pixel on a 640-pixel map of Kent,
 * and far smaller than the source's own generalisation. Borders shared by two districts come from
 * one arc, so rounding both the same way keeps them meeting without gaps.
 */
const DECIMALS = 3;

function simplifyRing(ring: Position[]): Position[] {
  const factor = 10 ** DECIMALS;
  const rounded = ring.map(([x, y]) => [Math.round(x * factor) / factor, Math.round(y * factor) / factor]);
  return rounded.filter((point, index) => index === 0 || point[0] !== rounded[index - 1][0] || point[1] !== rounded[index - 1][1]);
}

function simplify(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  // A ring needs four positions (three corners and the closing one); smaller ones vanish at this scale.
  const rings = (polygon: Position[][]) => polygon.map(simplifyRing).filter((ring) => ring.length >= 4);
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: rings(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(rings).filter((polygon) => polygon.length > 0) };
}

type AreaProperties = { areacd: string; areanm: string; end?: number };

export function kentDistricts(topology: Topology): FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }> {
  const layer = topology.objects.ltla as GeometryCollection<AreaProperties>;
  const all = feature(topology, layer) as FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
  const features: Feature<Polygon | MultiPolygon, { code: string; name: string }>[] = all.features
    .filter((area) => kentAndMedway.includes(area.properties.areacd) && area.properties.end === undefined)
    .sort((a, b) => a.properties.areanm.localeCompare(b.properties.areanm))
    .map((area) => ({
      type: "Feature",
      properties: { code: area.properties.areacd, name: area.properties.areanm },
      geometry: simplify(area.geometry),
    }));
  const missing = kentAndMedway.filter((code) => !features.some((f) => f.properties.code === code));
  if (missing.length > 0) throw new Error(`Districts missing from the source: ${missing.join(", ")}`);
  return { type: "FeatureCollection", features };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const source = process.argv[2] ?? path.join(import.meta.dirname, "..", "..", "shared", "data", "boundaries", "uk-local-authorities-topo.json");
  const output = process.argv[3] ?? path.join(import.meta.dirname, "..", "reference", "boundaries", "kent-medway-districts.geojson");
  const collection = kentDistricts(JSON.parse(readFileSync(source, "utf8")) as Topology);
  // One feature per line: readable diffs when the source is refreshed.
  const lines = collection.features.map((f) => JSON.stringify(f));
  writeFileSync(output, `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`);
  console.log(`Wrote ${collection.features.length} districts to ${output}`);
}
