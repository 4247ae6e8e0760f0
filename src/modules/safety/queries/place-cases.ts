import { gte, isNull, or } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { addDays } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { ProfilePlace } from "../../../platform/http/place-profile.ts";
import { categoryLabel, loadSafetyConfiguration } from "../domain/configuration.ts";
import { areasOfHomes } from "../neighbours.ts";
import { canViewReports } from "../policy.ts";
import { safetyCase } from "../schema.ts";

export type PlaceCases = {
  from: string;
  to: string;
  /** Cases opened in the twelve months to `to`, by category, most first. */
  byCategory: { category: string; name: string; cases: number }[];
  open: number;
};

/**
 * Counts of cases in a neighbourhood or district: no names, addresses or references. A case is in
 * the place where its home is; a case with no home (an open space) is in its district only.
 */
export async function casesInPlace(
  db: Db,
  actor: Actor,
  place: ProfilePlace,
  today: string,
): Promise<PlaceCases> {
  requireAllowed(canViewReports(actor), "Only staff can see case counts.");
  const from = addDays(today, -364);
  const [rows, homes, configuration] = await Promise.all([
    db
      .select({
        category: safetyCase.category,
        homeId: safetyCase.homeId,
        laCode: safetyCase.laCode,
        openedOn: safetyCase.openedOn,
        closedOn: safetyCase.closedOn,
      })
      .from(safetyCase)
      .where(
        inOrganisation(
          safetyCase,
          actor.organisationId,
          or(gte(safetyCase.openedOn, from), isNull(safetyCase.closedOn)),
        ),
      ),
    areasOfHomes(db, actor.organisationId),
    loadSafetyConfiguration(db, actor.organisationId),
  ]);
  const inPlace = rows.filter((row) => {
    const home = row.homeId ? homes.get(row.homeId) : undefined;
    if (place.level === "lsoa") return home?.lsoa21Code === place.code;
    return (home?.laCode ?? row.laCode) === place.code;
  });
  const counts = new Map<string, number>();
  for (const row of inPlace.filter((r) => r.openedOn >= from && r.openedOn <= today))
    counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
  return {
    from,
    to: today,
    byCategory: [...counts]
      .map(([category, cases]) => ({ category, name: categoryLabel(configuration, category), cases }))
      .sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name)),
    open: inPlace.filter((row) => row.closedOn === null).length,
  };
}
