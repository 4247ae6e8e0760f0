import { and, asc, eq } from "drizzle-orm";
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
