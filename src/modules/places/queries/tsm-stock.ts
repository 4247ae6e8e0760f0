import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { home, localAuthority, relevantTsmStock } from "../schema.ts";

/** A relevant (LCRA or LCHO) home owned on `onDay`: the condition every stock count below shares. */
function relevantOwnedOn(onDay: string) {
  return and(
    inArray(home.tsmStockCategory, [...relevantTsmStock]),
    or(isNull(home.acquiredOn), lte(home.acquiredOn, onDay)),
    or(isNull(home.disposedOn), gt(home.disposedOn, onDay)),
  );
}

/**
 * The relevant TSM stock (LCRA and LCHO homes) owned on `onDay`, per local authority: the
 * denominator of the "per 1,000 homes" measures. A home is owned on a day if it was acquired on or
 * before it (or before the records began: no acquired date) and not disposed of by then. A home
 * sold on the day itself is no longer owned at the end of that day.
 */
export async function tsmStockByLocalAuthority(
  db: Db,
  organisationId: string,
  onDay: string,
): Promise<{ laCode: string; laName: string; homes: number }[]> {
  return db
    .select({ laCode: home.laCode, laName: localAuthority.name, homes: count() })
    .from(home)
    .innerJoin(localAuthority, eq(localAuthority.gssCode, home.laCode))
    .where(inOrganisation(home, organisationId, relevantOwnedOn(onDay)))
    .groupBy(home.laCode, localAuthority.name)
    .orderBy(asc(localAuthority.name));
}

export type NeighbourhoodStock = { lsoaCode: string; laCode: string; homes: number };

/**
 * The same relevant TSM stock owned on `onDay`, per 2021 neighbourhood (LSOA): the denominator of
 * rates by neighbourhood such as the ASB hot spots. Homes without a recorded LSOA are left out here;
 * they still count in the district figures above.
 */
export async function tsmStockByNeighbourhood(
  db: Db,
  organisationId: string,
  onDay: string,
): Promise<NeighbourhoodStock[]> {
  const rows = await db
    .select({ lsoaCode: home.lsoa21Code, laCode: home.laCode, homes: count() })
    .from(home)
    .where(inOrganisation(home, organisationId, and(isNotNull(home.lsoa21Code), relevantOwnedOn(onDay))))
    .groupBy(home.lsoa21Code, home.laCode)
    .orderBy(asc(home.lsoa21Code));
  return rows.flatMap((row) => (row.lsoaCode ? [{ ...row, lsoaCode: row.lsoaCode }] : []));
}

export type BlockStock = { blockName: string; postcode: string; laCode: string; homes: number };

/**
 * The same relevant TSM stock owned on `onDay`, per block name, postcode and district: the
 * denominator of ASB rates by block. Homes not in a named block are left out.
 */
export async function tsmStockByBlock(db: Db, organisationId: string, onDay: string): Promise<BlockStock[]> {
  const rows = await db
    .select({ blockName: home.blockName, postcode: home.postcode, laCode: home.laCode, homes: count() })
    .from(home)
    .where(inOrganisation(home, organisationId, and(isNotNull(home.blockName), relevantOwnedOn(onDay))))
    .groupBy(home.blockName, home.postcode, home.laCode);
  return rows.flatMap((row) => (row.blockName ? [{ ...row, blockName: row.blockName }] : []));
}
