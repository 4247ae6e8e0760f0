import { inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPortfolio } from "../policy.ts";
import { project, projectFunding, projectSpend } from "../schema.ts";

/** What SROI needs about projects: their adjustments, their spending and their secured funding. */
export async function projectSroiInputs(db: Db, actor: Actor, projectIds: string[]) {
  requireAllowed(canViewPortfolio(actor), "Only staff can see SROI.");
  const org = actor.organisationId;
  if (projectIds.length === 0) return { projects: [], spend: [], funding: [] };
  const [projects, spend, funding] = await Promise.all([
    db
      .select({
        id: project.id,
        name: project.name,
        attributionPercent: project.attributionPercent,
        displacementPercent: project.displacementPercent,
        dropOffPercent: project.dropOffPercent,
        benefitYears: project.benefitYears,
      })
      .from(project)
      .where(inOrganisation(project, org, inArray(project.id, projectIds))),
    db
      .select({
        projectId: projectSpend.projectId,
        amountPence: projectSpend.amountPence,
        spentOn: projectSpend.spentOn,
      })
      .from(projectSpend)
      .where(inOrganisation(projectSpend, org, inArray(projectSpend.projectId, projectIds))),
    db
      .select({
        projectId: projectFunding.projectId,
        amountPence: projectFunding.amountPence,
        year: projectFunding.year,
      })
      .from(projectFunding)
      .where(
        matchInOrganisation(
          projectFunding,
          org,
          { secured: true },
          inArray(projectFunding.projectId, projectIds),
        ),
      ),
  ]);
  return { projects, spend, funding };
}
