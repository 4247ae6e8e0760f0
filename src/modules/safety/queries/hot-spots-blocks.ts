import type { HomeArea } from "../../places/index.ts";
import type { HotSpotArea } from "./hot-spots.ts";

// Hot spots by block. A block is the organisation's homes that share a block name (spaces and case
// ignored), a postcode sector and a district: "Nelson House, ME4 4" in Medway. The sector keeps two
// blocks of the same name in different towns apart while a large block whose entrances have
// different postcodes stays one block. See docs/figures/asb-hot-spots.md.

/** Blocks with fewer relevant homes than this get no rate: one report in a block of 4 is "250". */
export const minBlockHomes = 10;

export type HotSpotBlock = HotSpotArea & {
  /** True when the block has fewer than `minBlockHomes` homes: the counts are shown, the rate is not. */
  fewHomes: boolean;
};

/** The postcode sector: the outward code and the first character of the inward code ("ME4 4"). */
export function postcodeSector(postcode: string): string {
  const compact = postcode.replace(/\s+/g, "").toUpperCase();
  return compact.length < 5 ? compact : `${compact.slice(0, -3)} ${compact.slice(-3, -2)}`;
}

/** The block a home is in, as a stable code (district, sector and normalised name), or null. */
export function blockKey(home: Pick<HomeArea, "laCode" | "postcode" | "blockName">): string | null {
  const name = home.blockName?.trim().replace(/\s+/g, " ").toLowerCase();
  return name ? `${home.laCode}:${postcodeSector(home.postcode)}:${name}` : null;
}

/** Every block of the organisation's homes: code → its name as written on its first home, and district. */
export function blocksOfHomes(homes: Iterable<HomeArea>): Map<string, { name: string; laCode: string }> {
  const blocks = new Map<string, { name: string; laCode: string }>();
  for (const home of homes) {
    const key = blockKey(home);
    if (key && !blocks.has(key)) {
      const name = `${home.blockName?.trim().replace(/\s+/g, " ")}, ${postcodeSector(home.postcode)}`;
      blocks.set(key, { name, laCode: home.laCode });
    }
  }
  return blocks;
}

/** Relevant homes per block code, from stock counted by block name, postcode and district. */
export function homesPerBlock(
  stock: readonly { blockName: string; postcode: string; laCode: string; homes: number }[],
): Map<string, number> {
  const homes = new Map<string, number>();
  for (const row of stock) {
    const key = blockKey(row);
    if (key) homes.set(key, (homes.get(key) ?? 0) + row.homes);
  }
  return homes;
}

/** Ranked blocks: a block with too few homes keeps its counts but loses its rate, so ranks after. */
export function flagFewHomes(
  ranked: readonly HotSpotArea[],
  compare: (a: HotSpotArea, b: HotSpotArea) => number,
): HotSpotBlock[] {
  return ranked
    .map((block) =>
      block.homes < minBlockHomes
        ? { ...block, fewHomes: true, per1000Homes: null, previousPer1000Homes: null, change: null }
        : { ...block, fewHomes: false },
    )
    .sort(compare);
}
