import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { organisation } from "../../../platform/db/platform-schema.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPlaces } from "../policy.ts";
import {
  home,
  type ImdEdition,
  localAuthority,
  lsoa,
  organisationArea,
  priorityOverride,
} from "../schema.ts";

/** Homes per local authority: the denominator of "per 1,000 homes" measures such as NM01. */
export async function homesByLocalAuthority(
  db: Db,
  organisationId: string,
): Promise<{ laCode: string; laName: string; homes: number }[]> {
  const rows = await db
    .select({ laCode: home.laCode, laName: localAuthority.name, homes: count() })
    .from(home)
    .innerJoin(localAuthority, eq(localAuthority.gssCode, home.laCode))
    .where(inOrganisation(home, organisationId))
    .groupBy(home.laCode, localAuthority.name)
    .orderBy(asc(localAuthority.name));
  return rows;
}

/** The local authorities the organisation works in, with home counts. */
export async function listOrganisationAreas(db: Db, actor: Actor) {
  requireAllowed(canViewPlaces(actor), "Only staff can see areas.");
  const homes = new Map(
    (await homesByLocalAuthority(db, actor.organisationId)).map((row) => [row.laCode, row.homes]),
  );
  const areas = await db
    .select({
      laCode: organisationArea.laCode,
      name: localAuthority.name,
      officialName: localAuthority.officialName,
      tier: localAuthority.tier,
    })
    .from(organisationArea)
    .innerJoin(localAuthority, eq(localAuthority.gssCode, organisationArea.laCode))
    .where(inOrganisation(organisationArea, actor.organisationId))
    .orderBy(asc(localAuthority.name));
  return areas.map((area) => ({ ...area, homes: homes.get(area.laCode) ?? 0 }));
}

export type PriorityNeighbourhood = {
  edition: ImdEdition;
  code: string;
  name: string;
  laCode: string;
  laName: string;
  imdDecile: number;
  imdRank: number;
  source: "rule" | "manual";
  reason: string;
};

async function organisationRule(db: Db, organisationId: string) {
  const [org] = await db
    .select({ edition: organisation.imdEdition, maxDecile: organisation.priorityMaxDecile })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  return org ?? { edition: "iod2025" as const, maxDecile: 2 };
}

/**
 * Priority neighbourhoods: every LSOA in the organisation's areas whose IMD decile is
 * at or below the rule's limit, in the edition the organisation chose, plus manual
 * additions and minus manual removals (each with its reason).
 */
export async function listPriorityNeighbourhoods(
  db: Db,
  organisationId: string,
): Promise<PriorityNeighbourhood[]> {
  const rule = await organisationRule(db, organisationId);
  const areaCodes = (
    await db
      .select({ laCode: organisationArea.laCode })
      .from(organisationArea)
      .where(inOrganisation(organisationArea, organisationId))
  ).map((a) => a.laCode);
  const overrides = await db
    .select()
    .from(priorityOverride)
    .where(matchInOrganisation(priorityOverride, organisationId, { edition: rule.edition }));
  const removed = new Set(overrides.filter((o) => !o.included).map((o) => o.lsoaCode));
  const added = overrides.filter((o) => o.included);
  const byRule = areaCodes.length
    ? await lsoasOfEdition(
        db,
        rule.edition,
        inArray(lsoa.ladCode, areaCodes),
        sql`${lsoa.imdDecile} <= ${rule.maxDecile}`,
      )
    : [];
  const manual = added.length
    ? await lsoasOfEdition(
        db,
        rule.edition,
        inArray(
          lsoa.code,
          added.map((a) => a.lsoaCode),
        ),
      )
    : [];
  const reasons = new Map(added.map((a) => [a.lsoaCode, a.reason]));
  const entry = (
    row: typeof lsoa.$inferSelect,
    source: "rule" | "manual",
    reason: string,
  ): PriorityNeighbourhood => ({
    edition: rule.edition,
    code: row.code,
    name: row.name,
    laCode: row.ladCode,
    laName: row.ladName,
    imdDecile: row.imdDecile,
    imdRank: row.imdRank,
    source,
    reason,
  });
  const result = new Map<string, PriorityNeighbourhood>();
  for (const row of byRule) {
    if (!removed.has(row.code)) {
      result.set(
        row.code,
        entry(row, "rule", `IMD decile ${row.imdDecile} (rule: decile ${rule.maxDecile} or below)`),
      );
    }
  }
  for (const row of manual) {
    if (!result.has(row.code))
      result.set(row.code, entry(row, "manual", reasons.get(row.code) ?? "Added by hand"));
  }
  return [...result.values()].sort((a, b) => a.imdRank - b.imdRank);
}

export async function isPriorityLsoa(db: Db, organisationId: string, lsoaCode: string): Promise<boolean> {
  return (await listPriorityNeighbourhoods(db, organisationId)).some((n) => n.code === lsoaCode);
}

export type NeighbourhoodRow = {
  code: string;
  name: string;
  laName: string;
  imdDecile: number;
  imdRank: number;
  homes: number;
  priority: boolean;
};

/** Neighbourhoods in the organisation's areas with deprivation and home counts, for the map and table. */
export async function listNeighbourhoods(
  db: Db,
  actor: Actor,
  filters: { laCode?: string; onlyWithHomes?: boolean } = {},
): Promise<{ edition: ImdEdition; rows: NeighbourhoodRow[] }> {
  requireAllowed(canViewPlaces(actor), "Only staff can see neighbourhoods.");
  const rule = await organisationRule(db, actor.organisationId);
  const areaCodes = (
    await db
      .select({ laCode: organisationArea.laCode })
      .from(organisationArea)
      .where(inOrganisation(organisationArea, actor.organisationId))
  ).map((a) => a.laCode);
  const codes = filters.laCode ? areaCodes.filter((code) => code === filters.laCode) : areaCodes;
  if (codes.length === 0) return { edition: rule.edition, rows: [] };
  const homeColumn = rule.edition === "iod2025" ? home.lsoa21Code : home.lsoa11Code;
  const homeCounts = await db
    .select({ code: homeColumn, homes: count() })
    .from(home)
    .where(inOrganisation(home, actor.organisationId))
    .groupBy(homeColumn);
  const counts = new Map(homeCounts.map((row) => [row.code, row.homes]));
  const priority = new Set((await listPriorityNeighbourhoods(db, actor.organisationId)).map((n) => n.code));
  const lsoas = await db
    .select()
    .from(lsoa)
    .where(and(eq(lsoa.edition, rule.edition), inArray(lsoa.ladCode, codes)))
    .orderBy(asc(lsoa.imdRank));
  const rows = lsoas
    .map((row) => ({
      code: row.code,
      name: row.name,
      laName: row.ladName,
      imdDecile: row.imdDecile,
      imdRank: row.imdRank,
      homes: counts.get(row.code) ?? 0,
      priority: priority.has(row.code),
    }))
    .filter((row) => !filters.onlyWithHomes || row.homes > 0);
  return { edition: rule.edition, rows };
}

/** The LSOAs of one IMD edition that meet every condition (LSOAs are reference data, shared by all). */
function lsoasOfEdition(db: Db, edition: ImdEdition, ...conditions: SQL[]) {
  return db
    .select()
    .from(lsoa)
    .where(and(eq(lsoa.edition, edition), ...conditions));
}
