import type { Db } from "../../../platform/db/database.ts";
import type { FigureFilter } from "../../investment/index.ts";
import { volunteeringValue } from "../../volunteering/index.ts";

export type VerifiedVolunteering = {
  volunteers: number;
  hours: number;
  valuePence: number;
  /** Where the hours and the hourly rate come from, shown beside every figure. */
  source: string;
  /** Years with verified hours but no hourly rate: their hours count, their value is 0. */
  yearsWithoutRate: number[];
  /**
   * The volunteering module records hours by its own themes, not the strategy's, so a theme filter
   * cannot narrow them: the figure is then for all themes, and says so.
   */
  themeFilterIgnored: boolean;
};

/**
 * Verified volunteering hours from the volunteering module, and their value (hours × the hourly rate
 * for the year worked), for the dashboard and the annual report. Narrowed to an area when one is chosen.
 */
export async function verifiedVolunteering(
  db: Db,
  organisationId: string,
  filter: FigureFilter,
): Promise<VerifiedVolunteering> {
  const value = await volunteeringValue(db, organisationId, { from: filter.from, to: filter.to });
  const line = filter.laCode
    ? (value.byArea.find((area) => area.laCode === filter.laCode) ?? {
        minutes: 0,
        hours: 0,
        valuePence: 0,
        activeVolunteers: 0,
      })
    : value.total;
  const fromYear = Number(filter.from.slice(0, 4));
  const toYear = Number(filter.to.slice(0, 4));
  const rates = value.rates.filter((rate) => rate.year >= fromYear && rate.year <= toYear);
  const rateText = rates.length
    ? rates
        .map((rate) => `${rate.year}: £${(rate.ratePence / 100).toFixed(2)} an hour (${rate.source})`)
        .join("; ")
    : "no hourly rate set";
  return {
    volunteers: line.activeVolunteers,
    hours: Math.round(line.hours * 10) / 10,
    valuePence: line.valuePence,
    source: `Verified hours from volunteering records × hourly rate, ${rateText}`,
    yearsWithoutRate: value.yearsWithoutRate,
    themeFilterIgnored: Boolean(filter.themeCode),
  };
}
