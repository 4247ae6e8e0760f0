// Prints, for a full set of 33,755 2021 LSOA shapes (issue 16 item 5): the `kith import boundaries`
// time; the neighbourhood and district profile render times (p50 and p99 of 50 requests each) on the
// demo data; and the size of an LSOA choropleth SVG for Kent (the 12 districts of Kent County Council).
// The shapes are synthetic: a grid over England's extent, each cell a 20-point outline with a small
// deterministic wobble so simplification keeps its points; codes are the IoD2025 LSOAs (E01000001…).
//   npx node bench/places-profile.ts                      (PGlite in memory, as `npm start`)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx node bench/places-profile.ts
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { Feature, Polygon } from "geojson";
import { importBoundariesCommand } from "../src/modules/places/boundaries/boundaries-cli.ts";
import { lsoaBoundariesInDistricts } from "../src/modules/places/queries/district-boundaries.ts";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { modules } from "../src/modules/registry.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { choropleth } from "../src/platform/ui/index.ts";
import { seedDemo } from "../src/seed/seed-demo.ts";
import { benchApp, signInAsDemoManager } from "./demo-app.ts";

const kentDistricts = Array.from({ length: 12 }, (_, i) => `E07000${105 + i}`);
const england = { west: -5.72, east: 1.77, south: 49.96, north: 55.81 };
const requests = 50;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const config = loadConfig({ ...process.env, DATABASE_URL: "" });
const serverUrl = process.env.BENCH_DATABASE_URL;
const dbName = `kith_bench_places_${Date.now().toString(36)}`;
let admin: Database | undefined;
let database: Database;
if (serverUrl) {
  admin = await openPostgres(serverUrl);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  database = await openPostgres(url.toString());
} else database = await openMemoryPglite();
const dir = await mkdtemp(path.join(tmpdir(), "kith-bench-places-"));

/** One grid cell as a closed ring of 20 points, each side wobbling by a fixed pattern. */
function cell(west: number, south: number, width: number, height: number, seed: number): Polygon {
  const ring: [number, number][] = [];
  const wobble = (i: number) => (((seed * 7 + i * 13) % 11) - 5) * width * 0.004;
  for (let i = 0; i < 5; i++) ring.push([west + (width * i) / 5, south + wobble(i)]);
  for (let i = 0; i < 5; i++) ring.push([west + width + wobble(i + 5), south + (height * i) / 5]);
  for (let i = 0; i < 5; i++) ring.push([west + width - (width * i) / 5, south + height + wobble(i + 10)]);
  for (let i = 0; i < 5; i++) ring.push([west + wobble(i + 15), south + height - (height * i) / 5]);
  ring.push(ring[0] as [number, number]);
  return {
    type: "Polygon",
    coordinates: [ring.map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))])],
  };
}

try {
  const seeding = performance.now();
  await migrate(database);
  await loadReferenceData(database, config.referenceDir);
  await seedDemo(database, modules);
  console.log(
    `${serverUrl ? "PostgreSQL" : "PGlite"}: demo built in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const codes = await database.query<{ code: string }>(
    "SELECT code FROM lsoa WHERE edition = 'iod2025' ORDER BY code",
  );
  const columns = Math.ceil(Math.sqrt(codes.length));
  const width = (england.east - england.west) / columns;
  const height = (england.north - england.south) / columns;
  const features: Feature<Polygon>[] = codes.map((row, i) => ({
    type: "Feature",
    properties: { LSOA21CD: row.code },
    geometry: cell(
      england.west + (i % columns) * width,
      england.south + Math.floor(i / columns) * height,
      width,
      height,
      i,
    ),
  }));
  const file = path.join(dir, "lsoa21-england-grid.geojson");
  await writeFile(file, JSON.stringify({ type: "FeatureCollection", features }));

  // The command itself, as `kith import boundaries FILE --level lsoa21` runs it, on this database.
  const keepOpen = Object.create(database, { close: { value: async () => {} } }) as Database;
  const output: string[] = [];
  const importing = performance.now();
  const exit = await importBoundariesCommand.run([file, "--level", "lsoa21"], {
    openDatabase: async () => keepOpen,
    io: { stdout: (t) => output.push(t), stderr: (t) => output.push(t) },
    now: () => new Date(),
  });
  const importSeconds = (performance.now() - importing) / 1000;
  if (exit !== 0) throw new Error(output.join(""));
  console.log(
    `import boundaries: ${codes.length.toLocaleString("en-GB")} LSOAs (${((await stat(file)).size / 1024 / 1024).toFixed(1)} MB GeoJSON) in ${importSeconds.toFixed(1)} s (load average ${load()})`,
  );

  const app = await benchApp(database, config);
  const cookie = await signInAsDemoManager(app);

  // The demo neighbourhood with most homes, and its district.
  const [busiest] = await database.query<{ lsoa: string; la: string }>(
    "SELECT lsoa21_code AS lsoa, la_code AS la FROM home WHERE lsoa21_code IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1",
  );
  if (!busiest) throw new Error("The demo has no homes");
  for (const [name, url] of [
    [`neighbourhood profile ${busiest.lsoa}`, `/places/neighbourhoods/${busiest.lsoa}`],
    [`district profile ${busiest.la}`, `/places/districts/${busiest.la}`],
    [`neighbourhood profile CSV`, `/places/neighbourhoods/${busiest.lsoa}.csv`],
  ] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const response = await app.request(url, { headers: { cookie } });
      bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
    console.log(
      `${name}: p50 ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms over ${requests} requests (${(bytes / 1024).toFixed(0)} KB; load average ${load()})`,
    );
  }

  const kent = await lsoaBoundariesInDistricts(database.db, kentDistricts);
  const drawing = performance.now();
  const map = choropleth({
    id: "kent",
    title: "Kent neighbourhoods",
    description: "Bench",
    areas: kent,
    values: new Map(kent.map((area, i) => [area.code, i % 50])),
    valueLabel: "Value",
    areaLabel: "Neighbourhood",
  }).value;
  const drawMs = performance.now() - drawing;
  const svg = map.slice(map.indexOf("<svg"), map.indexOf("</svg>") + 6);
  console.log(
    `Kent LSOA choropleth: ${kent.length.toLocaleString("en-GB")} LSOAs, SVG ${(svg.length / 1024).toFixed(0)} KB (${(map.length / 1024).toFixed(0)} KB with its table), drawn in ${drawMs.toFixed(0)} ms`,
  );
  console.log(`load average at the end: ${load()}`);
} finally {
  await database.close();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.close();
  }
  await rm(dir, { recursive: true, force: true });
}
