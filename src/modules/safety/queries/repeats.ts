import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { getSafetySettings, monthsBefore, type SafetySettings } from "../domain/settings.ts";
import { canViewReports, canWorkCases } from "../policy.ts";

// Repeat victims and repeat perpetrators: a person (a Kith person, or the stable reference of an
// imported party) or an address with at least N incidents (reports) in the window before a date.

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type RepeatKey = { key: string; incidents: number };

/** Incidents in the window for given person keys, as complainant or as alleged perpetrator. */
export async function incidentCounts(
  db: Db,
  organisationId: string,
  keys: string[],
  on: string,
  settings: SafetySettings,
): Promise<Map<string, { victim: number; perpetrator: number }>> {
  const result = new Map<string, { victim: number; perpetrator: number }>();
  if (keys.length === 0) return result;
  const since = monthsBefore(on, settings.repeatWindowMonths);
  const list = await rows<{ who: string; role: string; incidents: number }>(
    db,
    sql`
    SELECT coalesce(p.person_id::text, p.external_ref) AS who, p.role, count(DISTINCT r.id)::int AS incidents
      FROM safety_party p
      JOIN safety_report r ON r.organisation_id = p.organisation_id AND r.case_id = p.case_id
     WHERE p.organisation_id = ${organisationId} AND p.role IN ('complainant', 'alleged-perpetrator')
       AND ${partyKeyMatch(keys)}
       AND r.reported_on > ${since} AND r.reported_on <= ${on}
     GROUP BY 1, 2`,
  );
  for (const row of list) {
    const entry = result.get(row.who) ?? { victim: 0, perpetrator: 0 };
    if (row.role === "complainant") entry.victim = Number(row.incidents);
    else entry.perpetrator = Number(row.incidents);
    result.set(row.who, entry);
  }
  return result;
}

export function partyKey(party: { personId: string | null; externalRef: string | null }): string | null {
  return party.personId ?? party.externalRef;
}

export type RepeatSummary = { victims: number; perpetrators: number; addresses: number };

/** How many people (and addresses) were repeat victims or perpetrators at any point in a period. */
export async function repeatSummary(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
): Promise<RepeatSummary> {
  requireAllowed(canViewReports(actor), "Only staff can see repeat figures.");
  const settings = await getSafetySettings(db, actor.organisationId);
  const windowStart = monthsBefore(period.from, settings.repeatWindowMonths);
  // A person is a repeat in the period if some window of the set length ending inside the period
  // holds N incidents: checked at each of their incidents in the period, looking back one window.
  const count = async (role: string) => {
    const [row] = await rows<{ n: number }>(
      db,
      sql`
      WITH incidents AS (
        SELECT DISTINCT coalesce(p.person_id::text, p.external_ref) AS who, r.id, r.reported_on
          FROM safety_party p JOIN safety_report r ON r.organisation_id = p.organisation_id AND r.case_id = p.case_id
         WHERE p.organisation_id = ${actor.organisationId} AND p.role = ${role}
           AND r.reported_on > ${windowStart} AND r.reported_on <= ${period.to})
      SELECT count(DISTINCT a.who)::int AS n FROM incidents a
       WHERE a.reported_on BETWEEN ${period.from} AND ${period.to}
         AND (SELECT count(*) FROM incidents b WHERE b.who = a.who AND b.reported_on <= a.reported_on
                AND b.reported_on > (a.reported_on - make_interval(months => ${settings.repeatWindowMonths}))::date) >= ${settings.repeatMinIncidents}`,
    );
    return Number(row?.n ?? 0);
  };
  const [addressRow] = await rows<{ n: number }>(
    db,
    sql`
    WITH incidents AS (
      SELECT DISTINCT c.home_id AS home, r.id, r.reported_on FROM safety_case c
        JOIN safety_report r ON r.organisation_id = c.organisation_id AND r.case_id = c.id
       WHERE c.organisation_id = ${actor.organisationId} AND c.home_id IS NOT NULL
         AND r.reported_on > ${windowStart} AND r.reported_on <= ${period.to})
    SELECT count(DISTINCT a.home)::int AS n FROM incidents a
     WHERE a.reported_on BETWEEN ${period.from} AND ${period.to}
       AND (SELECT count(*) FROM incidents b WHERE b.home = a.home AND b.reported_on <= a.reported_on
              AND b.reported_on > (a.reported_on - make_interval(months => ${settings.repeatWindowMonths}))::date) >= ${settings.repeatMinIncidents}`,
  );
  return {
    victims: await count("complainant"),
    perpetrators: await count("alleged-perpetrator"),
    addresses: Number(addressRow?.n ?? 0),
  };
}

/** Open cases that may be about the same matter: same home, same block, or the same people. */
export async function relatedOpenCases(
  db: Db,
  actor: Actor,
  match: {
    homeId?: string | null;
    blockName?: string | null;
    personKeys?: string[];
    /** Names typed on the intake form, matched exactly (ignoring case) against parties' names. */
    partyNames?: string[];
    excludeCaseId?: string | null;
  },
): Promise<{ id: string; reference: string; category: string; openedOn: string; reasons: string[] }[]> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see cases.");
  const org = actor.organisationId;
  const keys = match.personKeys?.filter(Boolean) ?? [];
  // One indexed lookup per kind of match, so the query stays fast with a million cases. The home and
  // block lookups read only open cases (partial indexes, migration 0104): a block's closed cases
  // would otherwise each be fetched only to be dropped by the outer filter.
  const openCase = sql`closed_on IS NULL AND anonymised_at IS NULL`;
  const branches: SQL[] = [];
  if (match.homeId)
    branches.push(
      sql`SELECT id, 'same address' AS why FROM safety_case WHERE organisation_id = ${org} AND home_id = ${match.homeId} AND ${openCase}`,
    );
  if (match.blockName)
    branches.push(
      sql`SELECT id, 'same block' AS why FROM safety_case WHERE organisation_id = ${org} AND block_name = ${match.blockName} AND ${openCase}`,
    );
  if (keys.length > 0)
    branches.push(
      sql`SELECT p.case_id AS id, 'same people' AS why FROM safety_party p WHERE p.organisation_id = ${org} AND ${partyKeyMatch(keys)}`,
    );
  const names = [
    ...new Set(match.partyNames?.map((name) => name.trim().toLowerCase()).filter(Boolean) ?? []),
  ];
  if (names.length > 0)
    branches.push(
      sql`SELECT p.case_id AS id, 'same people' AS why FROM safety_party p WHERE p.organisation_id = ${org} AND lower(p.display_name) IN (${sql.join(
        names.map((name) => sql`${name}`),
        sql`, `,
      )})`,
    );
  if (branches.length === 0) return [];
  const list = await rows<{
    id: string;
    reference: string;
    category: string;
    opened_on: string;
    reasons: string[];
  }>(
    db,
    sql`WITH matched AS (${sql.join(branches, sql` UNION ALL `)})
    SELECT c.id, c.reference, c.category, c.opened_on::text, array_agg(DISTINCT m.why ORDER BY m.why) AS reasons
      FROM matched m JOIN safety_case c ON c.organisation_id = ${org} AND c.id = m.id
     WHERE c.closed_on IS NULL AND c.anonymised_at IS NULL AND c.id <> ${match.excludeCaseId ?? "00000000-0000-0000-0000-000000000000"}
     GROUP BY c.id, c.reference, c.category, c.opened_on
     ORDER BY c.opened_on DESC LIMIT 20`,
  );
  return list.map((row) => ({
    id: row.id,
    reference: row.reference,
    category: row.category,
    openedOn: row.opened_on,
    reasons: row.reasons,
  }));
}

/** Parties with any of these keys (Kith person ids or imported references), using the two party indexes. */
export function partyKeyMatch(keys: string[], alias = "p"): SQL {
  const people = keys.filter(isUuid);
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const byPerson =
    people.length > 0
      ? sql`${column("person_id")} IN (${sql.join(
          people.map((k) => sql`${k}::uuid`),
          sql`, `,
        )})`
      : sql`false`;
  return sql`(${byPerson} OR ${column("external_ref")} IN (${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}))`;
}
