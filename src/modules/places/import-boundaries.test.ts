import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FeatureCollection, Polygon } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCliContext } from "../../../test/cli-context.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { testNow } from "../../../test/fixtures.ts";
import { projectRoot } from "../../platform/config/config.ts";
import type { Database } from "../../platform/db/database.ts";
import { importBoundariesCommand } from "./boundaries/boundaries-cli.ts";
import { importBoundaries } from "./commands/import-boundaries.ts";
import { lsoaBoundariesInDistricts } from "./index.ts";

// Medium tests on the real ONS extract in ../shared (1,601 LSOA 2021 areas around Merseyside).
// A worktree sits one level deeper than the main checkout, so both places are looked at.
const extract = [
  path.join(projectRoot, "..", "shared", "data", "boundaries", "lsoa21-bsc-merseyside-extract.geojson"),
  path.join(projectRoot, "..", "..", "shared", "data", "boundaries", "lsoa21-bsc-merseyside-extract.geojson"),
].find((file) => existsSync(file)) as string;

let database: Database;
let dir: string;
let original: FeatureCollection<Polygon>;

async function variant(name: string, change: (fc: FeatureCollection<Polygon>) => void): Promise<string> {
  const copy = structuredClone(original);
  change(copy);
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(copy));
  return file;
}

async function stored(): Promise<number> {
  const [row] = await database.query<{ n: string }>(
    "SELECT count(*) AS n FROM boundary WHERE level = 'lsoa21'",
  );
  return Number(row.n);
}

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "kith-boundaries-"));
  original = JSON.parse(await readFile(extract, "utf8"));
});

afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe("kith import boundaries", () => {
  it("imports every LSOA of the ONS extract, simplified to the stated tolerance", async () => {
    const report = await importBoundaries(database, testNow, extract, { level: "lsoa21", tolerance: 0.0005 });
    expect(report).toEqual({ imported: 1601, level: "lsoa21", tolerance: 0.0005 });
    expect(await stored()).toBe(1601);
    const rows = await database.query<{ geometry: { type: string; coordinates: unknown } }>(
      "SELECT geometry FROM boundary WHERE level = 'lsoa21'",
    );
    expect(new Set(rows.map((r) => r.geometry.type))).toEqual(new Set(["Polygon", "MultiPolygon"]));
    // Positions are "[x,y]" pairs: counted in the JSON, the simplified shapes hold fewer.
    const positions = (geometries: unknown[]) =>
      (JSON.stringify(geometries).match(/\[-?[\d.]+,-?[\d.]+\]/g) ?? []).length;
    expect(positions(rows.map((r) => r.geometry))).toBeLessThan(
      positions(original.features.map((f) => f.geometry)),
    );
  });

  it("gives the imported outlines of a district's neighbourhoods, named, for the maps", async () => {
    const liverpool = await lsoaBoundariesInDistricts(database.db, ["E08000012"]);
    expect(liverpool.length).toBeGreaterThan(200);
    expect(liverpool.every((area) => area.code.startsWith("E01") && area.name.startsWith("Liverpool "))).toBe(
      true,
    );
    expect(await lsoaBoundariesInDistricts(database.db, ["E06000035"])).toEqual([]);
  });

  it("reports unknown codes and keeps the shapes already there", async () => {
    const file = await variant("unknown.geojson", (fc) => {
      (fc.features[0].properties as Record<string, string>)["LSOA Code"] = "E01999999";
      (fc.features[1].properties as Record<string, string>)["LSOA Code"] = "not-a-code";
    });
    const report = await importBoundaries(database, testNow, file, { level: "lsoa21" });
    expect(report).toMatchObject({ problems: { unknownCodes: ["E01999999", "not-a-code"] } });
    expect(await stored()).toBe(1601);
  });

  it("refuses geometry that is not a closed polygon, naming the area", async () => {
    const file = await variant("bad.geojson", (fc) => {
      fc.features[2].geometry.coordinates[0].pop();
      (fc.features[3] as { geometry: unknown }).geometry = { type: "Point", coordinates: [-3, 53.4] };
    });
    const report = await importBoundaries(database, testNow, file, { level: "lsoa21" });
    const code = (i: number) => original.features[i].properties?.["LSOA Code"];
    expect(report).toMatchObject({
      problems: {
        badGeometry: [
          `${code(2)} has a ring that is not closed`,
          `${code(3)} is a Point, not a Polygon or MultiPolygon`,
        ],
      },
    });
    expect(await stored()).toBe(1601);
  });

  it("refuses a file in British National Grid metres as the wrong projection", async () => {
    const file = await variant("bng.geojson", (fc) => {
      // Roughly where Liverpool is on the grid: eastings ~340,000, northings ~390,000.
      for (const f of fc.features)
        f.geometry.coordinates = f.geometry.coordinates.map((ring) =>
          ring.map(([x, y]) => [Math.round(400000 + (x + 2) * 68000), Math.round((y - 49.77) * 111000)]),
        );
    });
    const report = await importBoundaries(database, testNow, file, { level: "lsoa21" });
    expect("refused" in report && report.refused).toMatch(
      /^Wrong projection: E01\d{6} has the position \(\d+, \d+\)/,
    );
    expect(await stored()).toBe(1601);
  });

  it("refuses a file over the size limit before reading it, and a missing or non-boundary file", async () => {
    expect(
      await importBoundaries(database, testNow, extract, { level: "lsoa21", maxBytes: (1024 * 1024) / 2 }),
    ).toEqual({
      refused: expect.stringMatching(/^The file is 0\.8 MB; the limit is 1 MB\./),
    });
    expect(
      await importBoundaries(database, testNow, path.join(dir, "missing.geojson"), { level: "lad" }),
    ).toEqual({
      refused: expect.stringContaining("There is no file"),
    });
    const notGeo = path.join(dir, "list.json");
    await writeFile(notGeo, "[1, 2]");
    expect(await importBoundaries(database, testNow, notGeo, { level: "lsoa21" })).toEqual({
      refused: expect.stringContaining("GeoJSON FeatureCollection or a TopoJSON Topology"),
    });
    expect(await stored()).toBe(1601);
  });

  it("runs from the command line: usage, the problems listed, and the count imported", async () => {
    const { context, output } = testCliContext(database);
    expect(await importBoundariesCommand.run([extract, "--level", "lsoa99"], context)).toBe(2);
    expect(output.stderr).toContain("--level lsoa21|lsoa11|lad");
    const unknown = await variant("cli-unknown.geojson", (fc) => {
      (fc.features[5].properties as Record<string, string>)["LSOA Code"] = "E01999998";
    });
    expect(await importBoundariesCommand.run([unknown, "--level", "lsoa21"], context)).toBe(1);
    expect(output.stderr).toContain("Codes Kith does not know for this level (1):\n  E01999998\n");
    expect(output.stderr).toContain("Nothing was imported.");
    expect(
      await importBoundariesCommand.run([extract, "--level", "lsoa21", "--tolerance", "0"], context),
    ).toBe(0);
    expect(output.stdout).toMatch(/^Imported 1,601 lsoa21 boundaries, simplified to 0° \(\d+\.\d s\)\.\n$/);
  });
});
