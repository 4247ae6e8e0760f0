import { and, asc, count, eq, ilike, inArray, isNotNull, min, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canViewPlaces } from "../policy.ts";
import { type AssetType, communityAsset, home } from "../schema.ts";

// Address and postcode search wherever a place is chosen (a case's home, block or open space).
// Each word must appear somewhere in the address; a postcode matches with or without its space.

/** Assets that are open spaces, where anti-social behaviour happens outside any one home. */
export const openSpaceTypes: AssetType[] = ["park", "playground", "garden", "sports-facility"];

export type AddressMatch =
  | {
      kind: "home";
      id: string;
      uprn: string;
      address: string;
      postcode: string;
      blockName: string | null;
      laCode: string;
    }
  | { kind: "block"; blockName: string; postcode: string; homes: number; laCode: string }
  | {
      kind: "open-space";
      id: string;
      name: string;
      address: string;
      postcode: string | null;
      laCode: string;
    };

export const minSearchLength = 2;

/** LIKE treats % and _ as wildcards: a search for "50%" or "flat_1" means those characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The words of a search, checked: at least two characters, at most 100, no more than 8 words. */
export function searchWords(text: string, field = "q"): string[] {
  const trimmed = text.trim();
  if (trimmed.length < minSearchLength)
    throw invalid("The search is too short.", {
      [field]: `Enter at least ${minSearchLength} characters of the address or postcode`,
    });
  if (trimmed.length > 100)
    throw invalid("The search is too long.", { [field]: "Enter 100 characters or fewer" });
  return trimmed.split(/\s+/).slice(0, 8);
}

const postcodeKey = (text: string) => text.toUpperCase().replace(/\s+/g, "");

export async function searchAddresses(
  db: Db,
  actor: Actor,
  text: string,
  limit = 20,
): Promise<AddressMatch[]> {
  requireAllowed(canViewPlaces(actor), "Only staff can search addresses.");
  const words = searchWords(text);
  const key = postcodeKey(text);
  const every = (haystack: SQL) => and(...words.map((w) => ilike(haystack, `%${escapeLike(w)}%`)));
  // The expression of the trigram index of migration 0025, so a search reads only the matching homes.
  const homeText = sql`home_search_text(${home.addressLine1}, ${home.addressLine2}, ${home.blockName}, ${home.town}, ${home.postcode})`;
  // Matches the expression index of migration 0015, so a postcode search reads only its own homes.
  const homePostcode = or(
    sql`upper(replace(${home.postcode}, ' ', '')) LIKE ${`${escapeLike(key)}%`}`,
    eq(home.uprn, text.trim().replace(/^0+(?=\d)/, "")),
  );
  const assetText = sql`concat_ws(' ', ${communityAsset.name}, ${communityAsset.address}, ${communityAsset.postcode})`;
  const [homes, blocks, spaces] = await Promise.all([
    db
      .select()
      .from(home)
      .where(inOrganisation(home, actor.organisationId, or(homePostcode, every(homeText))))
      .orderBy(asc(home.postcode), asc(home.addressLine1), asc(home.id))
      .limit(limit),
    db
      .select({
        blockName: home.blockName,
        postcode: min(home.postcode),
        laCode: min(home.laCode),
        homes: count(),
      })
      .from(home)
      .where(
        inOrganisation(
          home,
          actor.organisationId,
          isNotNull(home.blockName),
          or(homePostcode, every(sql`concat_ws(' ', ${home.blockName}, ${home.town}, ${home.postcode})`)),
        ),
      )
      .groupBy(home.blockName)
      .orderBy(asc(home.blockName))
      .limit(limit),
    db
      .select()
      .from(communityAsset)
      .where(
        inOrganisation(
          communityAsset,
          actor.organisationId,
          inArray(communityAsset.assetType, openSpaceTypes),
          or(
            sql`upper(replace(coalesce(${communityAsset.postcode}, ''), ' ', '')) LIKE ${`${escapeLike(key)}%`}`,
            every(assetText),
          ),
        ),
      )
      .orderBy(asc(communityAsset.name))
      .limit(limit),
  ]);
  return [
    ...homes.map(
      (h): AddressMatch => ({
        kind: "home",
        id: h.id,
        uprn: h.uprn,
        address: [h.addressLine1, h.addressLine2, h.town].filter(Boolean).join(", "),
        postcode: h.postcode,
        blockName: h.blockName,
        laCode: h.laCode,
      }),
    ),
    ...blocks.map(
      (b): AddressMatch => ({
        kind: "block",
        blockName: b.blockName ?? "",
        postcode: b.postcode ?? "",
        homes: b.homes,
        laCode: b.laCode ?? "",
      }),
    ),
    ...spaces.map(
      (s): AddressMatch => ({
        kind: "open-space",
        id: s.id,
        name: s.name,
        address: s.address ?? "",
        postcode: s.postcode,
        laCode: s.laCode,
      }),
    ),
  ];
}
