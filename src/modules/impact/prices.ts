import type { SocialValueResult } from "./social-value.ts";

// Social value at one price year (HM Treasury Green Book: real values at the appraisal year's
// prices, adjusted with the GDP deflator). Values carry the price year of their value bank; a
// report states them at its own year's prices when the deflator series has both years.

export type DeflatorSeries = { byYear: Map<number, number>; source: string | null };

export type PriceBasis = {
  /** The year whose prices every figure is in. */
  year: number;
  /** The value bank's price year, which the values were stated in. */
  valuesYear: number;
  /** deflator(year) ÷ deflator(valuesYear); 1 when no uprating was possible or needed. */
  factor: number;
  uprated: boolean;
  deflatorSource: string | null;
  /** What a reader needs beside the figures, e.g. "at 2025 prices (2019 values uprated by …)". */
  note: string;
};

/** The price year of a reporting period: the year it starts (a financial year 2025/26 is "2025"). */
export function reportingPriceYear(from: string): number {
  return Number(from.slice(0, 4));
}

/** Figures left at the value bank's prices, with the reason in `note`. */
function atValuesYear(valuesYear: number, note: string): PriceBasis {
  return { year: valuesYear, valuesYear, factor: 1, uprated: false, deflatorSource: null, note };
}

export function priceBasis(valuesYear: number, reportingYear: number, series: DeflatorSeries): PriceBasis {
  if (valuesYear === reportingYear) return atValuesYear(valuesYear, `at ${valuesYear} prices`);
  const from = series.byYear.get(valuesYear);
  const to = series.byYear.get(reportingYear);
  if (from === undefined || to === undefined) {
    const missing = [from === undefined ? valuesYear : null, to === undefined ? reportingYear : null]
      .filter((year) => year !== null)
      .join(" and ");
    return atValuesYear(
      valuesYear,
      `at ${valuesYear} prices, not uprated to ${reportingYear}: no GDP deflator for ${missing} (kith import deflators FILE.csv)`,
    );
  }
  const factor = to / from;
  return {
    year: reportingYear,
    valuesYear,
    factor,
    uprated: true,
    deflatorSource: series.source,
    note: `at ${reportingYear} prices (${valuesYear} values × ${factor.toFixed(4)}, GDP deflator: ${series.source ?? "imported series"})`,
  };
}

/** One value at `factor` times its prices, rounded to the penny (the same value when factor is 1). */
export function atPrice(pence: number, factor: number): number {
  return factor === 1 ? pence : Math.round(pence * factor);
}

/** Every line's value at the basis year's prices, rounded per line so the lines still add up to the totals. */
export function atPrices<T extends SocialValueResult>(result: T, basis: PriceBasis): T {
  if (basis.factor === 1) return result;
  const lines = result.lines.map((line) => ({
    ...line,
    grossPence: atPrice(line.grossPence, basis.factor),
    netPence: atPrice(line.netPence, basis.factor),
  }));
  const counted = lines.filter((line) => line.status === "counted");
  return {
    ...result,
    lines,
    totalPence: counted.reduce((sum, line) => sum + line.netPence, 0),
    grossPence: counted.reduce((sum, line) => sum + line.grossPence, 0),
  };
}
