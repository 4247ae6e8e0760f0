import { describe, expect, it } from "vitest";
import { campaignMap } from "./campaign-map.ts";

describe("campaign map", () => {
  it("draws a numbered marker per campaign, fanning out those at the same place, and skips ones with no place", () => {
    const svg = campaignMap([
      { number: 1, title: "A", laCode: "E06000035", latitude: null, longitude: null },
      { number: 2, title: "B", laCode: "E06000035", latitude: null, longitude: null },
      { number: 3, title: "C", laCode: null, latitude: null, longitude: null },
    ]).toString();
    const circles = [...svg.matchAll(/<circle cx="(\d+)" cy="(\d+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(circles).toHaveLength(2);
    expect(new Set(circles).size).toBe(2);
    expect(svg).toContain("Map of 2 campaigns in Kent and Medway");
  });
});
