import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { FeatureCollection } from "geojson";
import { projectRoot } from "../../../platform/config/config.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { MapArea, MapGeometry } from "../../../platform/ui/index.ts";
import { boundary, lsoa } from "../schema.ts";

/** Source credit the Open Government Licence asks for on every map drawn from ONS boundaries. */
export const boundarySource =
  "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right.";

let districts: MapArea[] | undefined;

/**
 * Outlines of the 13 Kent and Medway districts, committed as reference data
 * (reference/boundaries, made by scripts/kent-districts.ts). Read once: the file is small
 * and never changes while Kith runs. `codes` narrows to the districts asked for, in their order.
 */
export function districtBoundaries(codes?: readonly string[]): MapArea[] {
  districts ??= (
    JSON.parse(
      readFileSync(
        path.join(projectRoot, "reference", "boundaries", "kent-medway-districts.geojson"),
        "utf8",
      ),
    ) as FeatureCollection<MapGeometry, { code: string; name: string }>
  ).features.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry }));
  if (!codes) return districts;
  return codes.flatMap((code) => districts?.filter((d) => d.code === code) ?? []);
}

/**
 * Imported 2021 LSOA outlines (`kith import boundaries --level lsoa21`) of every neighbourhood in
 * the given districts, named as in the IoD tables. Empty until an operator has imported them.
 */
export async function lsoaBoundariesInDistricts(db: Db, laCodes: readonly string[]): Promise<MapArea[]> {
  if (laCodes.length === 0) return [];
  const rows = await db
    .select({ code: boundary.code, name: lsoa.name, geometry: boundary.geometry })
    .from(boundary)
    .innerJoin(lsoa, and(eq(lsoa.code, boundary.code), eq(lsoa.edition, "iod2025")))
    .where(and(eq(boundary.level, "lsoa21"), inArray(lsoa.ladCode, [...laCodes])))
    .orderBy(asc(boundary.code));
  return rows;
}

/** One imported 2021 LSOA outline with its IoD name, or undefined when it has not been imported. */
export async function lsoaBoundary(db: Db, code: string): Promise<MapArea | undefined> {
  const [row] = await db
    .select({ code: boundary.code, name: lsoa.name, geometry: boundary.geometry })
    .from(boundary)
    .innerJoin(lsoa, and(eq(lsoa.code, boundary.code), eq(lsoa.edition, "iod2025")))
    .where(and(eq(boundary.level, "lsoa21"), eq(boundary.code, code)));
  return row;
}
