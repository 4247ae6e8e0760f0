import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPlaces } from "../policy.ts";
import { home } from "../schema.ts";

export type HomeArea = {
  laCode: string;
  lsoa21Code: string | null;
  blockName: string | null;
  postcode: string;
};

/** Where each of the organisation's homes is (home id → area), for area-based eligibility checks. */
export async function homeAreas(db: Db, actor: Actor): Promise<Map<string, HomeArea>> {
  requireAllowed(canViewPlaces(actor), "Only staff can see homes.");
  const rows = await db
    .select({
      id: home.id,
      laCode: home.laCode,
      lsoa21Code: home.lsoa21Code,
      blockName: home.blockName,
      postcode: home.postcode,
    })
    .from(home)
    .where(inOrganisation(home, actor.organisationId));
  return new Map(rows.map(({ id, ...area }) => [id, area]));
}
