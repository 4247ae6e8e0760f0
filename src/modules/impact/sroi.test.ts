import { describe, expect, it } from "vitest";
import { calculateSroi, type SroiOutcome } from "./sroi.ts";
import { overallInputs, projectInputsPence } from "./sroi-inputs.ts";

/** An outcome named, counted and priced, with nothing taken off and one year's life unless the test says. */
const outcome = (
  name: string,
  fields: Pick<SroiOutcome, "quantity" | "proxyPence"> & Partial<SroiOutcome>,
): SroiOutcome => ({
  name,
  deadweightPercent: 0,
  displacementPercent: 0,
  attributionPercent: 0,
  dropOffPercent: 0,
  years: 1,
  ...fields,
});

describe("SROI (Cabinet Office guide method)", () => {
  // Worked by hand with bc, following the guide's stage 4-5 steps:
  // impact = 20 people × £1,000 × (1 − 25% deadweight) × (1 − 10% attribution) = £13,500;
  // 10% drop-off: year 2 = £12,150, year 3 = £10,935;
  // discounted at 3.5%: 13,043.478 + 11,342.155 + 9,862.751 = £34,248.38; over £10,000 of inputs = 3.42 : 1.
  const example = calculateSroi(
    [
      outcome("Older residents less isolated", {
        quantity: 20,
        proxyPence: 100_000,
        deadweightPercent: 25,
        attributionPercent: 10,
        dropOffPercent: 10,
        years: 3,
      }),
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
        outcome("A", { quantity: 1, proxyPence: 10_000, displacementPercent: 50 }),
        outcome("B", { quantity: 2, proxyPence: 10_000, dropOffPercent: 50, years: 2 }),
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

// A worked example laid out as the guide's impact map (stage 4) and value projection (stage 5).
// The guide's own "Wheels to Meals" figures were not available to us, so these figures are our own,
// worked by hand (Python fractions) from the guide's rules, as the guide states them:
//   impact = quantity × financial proxy, less deadweight %, less displacement %, less attribution %;
//   drop-off takes its percentage off the remaining value each year, starting in year 2;
//   present value = Σ value in year t / 1.035^t, from t = 1 (the Green Book's 3.5%);
//   SROI ratio = present value ÷ inputs; net SROI ratio = (present value − inputs) ÷ inputs.
describe("SROI worked example: a lunch club with three stakeholder groups and £20,000 of inputs", () => {
  const impactMap = [
    // 30 × £1,200 = £36,000; less 20% deadweight = £28,800; less 25% attribution = £21,600.
    // Lasts 3 years, 30% drop-off: £21,600, £15,120, £10,584.
    outcome("Older residents: less isolated", {
      quantity: 30,
      proxyPence: 120_000,
      deadweightPercent: 20,
      displacementPercent: 0,
      attributionPercent: 25,
      dropOffPercent: 30,
      years: 3,
    }),
    // 10 × £900 = £9,000; less 10% deadweight = £8,100; less 40% attribution = £4,860.
    // Lasts 2 years, 50% drop-off: £4,860, £2,430.
    outcome("Carers: more time for paid work", {
      quantity: 10,
      proxyPence: 90_000,
      deadweightPercent: 10,
      displacementPercent: 0,
      attributionPercent: 40,
      dropOffPercent: 50,
      years: 2,
    }),
    // 8 × £500 = £4,000; less 50% deadweight = £2,000; less 10% displacement = £1,800. One year only.
    outcome("Volunteers: new skills", {
      quantity: 8,
      proxyPence: 50_000,
      deadweightPercent: 50,
      displacementPercent: 10,
      attributionPercent: 0,
      dropOffPercent: 0,
      years: 1,
    }),
  ];
  const result = calculateSroi(impactMap, 2_000_000);

  it("takes deadweight, displacement and attribution off in turn to give each outcome's impact", () => {
    expect(result.outcomes.map((line) => line.impactPence)).toEqual([2_160_000, 486_000, 180_000]);
  });
  it("keeps year 1 whole and applies drop-off from year 2", () => {
    expect(result.outcomes[0].yearValuesPence).toEqual([2_160_000, 1_512_000, 1_058_400]);
    expect(result.outcomes[1].yearValuesPence).toEqual([486_000, 243_000]);
    // Year totals: £28,260; £17,550; £10,584.
    expect(result.yearTotalsPence).toEqual([2_826_000, 1_755_000, 1_058_400]);
  });
  it("discounts every year at 3.5%, year 1 included, and divides by the inputs", () => {
    // 28,260 / 1.035 + 17,550 / 1.035² + 10,584 / 1.035³
    //   = 27,304.35 + 16,383.11 + 9,546.16 = £53,233.62 (5,323,362.22 pence).
    expect(result.presentValuePence).toBe(5_323_362);
    expect(result.netPresentValuePence).toBe(3_323_362);
    // 53,233.62 / 20,000 = 2.66 : 1; net SROI (53,233.62 − 20,000) / 20,000 = 1.66.
    expect(result.ratio).toBeCloseTo(2.6617, 4);
    expect(result.netRatio).toBeCloseTo(1.6617, 4);
  });
  // Where the £20,000 of inputs comes from, for the financial year 2025/26 (1 April 2025 to 31 March
  // 2026). The lunch club recorded no spending; its secured funding is £20,000 for calendar 2025 and
  // £20,000 for 2026. The year covers 275 of 2025's 365 days and 90 of 2026's: 20,000 × 275/365 +
  // 20,000 × 90/365 = £20,000 (taking both calendar years whole, as Kith once did, gave £40,000).
  const financialYear = { from: "2025-04-01", to: "2026-03-31" };
  const lunchClubInputs = projectInputsPence(
    [],
    [
      { year: 2025, amountPence: 2_000_000 },
      { year: 2026, amountPence: 2_000_000 },
    ],
    financialYear,
  );
  it("pro-rates secured funding to the period when no spending is recorded, as the dashboard does", () => {
    expect(lunchClubInputs).toBe(2_000_000);
    expect(calculateSroi(impactMap, lunchClubInputs).ratio).toBeCloseTo(2.6617, 4);
  });
  it("takes the spending in the period when there is some, and no funding then", () => {
    const spent = projectInputsPence(
      [
        { spentOn: "2025-03-31", amountPence: 700_000 }, // the day before the year: not counted
        { spentOn: "2025-04-01", amountPence: 1_200_000 },
        { spentOn: "2026-03-31", amountPence: 300_000 },
      ],
      [{ year: 2025, amountPence: 9_999_900 }],
      financialYear,
    );
    expect(spent).toBe(1_500_000);
  });
  it("counts all spending in the overall SROI, showing the part with no valued outcomes", () => {
    // A community garden spent £5,000 in the year but has no outcomes in the value bank. The period's
    // spending (the dashboard's figure) is £5,000: the lunch club recorded none.
    const overall = overallInputs([{ inputsPence: lunchClubInputs, spentPence: 0 }], 500_000);
    expect(overall).toEqual({ inputsPence: 2_500_000, withoutValuedOutcomesPence: 500_000 });
    // £53,233.62 / £25,000 = 2.13 : 1, not the 2.66 : 1 of the lunch club alone.
    expect(calculateSroi(impactMap, overall.inputsPence).ratio).toBeCloseTo(2.1293, 4);
  });
  it("discounts a one-year value as received at the end of year 1", () => {
    const single = calculateSroi(
      [
        outcome("One year", {
          ...impactMap[2],
          quantity: 1,
          proxyPence: 103_500,
          deadweightPercent: 0,
          displacementPercent: 0,
        }),
      ],
      100_000,
    );
    // £1,035 a year from now is worth £1,000 today; against £1,000 of inputs the ratio is 1 and net 0.
    expect(single.presentValuePence).toBe(100_000);
    expect(single.ratio).toBe(1);
    expect(single.netRatio).toBe(0);
  });
});
