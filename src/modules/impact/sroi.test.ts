import { describe, expect, it } from "vitest";
import { calculateSroi } from "./sroi.ts";

describe("SROI (Cabinet Office guide method)", () => {
  // Worked by hand with bc, following the guide's stage 4-5 steps:
  // impact = 20 people × £1,000 × (1 − 25% deadweight) × (1 − 10% attribution) = £13,500;
  // 10% drop-off: year 2 = £12,150, year 3 = £10,935;
  // discounted at 3.5%: 13,043.478 + 11,342.155 + 9,862.751 = £34,248.38; over £10,000 of inputs = 3.42 : 1.
  const example = calculateSroi(
    [
      {
        name: "Older residents less isolated",
        quantity: 20,
        proxyPence: 100_000,
        deadweightPercent: 25,
        displacementPercent: 0,
        attributionPercent: 10,
        dropOffPercent: 10,
        years: 3,
      },
    ],
    1_000_000,
  );

  it("takes deadweight and attribution off before projecting", () => {
    expect(example.outcomes[0].impactPence).toBe(1_350_000);
  });
  it("drops off a fixed share of the remaining value each year after the first", () => {
    expect(example.yearTotalsPence).toEqual([1_350_000, 1_215_000, 1_093_500]);
  });
  it("discounts each year at 3.5% and divides by the inputs", () => {
    expect(example.presentValuePence).toBe(3_424_838);
    expect(example.netPresentValuePence).toBe(2_424_838);
    expect(example.ratio).toBeCloseTo(3.4248, 4);
  });
  it("takes displacement off too, and sums outcomes of different lengths", () => {
    const result = calculateSroi(
      [
        {
          name: "A",
          quantity: 1,
          proxyPence: 10_000,
          deadweightPercent: 0,
          displacementPercent: 50,
          attributionPercent: 0,
          dropOffPercent: 0,
          years: 1,
        },
        {
          name: "B",
          quantity: 2,
          proxyPence: 10_000,
          deadweightPercent: 0,
          displacementPercent: 0,
          attributionPercent: 0,
          dropOffPercent: 50,
          years: 2,
        },
      ],
      0,
    );
    // Year 1: 5,000 + 20,000; year 2: 10,000.
    expect(result.yearTotalsPence).toEqual([25_000, 10_000]);
    // 25,000 / 1.035 + 10,000 / 1.071225 = 24,154.59 + 9,335.11 = 33,489.70 → 33,490 pence.
    expect(result.presentValuePence).toBe(33_490);
    expect(result.ratio).toBeNull();
  });
});
