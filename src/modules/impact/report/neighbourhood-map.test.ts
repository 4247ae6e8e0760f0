import { describe, expect, it } from "vitest";
import { districtBoundaries } from "../../places/index.ts";
import { activityMap, type MapNeighbourhood } from "./neighbourhood-map.ts";

const medway = "E06000035";
const maidstone = "E07000110";
const swale = "E07000113";
const neighbourhoods: MapNeighbourhood[] = [
  {
    lsoa21Code: "E01016001",
    name: "Medway 001A",
    laCode: medway,
    sessions: 7,
    people: 30,
    imdDecile: 2,
    priority: true,
  },
  {
    lsoa21Code: "E01016002",
    name: "Medway 001B",
    laCode: medway,
    sessions: 5,
    people: 10,
    imdDecile: 1,
    priority: false,
  },
  {
    lsoa21Code: "E01024001",
    name: "Maidstone 001A",
    laCode: maidstone,
    sessions: 3,
    people: 4,
    imdDecile: 6,
    priority: false,
  },
];

describe("activity map", () => {
  it("ships outlines for all 13 Kent and Medway districts, in the order asked for", () => {
    expect(districtBoundaries()).toHaveLength(13);
    expect(districtBoundaries([swale, medway, "W06000001"]).map((d) => d.name)).toEqual(["Swale", "Medway"]);
  });
  it("draws sessions per district with a key, names every district and neighbourhood, and no tiles", () => {
    const out = activityMap(neighbourhoods, [medway, maidstone, swale]).value;
    expect(out).toContain('<title id="activity-map-title">Sessions by district</title>');
    expect(out).toContain("Medway had the most.");
    expect(out.match(/<path d="M[^"]+" fill=/g)?.length).toBe(3);
    // Districts: Medway 12, Maidstone 3, Swale 0 (an area of the organisation with no sessions).
    expect(out).toMatch(/>Medway<\/th><td class="govuk-table__cell govuk-table__cell--numeric">12</);
    expect(out).toMatch(/>Maidstone<\/th><td class="govuk-table__cell govuk-table__cell--numeric">3</);
    expect(out).toMatch(/>Swale<\/th><td class="govuk-table__cell govuk-table__cell--numeric">0</);
    expect(out).toContain(
      "Source: Office for National Statistics licensed under the Open Government Licence",
    );
    expect(out).toContain("database right.</text>");
    // Neighbourhoods, most deprived first, each named with its code.
    const named = [
      ...out.matchAll(/<th scope="row" class="govuk-table__header">([^<]+ \(E0\d+\))<\/th>/g),
    ].map((m) => m[1]);
    expect(named).toEqual([
      "Medway 001B (E01016002)",
      "Medway 001A (E01016001)",
      "Maidstone 001A (E01024001)",
    ]);
    expect(out).not.toContain(">D1<");
    expect(out).not.toContain("style=");
  });
  it("shows only the named table when no district outline is held", () => {
    const out = activityMap(neighbourhoods, ["W06000001"]).value;
    expect(out).not.toContain("<svg");
    expect(out).toContain("Medway 001A (E01016001)");
  });
  it("draws sessions per neighbourhood once LSOA outlines exist", () => {
    // Stand-in outlines: two districts' shapes under the neighbourhoods' codes.
    const [a, b] = districtBoundaries([medway, maidstone]);
    const lsoas = [
      { ...a, code: "E01016002", name: "Medway 001B" },
      { ...b, code: "E01024001", name: "Maidstone 001A" },
    ];
    const out = activityMap(neighbourhoods, [medway, maidstone], "activity-map", lsoas).value;
    expect(out).toContain('<title id="activity-map-title">Sessions by neighbourhood</title>');
    expect(out).toContain("Medway 001B had the most.");
    expect(out.match(/<path d="M[^"]+" fill=/g)?.length).toBe(2);
    expect(out).toMatch(/>Medway 001B<\/th><td class="govuk-table__cell govuk-table__cell--numeric">5</);
  });
});
