import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { textArray, uuidArray } from "../../../platform/db/array-param.ts";
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
  if (keys.length === 0) return new Map();
  const list = await rows<IncidentCountRow>(
    db,
    incidentCountsSql(organisationId, keys, monthsBefore(on, settings.repeatWindowMonths), on),
  );
  return incidentCountsFrom(list);
}

export type IncidentCountRow = { who: string; role: string; incidents: number };

/**
 * A value bound as a parameter, or SQL that yields it inside a larger statement (the case page
 * composes these queries over its own case row, so they need no parameters of their own).
 */
export type ValueOrSql<T> = T | SQL;

/** Per person key and role, the reports in (since, on] on cases where they are a party. */
export function incidentCountsSql(
  organisationId: ValueOrSql<string>,
  keys: PartyKeys,
  since: ValueOrSql<string>,
  on: ValueOrSql<string>,
): SQL {
  return sql`
    SELECT coalesce(p.person_id::text, p.external_ref) AS who, p.role, count(DISTINCT r.id)::int AS incidents
      FROM ${partiesFor(keys)} p
      JOIN safety_report r ON r.organisation_id = p.organisation_id AND r.case_id = p.case_id
     WHERE p.organisation_id = ${organisationId} AND p.role IN ('complainant', 'alleged-perpetrator')
       AND ${partyKeyMatch(keys)}
       AND r.reported_on > ${since}::date AND r.reported_on <= ${on}::date
     GROUP BY 1, 2`;
}

export function incidentCountsFrom(
  list: IncidentCountRow[],
): Map<string, { victim: number; perpetrator: number }> {
  const result = new Map<string, { victim: number; perpetrator: number }>();
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

export type RelatedCase = {
  id: string;
  reference: string;
  category: string;
  openedOn: string;
  reasons: string[];
};

export type RelatedMatch = {
  homeId?: ValueOrSql<string | null>;
  blockName?: ValueOrSql<string | null>;
  personKeys?: PartyKeys;
  /** Names typed on the intake form, matched exactly (ignoring case) against parties' names. */
  partyNames?: string[];
  excludeCaseId?: ValueOrSql<string | null>;
};

/** Open cases that may be about the same matter: same home, same block, or the same people. */
export async function relatedOpenCases(db: Db, actor: Actor, match: RelatedMatch): Promise<RelatedCase[]> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see cases.");
  const names = match.partyNames?.some((name) => name.trim()) ?? false;
  const keys = Array.isArray(match.personKeys) ? match.personKeys.some(Boolean) : match.personKeys;
  if (!match.homeId && !match.blockName && !keys && !names) return [];
  const [row] = await rows<{ related: unknown }>(
    db,
    sql`SELECT ${relatedOpenCasesJson(actor.organisationId, match)} AS related`,
  );
  return relatedFrom(row?.related);
}

/**
 * The 20 latest related open cases as one JSON array, in one indexed statement. Each kind of match
 * is one index lookup that returns the listed columns itself: the open-case indexes on home and
 * block cover reference, category and opening date (migration 0130), so no case is read twice.
 * The text is the same whatever home, block or people are matched (absent values match nothing),
 * so it stays prepared. Names have no index (only intake matches by name), so their branch is in
 * the text only when names are given: two fixed texts. A branch guarded by a one-time filter
 * instead made PostgreSQL cost the prepared statement's generic plan as a scan of every party, so
 * it planned the case page's statement afresh on every view (about 1.3 ms of its CPU at a million
 * cases) rather than reuse one plan.
 */
export function relatedOpenCasesJson(organisationId: ValueOrSql<string>, match: RelatedMatch): SQL {
  const keys = Array.isArray(match.personKeys) ? match.personKeys.filter(Boolean) : (match.personKeys ?? []);
  const names = [
    ...new Set(match.partyNames?.map((name) => name.trim().toLowerCase()).filter(Boolean) ?? []),
  ];
  const openCase = (alias: string) =>
    sql.raw(`${alias}.closed_on IS NULL AND ${alias}.anonymised_at IS NULL`);
  const caseColumns = sql.raw("c.id, c.reference, c.category, c.opened_on");
  const viaParty = sql`JOIN safety_case c ON c.organisation_id = p.organisation_id AND c.id = p.case_id AND ${openCase("c")}`;
  return sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'reference', r.reference, 'category', r.category,
      'openedOn', r.opened_on::text, 'reasons', r.reasons) ORDER BY r.opened_on DESC, r.id), '[]'::jsonb)
    FROM (SELECT m.id, m.reference, m.category, m.opened_on, array_agg(DISTINCT m.why ORDER BY m.why) AS reasons
      FROM (SELECT ${caseColumns}, 'same address' AS why FROM safety_case c
             WHERE c.organisation_id = ${organisationId} AND c.home_id = ${match.homeId ?? null}::uuid AND ${openCase("c")}
            UNION ALL
            SELECT ${caseColumns}, 'same block' FROM safety_case c
             WHERE c.organisation_id = ${organisationId} AND c.block_name = ${match.blockName ?? null}::text AND ${openCase("c")}
            UNION ALL
            SELECT ${caseColumns}, 'same people' FROM ${partiesFor(keys)} p ${viaParty}
             WHERE p.organisation_id = ${organisationId} AND ${partyKeyMatch(keys)}
            ${
              names.length > 0
                ? sql`UNION ALL
            SELECT ${caseColumns}, 'same people' FROM safety_party p ${viaParty}
             WHERE p.organisation_id = ${organisationId} AND lower(p.display_name) = ANY(${textArray(names)})`
                : sql``
            }) m
     WHERE (m.id <> ${match.excludeCaseId ?? null}::uuid) IS NOT FALSE
     GROUP BY m.id, m.reference, m.category, m.opened_on
     ORDER BY m.opened_on DESC, m.id LIMIT 20) r)`;
}

export function relatedFrom(json: unknown): RelatedCase[] {
  return Array.isArray(json) ? (json as RelatedCase[]) : [];
}

/**
 * Party keys to match: a list (bound as parameters), or two array expressions of a larger
 * statement, `uuids` (the keys that are UUIDs, as uuid[]) and `texts` (every key, as text[]).
 * A larger statement that matches several sets of keys can also name `parties`: a relation of
 * safety_party's rows already matched by a superset of these keys, read instead of the table so
 * the party indexes are searched once, not once per figure. The match is applied to it again.
 */
export type PartyKeys = string[] | { uuids: SQL; texts: SQL; parties?: SQL };

/** Where the parties for these keys are read from: safety_party, or the statement's own matches. */
export function partiesFor(keys: PartyKeys): SQL {
  return (!Array.isArray(keys) && keys.parties) || sql.raw("safety_party");
}

/**
 * Parties with any of these keys (Kith person ids or imported references), using the two partial
 * party indexes. The keys are bound as two array parameters, so the text does not depend on them.
 */
export function partyKeyMatch(keys: PartyKeys, alias = "p"): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const { uuids, texts } = Array.isArray(keys)
    ? { uuids: uuidArray(keys.filter(isUuid)), texts: textArray(keys) }
    : keys;
  return sql`((${column("person_id")} IS NOT NULL AND ${column("person_id")} = ANY(${uuids}))
    OR (${column("external_ref")} IS NOT NULL AND ${column("external_ref")} = ANY(${texts})))`;
}
