import { and, gte, isNull, lte, or } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { monthlyTotals, type ProfilePlace, profileMonths } from "../../../platform/http/place-profile.ts";
import { categoryLabel, loadSafetyConfiguration } from "../domain/configuration.ts";
import { areasOfHomes } from "../neighbours.ts";
import { canViewReports } from "../policy.ts";
import { safetyCase, safetyTriggerReview } from "../schema.ts";

export type PlaceCases = {
  from: string;
  to: string;
  /** Cases opened in the twelve calendar months to `to`, by category, most first. */
  byCategory: { category: string; name: string; cases: number }[];
  /** The same cases by London month ("2026-04"), oldest first. */
  byMonth: { month: string; cases: number }[];
  /** Addresses and blocks with two or more of those cases: a count, never which ones. */
  repeatLocations: number;
  /** Community Trigger activations detected in the same months on cases here. */
  triggerActivations: number;
  open: number;
};

/** Two cases at one address or block within the twelve months make it a repeat location. */
const repeatLocationCases = 2;

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
  const { from, months } = profileMonths(today);
  const [rows, triggers, homes, configuration] = await Promise.all([
    db
      .select({
        id: safetyCase.id,
        category: safetyCase.category,
        homeId: safetyCase.homeId,
        blockName: safetyCase.blockName,
        laCode: safetyCase.laCode,
        openedOn: safetyCase.openedOn,
        closedOn: safetyCase.closedOn,
      })
      .from(safetyCase)
      .where(
        inOrganisation(
          safetyCase,
          actor.organisationId,
          // Cases open at any time in the months, so a trigger on a case opened earlier is counted.
          or(gte(safetyCase.openedOn, from), isNull(safetyCase.closedOn), gte(safetyCase.closedOn, from)),
        ),
      ),
    db
      .select({ caseId: safetyTriggerReview.caseId })
      .from(safetyTriggerReview)
      .where(
        inOrganisation(
          safetyTriggerReview,
          actor.organisationId,
          and(gte(safetyTriggerReview.detectedOn, from), lte(safetyTriggerReview.detectedOn, today)),
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
  const opened = inPlace.filter((r) => r.openedOn >= from && r.openedOn <= today);
  const counts = new Map<string, number>();
  const byLocation = new Map<string, number>();
  for (const row of opened) {
    counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
    // A block is one location however many of its homes report; a home outside a block is its own.
    const location = row.blockName ? `block:${row.blockName.trim().toLowerCase()}` : row.homeId;
    if (location) byLocation.set(location, (byLocation.get(location) ?? 0) + 1);
  }
  const caseIds = new Set(inPlace.map((row) => row.id));
  const monthly = monthlyTotals(
    months,
    opened.map((row) => ({ day: row.openedOn, amount: 1 })),
  );
  return {
    from,
    to: today,
    byCategory: [...counts]
      .map(([category, cases]) => ({ category, name: categoryLabel(configuration, category), cases }))
      .sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name)),
    byMonth: months.map((month, i) => ({ month, cases: monthly[i] ?? 0 })),
    repeatLocations: [...byLocation.values()].filter((n) => n >= repeatLocationCases).length,
    triggerActivations: triggers.filter((t) => caseIds.has(t.caseId)).length,
    open: inPlace.filter((row) => row.closedOn === null).length,
  };
}
