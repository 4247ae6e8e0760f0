import { inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPlaces } from "../policy.ts";
import { home } from "../schema.ts";

/** One line of address for each of these homes (a page of a case list), by home id. Unknown ids are left out. */
export async function homeAddresses(db: Db, actor: Actor, homeIds: string[]): Promise<Map<string, string>> {
  requireAllowed(canViewPlaces(actor), "Only staff can see homes.");
  const ids = [...new Set(homeIds.filter(isUuid))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: home.id,
      line1: home.addressLine1,
      line2: home.addressLine2,
      town: home.town,
      postcode: home.postcode,
    })
    .from(home)
    .where(inOrganisation(home, actor.organisationId, inArray(home.id, ids)));
  return new Map(rows.map((r) => [r.id, [r.line1, r.line2, r.town, r.postcode].filter(Boolean).join(", ")]));
}
