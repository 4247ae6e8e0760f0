// Prints `kith import boundaries` time for the shared ONS LSOA extract (1,601 areas) and for a
// full-size file: every 2021 LSOA code in England (33,755), each given one of the extract's real
// shapes in turn, so the size and vertex counts are those of the ONS super-generalised file.
// Also prints the size of a choropleth SVG of the extract's 1,601 LSOAs (Kent's 1,065 would be smaller).
// Run: npx node bench/boundaries.ts [EXTRACT.geojson]   (needs the local PostgreSQL server)
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { importBoundaries } from "../src/modules/places/commands/import-boundaries.ts";
import { choropleth } from "../src/platform/ui/index.ts";
import { openScratchDatabase } from "./scratch-database.ts";

const root = path.resolve(import.meta.dirname, "..");
const extract =
  process.argv[2] ??
  [root, path.join(root, "..")]
    .map((base) =>
      path.join(base, "..", "shared", "data", "boundaries", "lsoa21-bsc-merseyside-extract.geojson"),
    )
    .find((file) => existsSync(file));
if (!extract) throw new Error("Pass the path of lsoa21-bsc-merseyside-extract.geojson");
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `kith_bench_boundaries_${Date.now().toString(36)}`;
const dir = await mkdtemp(path.join(tmpdir(), "kith-bench-boundaries-"));

const { database, drop } = await openScratchDatabase(serverUrl, dbName);
try {
  const sample = JSON.parse(await readFile(extract, "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
  const codes = await database.query<{ code: string }>(
    "SELECT code FROM lsoa WHERE edition = 'iod2025' ORDER BY code",
  );
  const full: FeatureCollection = {
    type: "FeatureCollection",
    features: codes.map((row, i) => ({
      type: "Feature",
      properties: { LSOA21CD: row.code },
      geometry: sample.features[i % sample.features.length].geometry,
    })),
  };
  const fullFile = path.join(dir, "lsoa21-england.geojson");
  await writeFile(fullFile, JSON.stringify(full));

  const time = async (file: string) => {
    const started = performance.now();
    const report = await importBoundaries(database, new Date(), file, { level: "lsoa21" });
    if (!("imported" in report)) throw new Error(report.refused);
    return { areas: report.imported, seconds: (performance.now() - started) / 1000 };
  };
  const small = await time(extract);
  const large = await time(fullFile);
  const mb = async (file: string) => ((await stat(file)).size / 1024 / 1024).toFixed(1);

  await importBoundaries(database, new Date(), extract, { level: "lsoa21" });
  const shapes = await database.query<{ code: string; geometry: Polygon | MultiPolygon }>(
    "SELECT code, geometry FROM boundary WHERE level = 'lsoa21'",
  );
  const started = performance.now();
  const svg = choropleth({
    id: "bench",
    title: "LSOAs",
    description: "Bench",
    areas: shapes.map((s) => ({ code: s.code, name: s.code, geometry: s.geometry })),
    values: new Map(shapes.map((s, i) => [s.code, i % 50])),
    valueLabel: "Value",
  }).value;
  const renderMs = performance.now() - started;
  const svgOnly = svg.slice(0, svg.indexOf("</svg>") + 6);

  console.log(
    `import boundaries, extract: ${small.areas} areas (${await mb(extract)} MB) in ${small.seconds.toFixed(2)} s`,
  );
  console.log(
    `import boundaries, England: ${large.areas} areas (${await mb(fullFile)} MB) in ${large.seconds.toFixed(2)} s`,
  );
  console.log(
    `choropleth of ${shapes.length} LSOAs: SVG ${(svgOnly.length / 1024).toFixed(0)} KB, with table ${(svg.length / 1024).toFixed(0)} KB, drawn in ${renderMs.toFixed(0)} ms`,
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await drop();
  await rm(dir, { recursive: true, force: true });
}
