import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import { queryRows } from "../investment/rows.ts";

type PlacesIndex = {
  listPriorityNeighbourhoods: (db: Db, organisationId: string) => Promise<{ code: string; imdDecile: number }[]>;
};

/**
 * The organisation's priority neighbourhoods (places decides them: the deprivation rule plus
 * manual overrides). Imported lazily so the calculation modules load without places in tests.
 */
export async function priorityNeighbourhoods(db: Db, organisationId: string): Promise<Set<string>> {
  const places = (await import("../places/index.ts")) as unknown as PlacesIndex;
  const list = await places.listPriorityNeighbourhoods(db, organisationId);
  return new Set(list.map((n) => n.code));
}

/**
 * IMD 2025 deciles for 2021 neighbourhoods. `lsoa` is shared reference data (no organisation),
 * so reading it does not cross any organisation's boundary.
 */
export async function deprivationDeciles(db: Db, lsoaCodes: string[]): Promise<Map<string, { name: string; decile: number }>> {
  if (lsoaCodes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; name: string; imd_decile: number }>(
    db,
    sql`SELECT code, name, imd_decile FROM lsoa WHERE edition = 'iod2025' AND code IN (${sql.join(lsoaCodes.map((code) => sql`${code}`), sql`, `)})`,
  );
  return new Map(rows.map((row) => [row.code, { name: row.name, decile: Number(row.imd_decile) }]));
}
