import { describe, expect, it } from "vitest";
import { barChart } from "./bar-chart.ts";
import { axisTicks } from "./chart-parts.ts";
import { decileColour, decileScale } from "./decile-scale.ts";
import { lineChart } from "./line-chart.ts";
import { progressBar } from "./progress-bar.ts";

describe("charts", () => {
  it("picks round axis steps that cover the largest value", () => {
    expect(axisTicks(48)).toEqual([0, 20, 40, 60]);
    expect(axisTicks(4200000)).toEqual([0, 2000000, 4000000, 6000000]);
    expect(axisTicks(0)).toEqual([0, 1]);
  });
  it("labels the bar chart image with its title and description and pairs it with a data table", () => {
    const out = barChart({
      id: "b",
      title: "Grants <by> theme",
      description: "Health is largest",
      valueLabel: "Amount",
      bars: [{ label: "Health", value: 10 }],
    }).value;
    expect(out).toContain('role="img" aria-labelledby="b-title" aria-describedby="b-desc"');
    expect(out).toContain(
      '<title id="b-title">Grants &lt;by&gt; theme</title><desc id="b-desc">Health is largest</desc>',
    );
    expect(out).toContain('<div class="govuk-visually-hidden"><table class="govuk-table" id="b-table">');
    expect(out).toContain(
      '<th scope="row" class="govuk-table__header">Health</th><td class="govuk-table__cell govuk-table__cell--numeric">10</td>',
    );
    expect(out).not.toContain("style=");
  });
  it("draws a line per series, breaks at missing values, and lists missing values as No data", () => {
    const out = lineChart({
      id: "l",
      title: "Trend",
      description: "Falling",
      periods: ["Apr", "May", "Jun"],
      series: [{ name: "Reports", values: [3, null, 1] }],
      table: "visible",
    }).value;
    expect(out.match(/<path d="M[^"]*"/)?.[0].match(/M/g)).toHaveLength(2);
    expect(out).toContain("No data");
    expect(out).not.toContain('govuk-visually-hidden"><table');
  });
  it("shows campaign progress as text as well as a bar", () => {
    const out = progressBar({ id: "p", label: "Raised", value: 1500, target: 2000 }).value;
    expect(out).toContain("(75%)");
    expect(out).toContain('<desc id="p-desc">1,500 of 2,000 (75%)</desc>');
  });
  it("runs IMD deciles from dark (most deprived) to light and marks the highlighted decile", () => {
    expect(decileColour(1)).toBe("#0f385c");
    expect(() => decileColour(11)).toThrow(RangeError);
    const out = decileScale({ id: "d", title: "IMD", description: "Decile 2", highlight: 2 }).value;
    expect(out).toContain("Most deprived");
    expect(out).toContain("10% to 20% most deprived (this area)");
  });
});
