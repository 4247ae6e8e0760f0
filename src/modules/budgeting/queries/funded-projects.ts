import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { pbFundedProject } from "../schema.ts";

/**
 * The community investment project each funded proposal became (proposal id → project id).
 * Which proposals won is public; the project pages themselves are staff-only.
 */
export async function fundedProjectsOf(
  db: Db,
  organisationId: string,
  processId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .select({ proposalId: pbFundedProject.proposalId, projectId: pbFundedProject.projectId })
    .from(pbFundedProject)
    .where(matchInOrganisation(pbFundedProject, organisationId, { processId }));
  return new Map(rows.map((row) => [row.proposalId, row.projectId]));
}
