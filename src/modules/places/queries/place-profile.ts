import { asc, count, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { ProfilePlace } from "../../../platform/http/place-profile.ts";
import { canViewPlaces } from "../policy.ts";
import { type AssetType, communityAsset, home, type Tenure } from "../schema.ts";
import { listPriorityNeighbourhoods, type PriorityNeighbourhood } from "./areas.ts";

export type PlaceStock = {
  homesByTenure: { tenure: Tenure; homes: number }[];
  assets: { id: string; name: string; assetType: AssetType; closedOn: string | null }[];
  /** The place itself when it is a priority neighbourhood, or the district's priority neighbourhoods. */
  priority: PriorityNeighbourhood[];
};

/** The organisation's homes, community assets and priority neighbourhoods in one place. */
export async function placeStock(db: Db, actor: Actor, place: ProfilePlace): Promise<PlaceStock> {
  requireAllowed(canViewPlaces(actor), "Only staff can see homes and assets.");
  const homeIn = place.level === "lsoa" ? eq(home.lsoa21Code, place.code) : eq(home.laCode, place.code);
  const assetIn =
    place.level === "lsoa"
      ? eq(communityAsset.lsoa21Code, place.code)
      : eq(communityAsset.laCode, place.code);
  const [homesByTenure, assets, priority] = await Promise.all([
    db
      .select({ tenure: home.tenure, homes: count() })
      .from(home)
      .where(inOrganisation(home, actor.organisationId, homeIn))
      .groupBy(home.tenure)
      .orderBy(asc(home.tenure)),
    db
      .select({
        id: communityAsset.id,
        name: communityAsset.name,
        assetType: communityAsset.assetType,
        closedOn: communityAsset.closedOn,
      })
      .from(communityAsset)
      .where(inOrganisation(communityAsset, actor.organisationId, assetIn))
      .orderBy(asc(communityAsset.name)),
    listPriorityNeighbourhoods(db, actor.organisationId),
  ]);
  return {
    homesByTenure,
    assets,
    priority: priority.filter((n) =>
      place.level === "lsoa" ? n.code === place.code : n.laCode === place.code,
    ),
  };
}
