import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { fixedText } from "../../../platform/db/fixed-text.ts";
import { type TriggerCheck, triggerCheckFrom, triggerCountJson } from "../commands/community-trigger.ts";
import { defaultSafetySettings, monthsBefore, type SafetySettings } from "../domain/settings.ts";
import type { SafetyCase, SafetyParty } from "../schema.ts";
import {
  type IncidentCountRow,
  incidentCountsFrom,
  incidentCountsSql,
  type PartyKeys,
  partyKey,
  partyKeyMatch,
  type RelatedCase,
  relatedFrom,
  relatedOpenCasesJson,
  type ValueOrSql,
} from "./repeats.ts";

// What the case page shows that depends on the case's parties and the thresholds: repeat counts,
// related open cases and the Community Trigger count. They are columns of the case file statement
// itself (one round trip per page, not two): the party keys and the windows' first days are
// computed in SQL from the case row and today's date, so the text has no parameters of
// its own and is rendered once.

type AroundInputs = {
  organisationId: ValueOrSql<string>;
  caseId: ValueOrSql<string>;
  homeId: ValueOrSql<string | null>;
  blockName: ValueOrSql<string | null>;
  keys: PartyKeys;
  complainantKeys: PartyKeys;
  repeatSince: ValueOrSql<string>;
  triggerSince: ValueOrSql<string>;
  today: ValueOrSql<string>;
};

function aroundColumns(a: AroundInputs): SQL {
  return sql`(SELECT coalesce(jsonb_agg(to_jsonb(i)), '[]'::jsonb)
           FROM (${incidentCountsSql(a.organisationId, a.keys, a.repeatSince, a.today)}) i) AS counts,
        ${relatedOpenCasesJson(a.organisationId, { homeId: a.homeId, blockName: a.blockName, personKeys: a.keys, excludeCaseId: a.caseId })} AS related,
        ${triggerCountJson(a.organisationId, a.caseId, a.complainantKeys, a.triggerSince, a.today)} AS trigger`;
}

// A window in whole months as settingsFromStored reads it when the stored JSON is valid: the stored
// whole number, else the default. Stored JSON that fails validation as a whole (Node then takes
// every default) can read differently here; aroundOfCase checks the windows and recomputes.
const windowMonths = (field: "repeatWindowMonths" | "triggerWindowMonths") =>
  sql.raw(`CASE WHEN jsonb_typeof(s.value -> '${field}') = 'number' AND (s.value ->> '${field}') ~ '^[0-9]{1,3}$'
    THEN (s.value ->> '${field}')::int ELSE ${defaultSafetySettings[field]} END`);

// isUuid's pattern (platform/db/ids.ts), matched ignoring case (~*) as its /i does.
const uuidPattern = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

// Party keys as partyKeyMatch takes them from a list: every key as text[], the keys that are UUIDs as uuid[].
const keyArrays = (filter: string) =>
  sql.raw(`coalesce(array_agg(p.key) FILTER (WHERE p.key IS NOT NULL${filter}), '{}') AS texts${filter ? "_c" : ""},
    coalesce(array_agg(CASE WHEN p.key ~* ${uuidPattern} THEN p.key::uuid END) FILTER (WHERE p.key ~* ${uuidPattern}${filter}), '{}') AS uuids${filter ? "_c" : ""}`);

// Every party with any of the case's keys: the repeat counts, related cases and the Community
// Trigger all start from these parties (each with its own roles and keys, a subset of these), so
// the party indexes are searched once and the three figures read the few rows found (partiesFor).
// The keys come in as scalar subqueries (values computed once, like a parameter's), not a join:
// joined, the planner cannot search the two party indexes with them and reads every party.
const keysOnce = {
  uuids: sql.raw("(SELECT party_keys.uuids FROM party_keys)::uuid[]"),
  texts: sql.raw("(SELECT party_keys.texts FROM party_keys)::text[]"),
};
const allKeys = { uuids: sql.raw("party_keys.uuids"), texts: sql.raw("party_keys.texts") };
const keyParties = sql.raw("key_parties");

/**
 * Three CTEs over the case row `c` and `d` (today): `here`, the case's own columns the figures
 * match on, the stored thresholds, today and each window's first day; `party_keys`, the case's
 * party keys (all, and the complainants'); `key_parties`, the parties with any of those keys.
 * The figures' subqueries name their own rows `c`, so they read the case through `here`. `here`
 * is MATERIALIZED, so its windows are computed once and not at each place the figures use them.
 */
export const aroundContext = fixedText(
  () => sql`here AS MATERIALIZED (SELECT c.organisation_id, c.id, c.home_id, c.block_name, s.value AS settings, d.today,
        (d.today - make_interval(months => ${windowMonths("repeatWindowMonths")}))::date AS repeat_since,
        (d.today - make_interval(months => ${windowMonths("triggerWindowMonths")}))::date AS trigger_since
      FROM c CROSS JOIN d LEFT JOIN safety_setting s ON s.organisation_id = c.organisation_id AND s.key = 'thresholds'),
    party_keys AS (SELECT ${keyArrays("")}, ${keyArrays(" AND p.role = 'complainant'")}
      FROM (SELECT coalesce(x.person_id::text, x.external_ref) AS key, x.role
              FROM c JOIN safety_party x ON x.organisation_id = c.organisation_id AND x.case_id = c.id) p),
    key_parties AS MATERIALIZED (SELECT p.organisation_id, p.case_id, p.role, p.person_id, p.external_ref
      FROM safety_party p
     WHERE p.organisation_id = (SELECT here.organisation_id FROM here) AND ${partyKeyMatch(keysOnce)})`,
);

/** The figures' columns over `here` and `party_keys`, and the windows they used (aroundOfCase checks them). */
export const aroundInStatement = fixedText(
  () => sql`here.settings, here.repeat_since::text AS repeat_since, here.trigger_since::text AS trigger_since,
    ${aroundColumns({
      organisationId: sql.raw("here.organisation_id"),
      caseId: sql.raw("here.id"),
      homeId: sql.raw("here.home_id"),
      blockName: sql.raw("here.block_name"),
      keys: { ...allKeys, parties: keyParties },
      complainantKeys: {
        uuids: sql.raw("party_keys.uuids_c"),
        texts: sql.raw("party_keys.texts_c"),
        parties: keyParties,
      },
      repeatSince: sql.raw("here.repeat_since"),
      triggerSince: sql.raw("here.trigger_since"),
      today: sql.raw("here.today"),
    })}`,
);

export type AroundRow = {
  settings: unknown;
  repeat_since: string;
  trigger_since: string;
  counts: IncidentCountRow[];
  related: unknown;
  trigger: unknown;
};

export type CaseAround = {
  counts: Map<string, { victim: number; perpetrator: number }>;
  related: RelatedCase[];
  trigger: TriggerCheck;
};

/**
 * The figures from the case file's row. When its windows are not the ones Node reads from the
 * settings (stored settings that fail validation), they are computed again in a statement of
 * their own from the parties' keys and Node's windows, as the page did before.
 */
export async function aroundOfCase(
  db: Db,
  record: SafetyCase,
  parties: SafetyParty[],
  settings: SafetySettings,
  today: string,
  row: AroundRow,
): Promise<CaseAround> {
  const repeatSince = monthsBefore(today, settings.repeatWindowMonths);
  const triggerSince = monthsBefore(today, settings.triggerWindowMonths);
  let figures: Pick<AroundRow, "counts" | "related" | "trigger"> | undefined = row;
  if (row.repeat_since !== repeatSince || row.trigger_since !== triggerSince) {
    const keysOf = (list: SafetyParty[]) => list.map(partyKey).filter((k): k is string => k !== null);
    const result = (await db.execute(
      sql`SELECT ${aroundColumns({
        organisationId: record.organisationId,
        caseId: record.id,
        homeId: record.homeId,
        blockName: record.blockName,
        keys: keysOf(parties),
        complainantKeys: keysOf(parties.filter((p) => p.role === "complainant")),
        repeatSince,
        triggerSince,
        today,
      })}`,
    )) as unknown as { rows: AroundRow[] };
    figures = result.rows[0];
  }
  return {
    counts: incidentCountsFrom(figures?.counts ?? []),
    related: relatedFrom(figures?.related),
    trigger: triggerCheckFrom(figures?.trigger, settings),
  };
}
