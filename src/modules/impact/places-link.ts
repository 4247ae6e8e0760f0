import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { listNeighbourhoods } from "../places/index.ts";

export type NeighbourhoodFacts = Map<
  string,
  { name: string; laName: string; imdDecile: number; priority: boolean }
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
      { name: row.name, laName: row.laName, imdDecile: row.imdDecile, priority: row.priority },
    ]),
  );
}
