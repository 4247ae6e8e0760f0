import { parse } from "csv-parse/sync";
import { invalid } from "../../../platform/http/problem.ts";

// Postcode districts (outward codes, like ME4) and their centroids, for the ORUK postcode and
// proximity filters. Kith ships no national file: an operator imports one (docs/impact.md names
// sources); the demo seed for Kent and Medway is derived from ONS district outlines.

export type PostcodeCentroid = {
  district: string;
  latitude: number;
  longitude: number;
  laCode: string | null;
};

const districtPattern = /^[A-Z]{1,2}[0-9][0-9A-Z]?$/;
// A full UK postcode: the outward code, a space (optional) and the inward code (digit, two letters).
const postcodePattern = /^([A-Z]{1,2}[0-9][0-9A-Z]?) ?([0-9][A-Z]{2})?$/;

/** The district (outward code) of a postcode or district, like "ME4" for "me4 4tr", or null if it is neither. */
export function postcodeDistrict(text: string): string | null {
  const match = postcodePattern.exec(text.trim().toUpperCase().replace(/\s+/g, " "));
  return match ? match[1] : null;
}

/** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m, IUGG). */
export function distanceMetres(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const radians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * radians;
  const dLon = (b.longitude - a.longitude) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A CSV of `district,latitude,longitude` with an optional `la_code` (the local authority the
 * district lies in). Checked as a whole: every bad line is named, and nothing is kept if any is bad.
 */
export function parsePostcodeCentroidCsv(csv: string): PostcodeCentroid[] {
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    throw invalid(`The file is not CSV: ${(error as Error).message}`, { file: "The file is not CSV" });
  }
  const [header = [], ...rows] = records;
  const columns = header.map((cell) => cell.toLowerCase());
  const at = {
    district: columns.indexOf("district"),
    latitude: columns.indexOf("latitude"),
    longitude: columns.indexOf("longitude"),
    laCode: columns.indexOf("la_code"),
  };
  if (at.district < 0 || at.latitude < 0 || at.longitude < 0)
    throw invalid("The file needs a header row with the columns district, latitude and longitude.", {
      file: "The file needs a header row with the columns district, latitude and longitude (and optionally la_code)",
    });
  const errors: Record<string, string> = {};
  const seen = new Map<string, number>();
  const parsed: PostcodeCentroid[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const district = (row[at.district] ?? "").toUpperCase().replace(/\s+/g, "");
    const latitude = Number(row[at.latitude]);
    const longitude = Number(row[at.longitude]);
    const laCode = at.laCode < 0 ? "" : (row[at.laCode] ?? "");
    const problem = !districtPattern.test(district)
      ? `"${row[at.district] ?? ""}" is not a postcode district like ME4 or CT1`
      : (row[at.latitude] ?? "") === "" || !(latitude >= 49 && latitude <= 61)
        ? `the latitude of ${district} must be a number from 49 to 61 (the UK, WGS84 degrees)`
        : (row[at.longitude] ?? "") === "" || !(longitude >= -9 && longitude <= 3)
          ? `the longitude of ${district} must be a number from -9 to 3 (the UK, WGS84 degrees)`
          : laCode !== "" && !/^[EWSN]\d{8}$/.test(laCode)
            ? `"${laCode}" is not a local authority code like E06000035`
            : seen.has(district)
              ? `${district} is already on line ${seen.get(district)}`
              : null;
    if (problem) errors[`line ${line}`] = problem;
    else {
      seen.set(district, line);
      parsed.push({ district, latitude, longitude, laCode: laCode || null });
    }
  });
  if (rows.length === 0) errors.file = "The file has no districts";
  if (Object.keys(errors).length > 0) throw invalid("The postcode centroid file was not imported.", errors);
  return parsed;
}
