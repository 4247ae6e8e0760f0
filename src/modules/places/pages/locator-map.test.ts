import { geoCentroid } from "d3-geo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { windForD3 } from "../../../platform/ui/index.ts";
import { districtBoundaries } from "../queries/district-boundaries.ts";
import { locatorMap } from "./locator-map.ts";

let database: Database;
let neighbourhood: { code: string; name: string };
const medway = "E06000035";

beforeAll(async () => {
  database = await openTestDatabase();
  const [row] = await database.query<{ code: string; name: string }>(
    "SELECT code, name FROM lsoa WHERE edition = 'iod2025' AND lad_code = $1 ORDER BY code LIMIT 1",
    [medway],
  );
  neighbourhood = row;
});
afterAll(async () => database.close());

/** A small square around Medway's centre, stored as if `kith import boundaries` had brought it in. */
async function importSquare(code: string) {
  const [x, y] = geoCentroid(windForD3(districtBoundaries([medway])[0].geometry));
  const d = 0.01;
  const square = {
    type: "Polygon",
    coordinates: [
      [
        [x - d, y - d],
        [x + d, y - d],
        [x + d, y + d],
        [x - d, y + d],
        [x - d, y - d],
      ],
    ],
  };
  await database.query(
    "INSERT INTO boundary (level, code, name, geometry, tolerance, source_file, imported_at) VALUES ('lsoa21', $1, $1, $2, 0, 'test', $3)",
    [code, JSON.stringify(square), testNow.toISOString()],
  );
}

const svgOf = (text: string) => /<svg[\s\S]*<\/svg>/.exec(text)?.[0] ?? "";

describe("locator map", () => {
  it("shades the district among its neighbours, with the place in words, when no LSOA outline is imported", async () => {
    const map = String(await locatorMap(database.db, { laCode: medway, lsoaCode: neighbourhood.code }));
    const svg = svgOf(map);
    expect(svg).toContain(
      `<title id="locator-map-title">Where it is: In ${neighbourhood.name}, Medway</title>`,
    );
    expect(svg).toContain("Medway is shaded dark blue among its neighbouring districts");
    // Neighbouring Kent districts are drawn grey around it; far ones are clipped away.
    const paths = svg.match(/<path /g)?.length ?? 0;
    expect(paths).toBeGreaterThan(2);
    expect(paths).toBeLessThan(13);
    expect(Buffer.byteLength(svg)).toBeLessThan(8 * 1024);
    expect(map).toContain(`In ${neighbourhood.name}, Medway. Source: Office for National Statistics`);
  });

  it("shades the neighbourhood inside the district outline once its LSOA outline is imported", async () => {
    await importSquare(neighbourhood.code);
    const svg = svgOf(
      String(await locatorMap(database.db, { laCode: medway, lsoaCode: neighbourhood.code })),
    );
    expect(svg).toContain("The neighbourhood is shaded dark blue inside the outline of Medway");
    expect(svg).toMatch(/<path d="M[^"]+" fill="#d2e2f1"/);
    expect(svg).toMatch(/<path d="M[^"]+" fill="#1d70b8"/);
    expect(Buffer.byteLength(svg)).toBeLessThan(8 * 1024);
  });

  it("says only the district when the home has no neighbourhood, and draws nothing without a district", async () => {
    const svg = svgOf(String(await locatorMap(database.db, { laCode: medway, lsoaCode: null })));
    expect(svg).toContain('<desc id="locator-map-desc">In Medway. Medway is shaded');
    expect(String(await locatorMap(database.db, { laCode: null, lsoaCode: null }))).toBe("");
  });

  it("writes the sentence without a map for a district Kith has no outline of", async () => {
    const map = String(await locatorMap(database.db, { laCode: "E08000012", lsoaCode: null }));
    expect(map).not.toContain("<svg");
  });
});
