import { describe, expect, it } from "vitest";
import { parseDeflatorCsv } from "./commands/import-deflators.ts";
import { atPrices, priceBasis, reportingPriceYear } from "./prices.ts";
import type { SocialValueResult, ValueLine } from "./social-value.ts";

const series = {
  byYear: new Map([
    [2019, 80],
    [2020, 84],
    [2025, 100],
  ]),
  source: "Test series",
};

describe("social value at one price year", () => {
  it("takes the year a period starts as its price year", () => {
    expect(reportingPriceYear("2025-04-01")).toBe(2025);
  });

  it("uprates 2019 values to 2025 prices by the ratio of the deflators", () => {
    const basis = priceBasis(2019, 2025, series);
    // 100 / 80 = 1.25
    expect(basis).toMatchObject({ year: 2025, valuesYear: 2019, factor: 1.25, uprated: true });
    expect(basis.note).toBe("at 2025 prices (2019 values × 1.2500, GDP deflator: Test series)");
  });

  it("says the figures stay at the bank's prices when a year is missing from the series", () => {
    expect(priceBasis(2019, 2026, series)).toMatchObject({ year: 2019, factor: 1, uprated: false });
    expect(priceBasis(2019, 2026, series).note).toContain(
      "at 2019 prices, not uprated to 2026: no GDP deflator for 2026",
    );
  });

  it("uprates each line and adds the lines up again, so totals stay traceable", () => {
    const line = (netPence: number, status: ValueLine["status"]) =>
      ({ grossPence: netPence * 2, netPence, status }) as ValueLine;
    const result: SocialValueResult = {
      totalPence: 100_001,
      grossPence: 200_002,
      people: 2,
      lines: [line(33_333, "counted"), line(66_668, "counted"), line(50_000, "excluded")],
    };
    const uprated = atPrices(result, priceBasis(2019, 2025, series));
    // 33,333 × 1.25 = 41,666.25 → 41,666; 66,668 × 1.25 = 83,335; the excluded line is not in the total.
    expect(uprated.lines.map((l) => l.netPence)).toEqual([41_666, 83_335, 62_500]);
    expect(uprated.totalPence).toBe(125_001);
    expect(uprated.grossPence).toBe(250_003);
  });
});

describe("the deflator file", () => {
  it("reads financial-year labels by their first year, in any order", () => {
    expect(parseDeflatorCsv("Year,Deflator\n2021-22,104.2\n2020-21,105.5\n")).toEqual([
      { year: 2020, deflator: 105.5 },
      { year: 2021, deflator: 104.2 },
    ]);
  });

  it("refuses a missing year, a repeated year, a bad number and a missing column", () => {
    const errors = (csv: string) => {
      try {
        parseDeflatorCsv(csv);
        return {};
      } catch (error) {
        return (error as { fieldErrors: Record<string, string> }).fieldErrors;
      }
    };
    expect(errors("year,deflator\n2019,100\n2022,110\n")).toEqual({
      "year 2020": "The file has no deflator for 2020: the series must have every year from 2019 to 2022",
      "year 2021": "The file has no deflator for 2021: the series must have every year from 2019 to 2022",
    });
    expect(errors("year,deflator\n2019,100\n2019,101\n2020,abc\n")).toEqual({
      "line 3": "2019 is already on line 2",
      "line 4": "the deflator for 2020 must be a number above 0",
    });
    expect(errors("year,index\n2019,100\n")).toEqual({
      file: "The file needs a header row with the columns year and deflator",
    });
  });
});
