import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { type ImdEdition, localAuthority, lsoa } from "../schema.ts";

/** Shared reference data: readable by everyone, owned by no organisation. */
export async function listLocalAuthorities(db: Db, options: { currentOnly?: boolean } = {}) {
  return db
    .select()
    .from(localAuthority)
    .where(options.currentOnly ? eq(localAuthority.current, true) : undefined)
    .orderBy(asc(localAuthority.name));
}

export async function getLsoa(db: Db, edition: ImdEdition, code: string) {
  const [row] = await db
    .select()
    .from(lsoa)
    .where(and(eq(lsoa.edition, edition), eq(lsoa.code, code)));
  return row;
}

export type LsoaName = { code: string; name: string; ladCode: string; ladName: string; imdDecile: number };

/** Names, districts and IoD2025 deciles of 2021 neighbourhoods, by code (unknown codes are absent). */
export async function lsoaNames(db: Db, codes: readonly string[]): Promise<Map<string, LsoaName>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({
      code: lsoa.code,
      name: lsoa.name,
      ladCode: lsoa.ladCode,
      ladName: lsoa.ladName,
      imdDecile: lsoa.imdDecile,
    })
    .from(lsoa)
    .where(and(eq(lsoa.edition, "iod2025"), inArray(lsoa.code, [...codes])));
  return new Map(rows.map((row) => [row.code, row]));
}
