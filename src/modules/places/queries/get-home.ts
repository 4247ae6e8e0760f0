import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { rowFromJson } from "../../../platform/db/json-rows.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewPlaces } from "../policy.ts";
import { type Home, home, localAuthority } from "../schema.ts";

/** A home of the actor's organisation. Another organisation's home is "not found": existence must not leak. */
export async function getHome(db: Db, actor: Actor, homeId: string): Promise<Home> {
  requireAllowed(canViewPlaces(actor), "Only staff can see homes.");
  if (!isUuid(homeId)) throw notFound("Home not found");
  const [found] = await db
    .select()
    .from(home)
    .where(matchInOrganisation(home, actor.organisationId, { id: homeId }));
  if (!found) throw notFound("Home not found");
  return found;
}

export async function findHomeByUprn(
  db: Db,
  organisationId: string,
  uprn: string,
): Promise<Home | undefined> {
  const [found] = await db
    .select()
    .from(home)
    .where(matchInOrganisation(home, organisationId, { uprn: uprn.replace(/^0+(?=\d)/, "") }));
  return found;
}

/**
 * A home of the actor's organisation (or undefined) and a local authority's name, in one statement:
 * a case page shows both, and each would otherwise be a round trip of its own.
 */
export async function homeAndAuthorityName(
  db: Db,
  actor: Actor,
  homeId: string | null,
  laCode: string | null,
): Promise<{ home: Home | undefined; localAuthority: string | null }> {
  requireAllowed(canViewPlaces(actor), "Only staff can see homes.");
  const id = homeId && isUuid(homeId) ? homeId : null;
  if (!id && !laCode) return { home: undefined, localAuthority: null };
  const result = (await db.execute(sql`SELECT
      (SELECT to_jsonb(h) FROM ${home} h WHERE h.organisation_id = ${actor.organisationId} AND h.id = ${id}::uuid) AS home,
      (SELECT la.name FROM ${localAuthority} la WHERE la.gss_code = ${laCode}::text) AS la_name`)) as unknown as {
    rows: { home: Record<string, unknown> | null; la_name: string | null }[];
  };
  const row = result.rows[0];
  return {
    home: row?.home ? rowFromJson(home, row.home) : undefined,
    localAuthority: row?.la_name ?? null,
  };
}
