import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { listNeighbourhoods } from "../places/index.ts";

export type NeighbourhoodFacts = Map<
  string,
  // laCode is optional so callers (tests, benchmarks) that supply their own facts need not know it.
  { name: string; laCode?: string; laName: string; imdDecile: number; priority: boolean }
>;

/**
 * The organisation's neighbourhoods with their deprivation decile and whether they are priority
 * neighbourhoods; the places module decides both (the deprivation rule plus manual overrides).
 */
export async function neighbourhoodFacts(db: Db, actor: Actor): Promise<NeighbourhoodFacts> {
  const { rows } = await listNeighbourhoods(db, actor);
  return new Map(
    rows.map((row) => [
      row.code,
      {
        name: row.name,
        laCode: row.laCode,
        laName: row.laName,
        imdDecile: row.imdDecile,
        priority: row.priority,
      },
    ]),
  );
}
