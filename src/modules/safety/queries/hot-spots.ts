import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { addDays, daysBetween } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { invalid } from "../../../platform/http/problem.ts";
import type { HomeArea } from "../../places/index.ts";
import { activeCategories, categoryIn, loadSafetyConfiguration } from "../domain/configuration.ts";
import { per1000Homes } from "../domain/nm01-rules.ts";
import {
  areasOfHomes,
  localAuthorityNames,
  neighbourhoodNames,
  relevantStockByBlock,
  relevantStockByLocalAuthority,
  relevantStockByNeighbourhood,
} from "../neighbours.ts";
import { canViewReports } from "../policy.ts";
import {
  blockKey,
  blocksOfHomes,
  flagFewHomes,
  type HotSpotBlock,
  homesPerBlock,
} from "./hot-spots-blocks.ts";
import { checkPeriod } from "./nm01.ts";

// Where anti-social behaviour concentrates: reports per 1,000 homes by neighbourhood (2021 LSOA),
// by district and by block, for a period and one category or all ASB categories, with the period before for
// comparison. The method is set out in docs/figures/asb-hot-spots.md; keep the two in step.

export type HotSpotArea = {
  code: string;
  name: string;
  /** The district a neighbourhood is in (its own name for a district). */
  laName: string;
  homes: number;
  reports: number;
  previousReports: number;
  per1000Homes: number | null;
  previousPer1000Homes: number | null;
  /** Rate now minus rate in the previous period, per 1,000 homes; null without homes. */
  change: number | null;
};

export type HotSpots = {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  category: { code: string; name: string } | null;
  /** Ranked: highest rate first; areas without homes (no rate) last, by reports. */
  neighbourhoods: HotSpotArea[];
  districts: HotSpotArea[];
  /** Blocks of homes; those with too few homes for a rate are flagged and ranked after the rest. */
  blocks: HotSpotBlock[];
  /** Reports whose place is not one of the organisation's homes nor a district: counted, not mapped. */
  unplaced: { reports: number; previousReports: number };
};

/** One report, placed: the home's neighbourhood and district, else the case's district. */
export type PlacedReport = {
  reportedOn: string;
  lsoaCode: string | null;
  laCode: string | null;
  blockKey: string | null;
};

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

type Count = { reports: number; previousReports: number };

/** Counts placed reports by a key, splitting the period from the one before. */
export function countByArea(
  reports: readonly PlacedReport[],
  keyOf: (report: PlacedReport) => string | null,
  from: string,
): Map<string | null, Count> {
  const counts = new Map<string | null, Count>();
  for (const report of reports) {
    const key = keyOf(report);
    const count = counts.get(key) ?? { reports: 0, previousReports: 0 };
    if (report.reportedOn >= from) count.reports += 1;
    else count.previousReports += 1;
    counts.set(key, count);
  }
  return counts;
}

/** A rate now minus the rate before, per 1,000 homes, to two places; null when either has no rate. */
export function rateChange(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 100) / 100;
}

/** Highest rate first (areas without a rate last), then most reports, then name. */
export function compareAreas(a: HotSpotArea, b: HotSpotArea): number {
  return (
    (b.per1000Homes ?? -1) - (a.per1000Homes ?? -1) || b.reports - a.reports || a.name.localeCompare(b.name)
  );
}

/** Rates for each area with homes or reports, ranked by `compareAreas`. */
export function rankAreas(
  areas: readonly { code: string; name: string; laName: string; homes: number }[],
  counts: ReadonlyMap<string | null, Count>,
): HotSpotArea[] {
  return areas
    .map((area) => {
      const count = counts.get(area.code) ?? { reports: 0, previousReports: 0 };
      const rate = per1000Homes(count.reports, area.homes);
      const previous = per1000Homes(count.previousReports, area.homes);
      return {
        ...area,
        ...count,
        per1000Homes: rate,
        previousPer1000Homes: previous,
        change: rateChange(rate, previous),
      };
    })
    .sort(compareAreas);
}

/** The reports in a period and categories, each placed by `homes` (the organisation's homes by id). */
export async function placedReports(
  db: Db,
  organisationId: string,
  period: { from: string; to: string },
  categoryCodes: readonly string[],
  homes: ReadonlyMap<string, HomeArea>,
): Promise<PlacedReport[]> {
  if (categoryCodes.length === 0) return [];
  // A report rejected at triage as not ASB is left out; one attached to a case takes the case's home
  // when it has none of its own, and the case's district when there is no home at all.
  const result = (await db.execute(sql`
    SELECT r.reported_on::text AS reported_on, coalesce(r.home_id, c.home_id) AS home_id, c.la_code
      FROM safety_report r
      LEFT JOIN safety_case c ON c.organisation_id = r.organisation_id AND c.id = r.case_id
     WHERE r.organisation_id = ${organisationId}
       AND r.status <> 'not-asb'
       AND r.reported_on BETWEEN ${period.from} AND ${period.to}
       AND r.category IN (${sql.join(
         categoryCodes.map((code) => sql`${code}`),
         sql`, `,
       )})`)) as unknown as {
    rows: { reported_on: string; home_id: string | null; la_code: string | null }[];
  };
  return result.rows.map((row) => {
    const home = row.home_id ? homes.get(row.home_id) : undefined;
    return {
      reportedOn: row.reported_on,
      lsoaCode: home?.lsoa21Code ?? null,
      laCode: home?.laCode ?? row.la_code,
      blockKey: home ? blockKey(home) : null,
    };
  });
}

/**
 * ASB hot spots for a period (both dates inclusive) and an optional category code. The homes are the
 * relevant TSM stock owned on the period's last day, as NM01 uses: the rate is reports per 1,000 of them.
 */
export async function hotSpots(
  db: Db,
  actor: Actor,
  input: { from: string; to: string; category?: string },
): Promise<HotSpots> {
  requireAllowed(canViewReports(actor), "Only staff can see where anti-social behaviour concentrates.");
  checkPeriod(input.from, input.to);
  const organisationId = actor.organisationId;
  const configuration = await loadSafetyConfiguration(db, organisationId);
  const chosen = input.category ? categoryIn(configuration, input.category) : undefined;
  if (input.category && !chosen) {
    throw invalid("Choose a category from the list.", { category: "Choose a category from the list" });
  }
  const codes = chosen ? [chosen.code] : asbCategoryCodes(configuration);
  const previous = previousPeriod(input.from, input.to);
  const homes = await areasOfHomes(db, organisationId);
  const [reports, districtStock, neighbourhoodStock, blockStock] = await Promise.all([
    placedReports(db, organisationId, { from: previous.from, to: input.to }, codes, homes),
    relevantStockByLocalAuthority(db, organisationId, input.to),
    relevantStockByNeighbourhood(db, organisationId, input.to),
    relevantStockByBlock(db, organisationId, input.to),
  ]);
  const byDistrict = countByArea(reports, (report) => report.laCode, input.from);
  const byNeighbourhood = countByArea(reports, (report) => report.lsoaCode, input.from);
  const byBlock = countByArea(reports, (report) => report.blockKey, input.from);
  const blockHomes = homesPerBlock(blockStock);
  const blocks = [...blocksOfHomes(homes.values())]
    .filter(([code]) => blockHomes.has(code) || byBlock.has(code))
    .map(([code, block]) => ({ code, ...block, homes: blockHomes.get(code) ?? 0 }));
  const districtCodes = new Set([
    ...districtStock.map((d) => d.laCode),
    ...[...byDistrict.keys()].filter((code): code is string => code !== null),
  ]);
  const laNames = await localAuthorityNames(db, [...districtCodes, ...blocks.map((b) => b.laCode)]);
  const lsoaCodes = new Set([
    ...neighbourhoodStock.map((n) => n.lsoaCode),
    ...[...byNeighbourhood.keys()].filter((code): code is string => code !== null),
  ]);
  const names = await neighbourhoodNames(db, [...lsoaCodes]);
  const districts = [...districtCodes].map((code) => ({
    code,
    name: laNames.get(code) ?? code,
    laName: laNames.get(code) ?? code,
    homes: districtStock.find((stock) => stock.laCode === code)?.homes ?? 0,
  }));
  const neighbourhoods = [...lsoaCodes].map((code) => {
    const stock = neighbourhoodStock.filter((n) => n.lsoaCode === code);
    const laCode = names.get(code)?.ladCode ?? stock[0]?.laCode ?? "";
    return {
      code,
      name: names.get(code)?.name ?? code,
      laName: names.get(code)?.ladName ?? laNames.get(laCode) ?? laCode,
      homes: stock.reduce((sum, s) => sum + s.homes, 0),
    };
  });
  return {
    from: input.from,
    to: input.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    category: chosen ? { code: chosen.code, name: chosen.name } : null,
    neighbourhoods: rankAreas(neighbourhoods, byNeighbourhood),
    districts: rankAreas(districts, byDistrict),
    blocks: flagFewHomes(
      rankAreas(
        blocks.map(({ laCode, ...block }) => ({ ...block, laName: laNames.get(laCode) ?? laCode })),
        byBlock,
      ),
      compareAreas,
    ),
    unplaced: byDistrict.get(null) ?? { reports: 0, previousReports: 0 },
  };
}

/** The organisation's categories that count as ASB: the "all ASB categories" choice. */
export function asbCategoryCodes(configuration: {
  categories: { code: string; countsAsAsb: boolean }[];
}): string[] {
  return configuration.categories.filter((category) => category.countsAsAsb).map((category) => category.code);
}

/** Categories to filter by: the organisation's active ASB categories. */
export async function hotSpotCategories(db: Db, actor: Actor): Promise<{ code: string; name: string }[]> {
  requireAllowed(canViewReports(actor), "Only staff can see where anti-social behaviour concentrates.");
  const configuration = await loadSafetyConfiguration(db, actor.organisationId);
  return activeCategories(configuration)
    .filter((category) => category.countsAsAsb)
    .map(({ code, name }) => ({ code, name }));
}
