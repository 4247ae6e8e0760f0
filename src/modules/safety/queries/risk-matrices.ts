import { desc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { defaultRiskMatrix, type RiskMatrixDefinition, riskMatrixDefinition } from "../domain/risk-matrix.ts";
import { canManageSafety } from "../policy.ts";
import { safetyRiskAssessment, safetyRiskMatrix } from "../schema.ts";

export type RiskMatrixVersion = {
  version: number;
  name: string;
  definition: RiskMatrixDefinition;
  createdAt: Date | null;
  assessments: number;
};

/** Every matrix version of the organisation, newest first, with how many assessments used each (no personal data). */
export async function listRiskMatrices(db: Db, actor: Actor): Promise<RiskMatrixVersion[]> {
  requireAllowed(canManageSafety(actor), "Only managers can see risk matrix versions.");
  const [stored, usage] = await Promise.all([
    db
      .select()
      .from(safetyRiskMatrix)
      .where(eq(safetyRiskMatrix.organisationId, actor.organisationId))
      .orderBy(desc(safetyRiskMatrix.version)),
    db
      .select({ version: safetyRiskAssessment.matrixVersion, n: sql<number>`count(*)::int` })
      .from(safetyRiskAssessment)
      .where(eq(safetyRiskAssessment.organisationId, actor.organisationId))
      .groupBy(safetyRiskAssessment.matrixVersion),
  ]);
  const used = new Map(usage.map((u) => [u.version, Number(u.n)]));
  const versions: RiskMatrixVersion[] = stored.map((row) => ({
    version: row.version,
    name: row.name,
    definition: riskMatrixDefinition.parse(row.definition),
    createdAt: row.createdAt,
    assessments: used.get(row.version) ?? 0,
  }));
  // Kith's default is version 1 until the organisation publishes its own.
  if (!versions.some((v) => v.version === defaultRiskMatrix.version))
    versions.push({
      ...defaultRiskMatrix,
      createdAt: null,
      assessments: used.get(defaultRiskMatrix.version) ?? 0,
    });
  return versions;
}
