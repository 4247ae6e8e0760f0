import { describe, expect, it } from "vitest";
import { bandOf, choropleth, type MapArea, valueBands, windForD3 } from "./choropleth.ts";

// Two squares side by side near Maidstone, wound as RFC 7946 says (anticlockwise outside).
function square(west: number): MapArea["geometry"] {
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, 51.2],
        [west + 0.1, 51.2],
        [west + 0.1, 51.3],
        [west, 51.3],
        [west, 51.2],
      ],
    ],
  };
}
const areas: MapArea[] = [
  { code: "A1", name: "Ashford <East>", geometry: square(0.5) },
  { code: "B2", name: "Bearsted", geometry: square(0.6) },
  { code: "C3", name: "Coxheath", geometry: square(0.7) },
];

describe("choropleth", () => {
  it("makes round bands from zero that cover the largest value", () => {
    const bands = valueBands([3, 48]);
    expect(bands.map((b) => [b.from, b.to])).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 40],
      [40, 50],
    ]);
    expect(new Set(bands.map((b) => b.colour)).size).toBe(5);
    expect(bandOf(bands, 48).from).toBe(40);
    expect(bandOf(bands, 50).from).toBe(40);
    expect(bandOf(bands, 0).from).toBe(0);
  });
  it("turns anticlockwise rings round so d3 draws the area, not the rest of the world", () => {
    const fixed = windForD3(square(0.5));
    expect(fixed.type).toBe("Polygon");
    expect(fixed.coordinates[0][1]).toEqual([0.5, 51.3]);
    // Already d3-wound shapes are left alone.
    expect(windForD3(fixed)).toEqual(fixed);
  });
  it("draws a named image with a path per area, a key and a visible table naming every area", () => {
    const out = choropleth({
      id: "m",
      title: "Sessions by district",
      description: "Bearsted had the most sessions.",
      areas,
      values: new Map([
        ["A1", 4],
        ["B2", 12],
      ]),
      valueLabel: "Sessions",
      areaLabel: "District",
      source: "Source: ONS",
    }).value;
    expect(out).toContain('role="img" aria-labelledby="m-title" aria-describedby="m-desc"');
    expect(out).toContain('<title id="m-title">Sessions by district</title>');
    expect(out.match(/<path d="M[^"]+Z" fill=/g)?.length).toBe(3);
    // The shapes are drawn inside the picture, not projected as the whole globe.
    for (const [, x, y] of out.matchAll(/<path d="M(-?[\d.]+),(-?[\d.]+)/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(640);
      expect(Number(y)).toBeGreaterThanOrEqual(0);
    }
    // Key: band labels and the no-data swatch.
    expect(out).toContain(">0 to under 5</text>");
    expect(out).toContain(">10 to 15</text>");
    expect(out).toContain('fill="url(#m-no-data)"');
    expect(out).toContain(">No data</text>");
    expect(out).toContain(">Source: ONS</text>");
    // Table: visible by default, largest first, the area without data named last.
    expect(out).toContain('<table class="govuk-table" id="m-table">');
    expect(out).not.toContain("govuk-visually-hidden");
    const rowHeaders = [...out.matchAll(/<th scope="row" class="govuk-table__header">([^<]+)<\/th>/g)].map(
      (m) => m[1],
    );
    expect(rowHeaders).toEqual(["Bearsted", "Ashford &lt;East&gt;", "Coxheath"]);
    expect(out).toMatch(
      /Coxheath<\/th><td class="govuk-table__cell govuk-table__cell--numeric">No data<\/td>/,
    );
    expect(out).not.toContain("style=");
    expect(out).not.toContain("<script");
  });
  it("leaves out the no-data key row when every area has a value", () => {
    const out = choropleth({
      id: "n",
      title: "T",
      description: "D",
      areas: areas.slice(0, 2),
      values: new Map([
        ["A1", 1],
        ["B2", 0],
      ]),
      valueLabel: "Count",
    }).value;
    expect(out).not.toContain(">No data<");
    expect(out).toContain('<table class="govuk-table" id="n-table">');
  });
});
