import type { Db } from "../../../platform/db/database.ts";
import { badRequest } from "../../../platform/http/problem.ts";
import type { Directory } from "./directory.ts";
import type { PlaceFilters } from "./listing-filters.ts";
import { postcodeCentroids } from "./listing-store.ts";
import { distanceMetres, postcodeDistrict } from "./postcode-centroids.ts";

type Link = { service_id: string; location_id: string };

/**
 * ORUK postcode and proximity on services at locations. Kith knows places to the postcode
 * district only, so both the asked-for postcode and each location stand at their district's
 * centroid: a location in the same district is 0 m away.
 *  - postcode: where a service has service areas (local authorities), keep it only if the
 *    postcode's district lies in one of them;
 *  - proximity (metres): keep only locations whose district centroid is that close, nearest first.
 */
export async function filterByPlace<T extends Link>(
  db: Db,
  directory: Directory,
  links: T[],
  place: PlaceFilters,
): Promise<T[]> {
  const assetDistricts = new Map<string, string | null>();
  for (const link of links) {
    const postcode = directory.assets.get(link.location_id)?.postcode;
    assetDistricts.set(link.location_id, postcode ? postcodeDistrict(postcode) : null);
  }
  const centroids = await postcodeCentroids(db, [
    place.district,
    ...[...assetDistricts.values()].filter((d): d is string => d !== null),
  ]);
  const origin = centroids.get(place.district);
  if (!origin)
    throw badRequest(
      "Postcode not known",
      `This directory has no centroid for the postcode district ${place.district}, so it cannot tell what is near it. Try a postcode in the area the directory covers.`,
    );
  const areas = new Map(directory.services.map((s) => [s.id, s.laCodes]));
  const inServiceArea = (link: T) => {
    const laCodes = areas.get(link.service_id) ?? [];
    return laCodes.length === 0 || origin.laCode === null || laCodes.includes(origin.laCode);
  };
  const kept = links.filter(inServiceArea);
  const proximity = place.proximityMetres;
  if (proximity === undefined) return kept;
  const distance = (link: T) => {
    const district = assetDistricts.get(link.location_id);
    const centroid = district ? centroids.get(district) : undefined;
    return centroid ? distanceMetres(origin, centroid) : Number.POSITIVE_INFINITY;
  };
  return kept
    .map((link) => ({ link, metres: distance(link) }))
    .filter((entry) => entry.metres <= proximity)
    .sort((a, b) => a.metres - b.metres)
    .map((entry) => entry.link);
}
