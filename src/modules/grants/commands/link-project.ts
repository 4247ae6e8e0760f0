import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { listProjectChoices } from "../../investment/index.ts";
import { canManageGrant } from "../policy.ts";
import { type GrantAward, grantAward } from "../schema.ts";
import { loadGrant } from "./load-grant.ts";

/**
 * Links a grant to the community investment project it pays for (or, with an empty
 * project id, removes the link). The project must be one of this organisation's.
 */
export async function linkGrantToProject(
  db: Db,
  actor: Actor,
  now: Date,
  grantId: string,
  projectId: string,
): Promise<GrantAward> {
  requireAllowed(canManageGrant(actor), "Only officers and managers can link grants to projects.");
  const grant = await loadGrant(db, actor.organisationId, grantId);
  const wanted = projectId.trim();
  const [project] = wanted ? await listProjectChoices(db, actor, wanted) : [];
  if (wanted && !project)
    throw invalid("Check the project.", { projectId: "Choose a project from your investment portfolio" });
  return db.transaction(async (tx) => {
    const change = { investmentProjectId: project?.id ?? null, updatedAt: now };
    const updated = await updateAudited(tx, actor, now, grantAward, grant.id, change, {
      entityType: "grant",
      summary: project
        ? `Grant ${grant.reference} linked to investment project ${project.name}`
        : `Grant ${grant.reference} no longer linked to an investment project`,
      before: { investmentProjectId: grant.investmentProjectId },
      after: { investmentProjectId: project?.id ?? null },
    });
    return updated ?? grant;
  });
}
