import { readFile } from "node:fs/promises";
import path from "node:path";
import { geoCentroid } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { projectRoot } from "../../../platform/config/config.ts";
import { parsePostcodeCentroidCsv } from "./postcode-centroids.ts";

// The demo's postcode district centroids (Kent and Medway). No checkable per-district source is
// at hand, so each district is placed at the centroid of the local authority its demo homes are
// in (reference/boundaries/kent-medway-districts.geojson, ONS outlines): every district of one
// authority shares one point. That is a coarse approximation, said so in docs/impact.md and in
// the API's description; an operator imports real centroids with `kith import postcode-centroids`.

export const kentCentroidsFile = path.join(
  projectRoot,
  "reference",
  "postcode-district-centroids-kent-medway.csv",
);
export const kentCentroidsSource =
  "Approximation: the centroid of the local authority holding the district (ONS district outlines, OGL v3.0), not of the postcode district itself";

/** Each district's point, worked out again from the district outlines (the committed CSV must match). */
export async function deriveKentCentroids(): Promise<Map<string, { latitude: number; longitude: number }>> {
  const outlines = JSON.parse(
    await readFile(
      path.join(projectRoot, "reference", "boundaries", "kent-medway-districts.geojson"),
      "utf8",
    ),
  ) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  const byAuthority = new Map(
    outlines.features.map((f) => {
      const [longitude, latitude] = geoCentroid(f);
      return [f.properties.code, { latitude: round(latitude), longitude: round(longitude) }];
    }),
  );
  const rows = parsePostcodeCentroidCsv(await readFile(kentCentroidsFile, "utf8"));
  return new Map(
    rows.map((row) => {
      const point = row.laCode ? byAuthority.get(row.laCode) : undefined;
      if (!point) throw new Error(`No outline for ${row.laCode} (district ${row.district})`);
      return [row.district, point];
    }),
  );
}

// 0.0001° is about 10 m: far finer than the approximation itself.
function round(degrees: number): number {
  return Math.round(degrees * 10_000) / 10_000;
}
