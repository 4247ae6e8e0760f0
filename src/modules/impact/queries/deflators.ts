import type { Db } from "../../../platform/db/database.ts";
import type { DeflatorSeries } from "../prices.ts";
import { gdpDeflator } from "../schema.ts";

/** The GDP deflator series as imported (reference data: no organisation scope, no personal data). */
export async function loadDeflators(db: Db): Promise<DeflatorSeries> {
  const rows = await db.select().from(gdpDeflator);
  return {
    byYear: new Map(rows.map((row) => [row.year, Number(row.deflator)])),
    source: rows[0]?.source ?? null,
  };
}
