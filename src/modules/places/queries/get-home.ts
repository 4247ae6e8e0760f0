import { type SQL, sql } from "drizzle-orm";
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
 * A home of the organisation (as JSON) and a local authority's name, as two columns of the caller's
 * statement: a case page reads its case, its home and its council in one statement, with `homeId`
 * and `laCode` naming the case's own columns, instead of a round trip of its own for the place.
 * Decode the two columns with `homeAndAuthorityFrom`.
 */
export function homeAndAuthorityColumns(organisationId: SQL, homeId: SQL, laCode: SQL): SQL {
  return sql`(SELECT to_jsonb(h) FROM ${home} h WHERE h.organisation_id = ${organisationId} AND h.id = ${homeId}) AS place_home,
      (SELECT la.name FROM ${localAuthority} la WHERE la.gss_code = ${laCode}) AS place_la_name`;
}

export type HomeAndAuthorityRow = {
  place_home: Record<string, unknown> | null;
  place_la_name: string | null;
};

export function homeAndAuthorityFrom(row: HomeAndAuthorityRow | undefined): {
  home: Home | undefined;
  localAuthority: string | null;
} {
  return {
    home: row?.place_home ? rowFromJson(home, row.place_home) : undefined,
    localAuthority: row?.place_la_name ?? null,
  };
}
