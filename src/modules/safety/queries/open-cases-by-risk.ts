import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewReports, canWorkCases } from "../policy.ts";

export type RiskBand = "high" | "medium" | "standard" | "none";

export type OpenCasesByRiskRow = {
  band: RiskBand;
  label: string;
  cases: number;
  /** The case list filtered to this band, for those who may read cases; the board sees the count only. */
  href: string | null;
};

const bands: { band: RiskBand; label: string }[] = [
  { band: "high", label: "High risk" },
  { band: "medium", label: "Medium risk" },
  { band: "standard", label: "Standard risk" },
  { band: "none", label: "Not assessed" },
];

/**
 * Open cases counted by their latest risk assessment's band. A count holds no personal data, so
 * every member of staff (the board too) may see it, like NM01; the link to the cases is for case workers.
 */
export async function openCasesByRisk(db: Db, actor: Actor): Promise<OpenCasesByRiskRow[]> {
  requireAllowed(canViewReports(actor), "Only staff can see case figures.");
  // Both drivers (PGlite and node-postgres) answer execute() with an object carrying rows.
  const result = (await db.execute(sql`
    SELECT latest.band, count(*)::int AS cases
      FROM safety_case c
      LEFT JOIN LATERAL (
        SELECT ra.band FROM safety_risk_assessment ra
         WHERE ra.organisation_id = c.organisation_id AND ra.case_id = c.id
         ORDER BY ra.assessed_at DESC LIMIT 1) latest ON true
     WHERE c.organisation_id = ${actor.organisationId}
       AND c.closed_on IS NULL AND c.anonymised_at IS NULL
     GROUP BY latest.band`)) as unknown as { rows: { band: string | null; cases: number }[] };
  const counts = new Map(result.rows.map((row) => [row.band ?? "none", Number(row.cases)]));
  const linked = canWorkCases(actor);
  return bands.map(({ band, label }) => ({
    band,
    label,
    cases: counts.get(band) ?? 0,
    href: linked ? `/safety?state=open&risk=${band}` : null,
  }));
}
