import type { Db } from "../../../platform/db/database.ts";
import type { HomeArea } from "../../places/index.ts";
import {
  localAuthorityNames,
  neighbourhoodNames,
  relevantStockByBlock,
  relevantStockByLocalAuthority,
  relevantStockByNeighbourhood,
} from "../neighbours.ts";
import type { HotSpotAreaKind } from "../schema/hot-spot-campaign.ts";
import type { PlacedReport } from "./hot-spots.ts";
import { blocksOfHomes, homesPerBlock } from "./hot-spots-blocks.ts";

// The three kinds of hot-spot area (neighbourhood, district, block) behind one set of functions, so
// that a campaign on any of them is checked, placed and counted the same way.

/** An area as a form or the API names it: "neighbourhood:E01016016", "district:E06000035", "block:…". */
export function areaRef(kind: HotSpotAreaKind, code: string): string {
  return `${kind}:${code}`;
}

/** The kind and code of an area reference, or null when it is not one. */
export function parseAreaRef(ref: string): { kind: HotSpotAreaKind; code: string } | null {
  const at = ref.indexOf(":");
  const kind = ref.slice(0, at);
  const code = ref.slice(at + 1).trim();
  if (at < 0 || code === "") return null;
  return kind === "neighbourhood" || kind === "district" || kind === "block" ? { kind, code } : null;
}

/** The code of the area of `kind` a report is placed in. */
export function areaOfReport(kind: HotSpotAreaKind, report: PlacedReport): string | null {
  if (kind === "neighbourhood") return report.lsoaCode;
  if (kind === "district") return report.laCode;
  return report.blockKey;
}

/**
 * The name of an area where the organisation has at least one home, or undefined: a campaign can
 * only be measured where the organisation's homes (and so its reports) are.
 */
export async function nameOfArea(
  db: Db,
  homes: ReadonlyMap<string, HomeArea>,
  kind: HotSpotAreaKind,
  code: string,
): Promise<string | undefined> {
  const all = [...homes.values()];
  if (kind === "block") {
    const block = blocksOfHomes(all).get(code);
    if (!block) return undefined;
    const laName = (await localAuthorityNames(db, [block.laCode])).get(block.laCode);
    return laName ? `${block.name} (${laName})` : block.name;
  }
  if (kind === "neighbourhood") {
    if (!all.some((home) => home.lsoa21Code === code)) return undefined;
    return (await neighbourhoodNames(db, [code])).get(code)?.name ?? code;
  }
  if (!all.some((home) => home.laCode === code)) return undefined;
  return (await localAuthorityNames(db, [code])).get(code) ?? code;
}

/** The relevant TSM stock of one area owned on `onDay`: the rate's denominator. */
export async function relevantHomesInArea(
  db: Db,
  organisationId: string,
  kind: HotSpotAreaKind,
  code: string,
  onDay: string,
): Promise<number> {
  if (kind === "block") {
    return homesPerBlock(await relevantStockByBlock(db, organisationId, onDay)).get(code) ?? 0;
  }
  const stock =
    kind === "neighbourhood"
      ? (await relevantStockByNeighbourhood(db, organisationId, onDay)).filter((s) => s.lsoaCode === code)
      : (await relevantStockByLocalAuthority(db, organisationId, onDay)).filter((s) => s.laCode === code);
  return stock.reduce((sum, s) => sum + s.homes, 0);
}
