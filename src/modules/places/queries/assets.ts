import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { isStaff, requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { type AssetType, type CommunityAsset, communityAsset, localAuthority } from "../schema.ts";

// Community assets are public knowledge (halls, playgrounds), but the list is the organisation's own.
export async function listCommunityAssets(
  db: Db,
  actor: Actor,
  filters: { assetType?: AssetType; laCode?: string } = {},
): Promise<(CommunityAsset & { laName: string | null })[]> {
  requireAllowed(isStaff(actor), "Only staff can see the asset register.");
  const rows = await db
    .select({ asset: communityAsset, laName: localAuthority.name })
    .from(communityAsset)
    .leftJoin(localAuthority, eq(localAuthority.gssCode, communityAsset.laCode))
    .where(
      inOrganisation(
        communityAsset,
        actor.organisationId,
        filters.assetType ? eq(communityAsset.assetType, filters.assetType) : undefined,
        filters.laCode ? eq(communityAsset.laCode, filters.laCode) : undefined,
      ),
    )
    .orderBy(asc(communityAsset.name));
  return rows.map((row) => ({ ...row.asset, laName: row.laName }));
}

export async function getCommunityAsset(db: Db, actor: Actor, id: string): Promise<CommunityAsset> {
  requireAllowed(isStaff(actor), "Only staff can see the asset register.");
  if (!isUuid(id)) throw notFound("Community asset not found");
  const [found] = await db
    .select()
    .from(communityAsset)
    .where(matchInOrganisation(communityAsset, actor.organisationId, { id }));
  if (!found) throw notFound("Community asset not found");
  return found;
}

/** For public directories (Open Referral) and seeds: all assets of one organisation, no actor. */
export async function listCommunityAssetsOfOrganisation(
  db: Db,
  organisationId: string,
): Promise<CommunityAsset[]> {
  return db
    .select()
    .from(communityAsset)
    .where(inOrganisation(communityAsset, organisationId))
    .orderBy(asc(communityAsset.name));
}
