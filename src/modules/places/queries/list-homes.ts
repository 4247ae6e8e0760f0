import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPlaces } from "../policy.ts";
import { type Home, home, localAuthority, lsoa, type Tenure } from "../schema.ts";

export type HomeFilters = {
  search?: string;
  laCode?: string;
  tenure?: Tenure;
  deciles?: number[];
  sort?: "address" | "postcode" | "uprn" | "decile";
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

export type HomeRow = Home & { laName: string | null; imdDecile: number | null };

export async function listHomes(
  db: Db,
  actor: Actor,
  filters: HomeFilters,
): Promise<{ rows: HomeRow[]; total: number }> {
  requireAllowed(canViewPlaces(actor), "Only staff can see homes.");
  const search = filters.search?.trim();
  const where = inOrganisation(
    home,
    actor.organisationId,
    search
      ? or(
          ilike(home.addressLine1, `%${search}%`),
          ilike(home.postcode, `%${search}%`),
          ilike(home.town, `%${search}%`),
          eq(home.uprn, search.replace(/^0+(?=\d)/, "")),
        )
      : undefined,
    filters.laCode ? eq(home.laCode, filters.laCode) : undefined,
    filters.tenure ? eq(home.tenure, filters.tenure) : undefined,
    filters.deciles?.length ? or(...filters.deciles.map((d) => eq(lsoa.imdDecile, d))) : undefined,
  );
  const sortColumns: Record<NonNullable<HomeFilters["sort"]>, SQL | PgColumn> = {
    address: home.addressLine1,
    postcode: home.postcode,
    uprn: home.uprn,
    decile: lsoa.imdDecile,
  };
  const order = (filters.dir === "desc" ? desc : asc)(sortColumns[filters.sort ?? "address"]);
  const pageSize = filters.pageSize ?? 50;
  const page = filters.page ?? 1;
  const joinLsoa = and(eq(lsoa.edition, "iod2025"), eq(lsoa.code, home.lsoa21Code));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ home, laName: localAuthority.name, imdDecile: lsoa.imdDecile })
      .from(home)
      .leftJoin(localAuthority, eq(localAuthority.gssCode, home.laCode))
      .leftJoin(lsoa, joinLsoa)
      .where(where)
      .orderBy(order, asc(home.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(home).leftJoin(lsoa, joinLsoa).where(where),
  ]);
  return { rows: rows.map((row) => ({ ...row.home, laName: row.laName, imdDecile: row.imdDecile })), total };
}

export async function listHomesForSeed(db: Db, organisationId: string): Promise<Home[]> {
  return db.select().from(home).where(inOrganisation(home, organisationId)).orderBy(home.uprn);
}
