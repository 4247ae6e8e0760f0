import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewPlaces } from "../policy.ts";
import { type Home, home } from "../schema.ts";

/** A home of the actor's organisation. Another organisation's home is "not found": existence must not leak. */
export async function getHome(db: Db, actor: Actor, homeId: string): Promise<Home> {
  requireAllowed(canViewPlaces(actor), "Only staff can see homes.");
  if (!isUuid(homeId)) throw notFound("Home not found");
  const [found] = await db
    .select()
    .from(home)
    .where(inOrganisation(home, actor.organisationId, eq(home.id, homeId)));
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
    .where(inOrganisation(home, organisationId, eq(home.uprn, uprn.replace(/^0+(?=\d)/, ""))));
  return found;
}
