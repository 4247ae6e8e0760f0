import { describe, expect, it } from "vitest";
import { districtCountMap } from "./district-count-map.ts";

const medway = "E06000035";
const maidstone = "E07000110";
const outsideKent = "E08000012";

describe("a district count map", () => {
  it("draws the organisation's districts and those with counts, with title, description and a table of figures", () => {
    const markup = districtCountMap({
      id: "grants-by-district",
      title: "Grants awarded by district",
      description: "Darker districts have more grants.",
      valueLabel: "Grants",
      counts: new Map([
        [maidstone, 3],
        [outsideKent, 9],
      ]),
      districtCodes: [medway],
    }).toString();
    expect(markup).toContain('<title id="grants-by-district-title">Grants awarded by district</title>');
    expect(markup).toContain(
      '<desc id="grants-by-district-desc">Darker districts have more grants. Maidstone has the most: 3.</desc>',
    );
    // One outline per district Kith holds; a district without an outline is not drawn as a blank tile.
    expect(markup.match(/<path d="M[-0-9.]+,/g)).toHaveLength(2);
    expect(markup).toContain(
      '>Maidstone</th><td class="govuk-table__cell govuk-table__cell--numeric">3</td>',
    );
    expect(markup).toContain('>Medway</th><td class="govuk-table__cell govuk-table__cell--numeric">0</td>');
    expect(markup).toContain(">Grants</text>");
  });

  it("draws nothing where Kith holds no outline", () => {
    const markup = districtCountMap({
      id: "m",
      title: "T",
      description: "D",
      valueLabel: "V",
      counts: new Map([[outsideKent, 1]]),
      districtCodes: [],
    }).toString();
    expect(markup).toBe("");
  });
});
