// Social Return on Investment, following the Cabinet Office "A guide to Social Return on Investment"
// (2009, updated 2012), stages 4 and 5:
//   impact = quantity × financial proxy, less deadweight, displacement and attribution (each a percentage);
//   a benefit lasting several years drops off by a fixed percentage of the remaining value each year after the first;
//   each year's value is discounted: present value = Σ value_t / (1 + r)^t, r = 3.5% (HM Treasury Green Book);
//   SROI ratio = present value ÷ value of inputs; net present value = present value − inputs.

export const greenBookDiscountRate = 0.035;

export type SroiOutcome = {
  name: string;
  quantity: number;
  /** Financial proxy per unit, in pence. */
  proxyPence: number;
  deadweightPercent: number;
  displacementPercent: number;
  attributionPercent: number;
  dropOffPercent: number;
  /** How many years the outcome lasts (1 = this year only). */
  years: number;
};

export type SroiOutcomeResult = SroiOutcome & { impactPence: number; yearValuesPence: number[] };

export type SroiResult = {
  outcomes: SroiOutcomeResult[];
  /** Total value in each year before discounting, year 1 first. */
  yearTotalsPence: number[];
  presentValuePence: number;
  inputsPence: number;
  netPresentValuePence: number;
  /** Present value per £1 of inputs; null when there were no inputs. */
  ratio: number | null;
};

export function outcomeImpactPence(outcome: SroiOutcome): number {
  const keep = (percent: number) => (100 - percent) / 100;
  return (
    outcome.quantity *
    outcome.proxyPence *
    keep(outcome.deadweightPercent) *
    keep(outcome.displacementPercent) *
    keep(outcome.attributionPercent)
  );
}

export function calculateSroi(
  outcomes: SroiOutcome[],
  inputsPence: number,
  discountRate = greenBookDiscountRate,
): SroiResult {
  const horizon = Math.max(1, ...outcomes.map((outcome) => outcome.years));
  const yearTotals = Array.from({ length: horizon }, () => 0);
  const results = outcomes.map((outcome) => {
    const impact = outcomeImpactPence(outcome);
    const yearValues: number[] = [];
    for (let year = 0; year < outcome.years; year++) {
      const value = impact * ((100 - outcome.dropOffPercent) / 100) ** year;
      yearValues.push(value);
      yearTotals[year] += value;
    }
    return { ...outcome, impactPence: Math.round(impact), yearValuesPence: yearValues.map(Math.round) };
  });
  // Discount the unrounded totals and round once, so pennies do not drift across years.
  const presentValue = Math.round(
    yearTotals.reduce((sum, value, index) => sum + value / (1 + discountRate) ** (index + 1), 0),
  );
  return {
    outcomes: results,
    yearTotalsPence: yearTotals.map(Math.round),
    presentValuePence: presentValue,
    inputsPence,
    netPresentValuePence: presentValue - inputsPence,
    ratio: inputsPence > 0 ? presentValue / inputsPence : null,
  };
}
