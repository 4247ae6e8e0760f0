import { sql } from "drizzle-orm";
import type { Actor } from "../../../../platform/access/actor.ts";
import { requireAllowed } from "../../../../platform/access/policy.ts";
import { recordAudit } from "../../../../platform/audit/audit-log.ts";
import type { Db } from "../../../../platform/db/database.ts";
import { invalid } from "../../../../platform/http/problem.ts";
import { postcodeDistrictCentroid } from "../../schema/openreferral.ts";
import { parsePostcodeCentroidCsv } from "../postcode-centroids.ts";

/**
 * `kith import postcode-centroids FILE.csv`: adds the file's districts, replacing any already
 * held, all or nothing. Shared reference data, so only the operator's command line (or the demo
 * seed) may change it.
 */
export async function importPostcodeCentroids(
  db: Db,
  actor: Actor,
  now: Date,
  csv: string,
  source: string,
): Promise<{ districts: number }> {
  requireAllowed(actor.kind === "system", "Only the server's operator can change postcode centroids.");
  if (source.trim() === "")
    throw invalid("Say where the centroids come from.", { source: "Say where the centroids come from" });
  const rows = parsePostcodeCentroidCsv(csv);
  await db.transaction(async (tx) => {
    await tx
      .insert(postcodeDistrictCentroid)
      .values(rows.map((row) => ({ ...row, source: source.trim(), importedAt: now })))
      .onConflictDoUpdate({
        target: postcodeDistrictCentroid.district,
        set: {
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          laCode: sql`excluded.la_code`,
          source: sql`excluded.source`,
          importedAt: sql`excluded.imported_at`,
        },
      });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "postcode_district_centroid",
      entityId: null,
      summary: `Imported ${rows.length} postcode district centroids (${source.trim()})`,
    });
  });
  return { districts: rows.length };
}
