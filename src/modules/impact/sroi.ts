// Social Return on Investment, following the Cabinet Office "A guide to Social Return on Investment"
// (Office of the Third Sector / SROI Network, 2009; revised 2012), stages 4 and 5:
//   stage 4, establishing impact: impact = quantity × financial proxy, less deadweight, less displacement,
//     less attribution, each a percentage of what remains after the one before;
//   stage 5, projecting into the future: the first year's value is the impact itself; drop-off takes a
//     fixed percentage off the remaining value at the end of each year, so it first shows in year 2;
//   stage 5, net present value: each year is discounted, year 1 included, PV = Σ value_t / (1 + r)^t for
//     t = 1, 2, …, with r = 3.5% (HM Treasury Green Book);
//   stage 5, the ratio: SROI = present value ÷ value of inputs; net SROI = (present value − inputs) ÷ inputs.

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
  /** Net present value per £1 of inputs (the guide's "net SROI ratio"); null when there were no inputs. */
  netRatio: number | null;
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
    netRatio: inputsPence > 0 ? (presentValue - inputsPence) / inputsPence : null,
  };
}
