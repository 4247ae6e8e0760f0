import { inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { type ProjectInput, projectInput } from "../inputs.ts";
import { lifeRole } from "../life-model.ts";
import { canManageProjects } from "../policy.ts";
import {
  investmentTheme,
  project,
  projectArea,
  projectFunding,
  projectPartner,
  projectTheme,
  steeringMember,
} from "../schema.ts";
import { withLinkedRecords } from "./foreign-keys.ts";
import { parseInput } from "./parse-input.ts";
import { resolveTheoryOfChange, theoryOfChangeColumns } from "./theory-of-change.ts";

/**
 * Adds a project or service to the portfolio with its themes, areas, partners, LIFE decision,
 * theory of change (its own, or copied from a template so later edits to the template do not
 * rewrite history), budget by source and steering group: all in one transaction.
 */
export async function createProject(
  db: Db,
  actor: Actor,
  now: Date,
  input: ProjectInput,
): Promise<{ id: string }> {
  requireAllowed(canManageProjects(actor), "Only officers and managers can add projects.");
  const value = parseInput(projectInput, input);
  const organisationId = actor.organisationId;
  return withLinkedRecords(
    () =>
      db.transaction(async (tx) => {
        const themes = await tx
          .select({ id: investmentTheme.id, code: investmentTheme.code })
          .from(investmentTheme)
          .where(
            inOrganisation(investmentTheme, organisationId, inArray(investmentTheme.code, value.themeCodes)),
          );
        const missingThemes = value.themeCodes.filter((code) => !themes.some((theme) => theme.code === code));
        if (missingThemes.length > 0)
          throw invalid("Check the themes.", {
            themeCodes: `There is no theme with the code ${missingThemes.join(", ")}`,
          });

        const { toc, indicatorCodes } = await resolveTheoryOfChange(tx, organisationId, value);

        const id = newId(now.getTime());
        const role = lifeRole({
          need: value.need,
          bestPlaced: value.bestPlaced,
          canResource: value.canResource,
        });
        await tx.insert(project).values({
          organisationId,
          id,
          name: value.name,
          summary: value.summary,
          kind: value.kind,
          stage: value.stage,
          communityDevelopment: value.communityDevelopment,
          leadPartnerId: value.leadPartnerId,
          needAnswer: value.need,
          bestPlacedAnswer: value.bestPlaced,
          resourceAnswer: value.canResource,
          lifeRole: role,
          changeTemplateId: value.changeTemplateId,
          ...theoryOfChangeColumns(toc),
          indicatorCodes,
          followUpMonths: [...new Set(value.followUpMonths)].sort((a, b) => a - b),
          attributionPercent: value.attributionPercent,
          displacementPercent: value.displacementPercent,
          dropOffPercent: value.dropOffPercent,
          benefitYears: value.benefitYears,
          assetId: value.assetId,
          startsOn: value.startsOn,
          endsOn: value.endsOn,
          createdAt: now,
          updatedAt: now,
        });
        await tx
          .insert(projectTheme)
          .values(themes.map((theme) => ({ organisationId, projectId: id, themeId: theme.id })));
        const areas = new Map(value.areas.map((area) => [`${area.laCode}|${area.lsoa21Code ?? ""}`, area]));
        await tx.insert(projectArea).values(
          [...areas.values()].map((area) => ({
            organisationId,
            projectId: id,
            laCode: area.laCode,
            lsoa21Code: area.lsoa21Code ?? "",
          })),
        );
        const partners = [...new Set(value.partnerIds)];
        if (partners.length > 0)
          await tx
            .insert(projectPartner)
            .values(partners.map((partnerId) => ({ organisationId, projectId: id, partnerId })));
        if (value.funding.length > 0)
          await tx.insert(projectFunding).values(
            value.funding.map((line) => ({
              organisationId,
              id: newId(now.getTime()),
              projectId: id,
              ...line,
            })),
          );
        if (value.steering.length > 0)
          await tx.insert(steeringMember).values(
            value.steering.map((member) => ({
              organisationId,
              id: newId(now.getTime()),
              projectId: id,
              ...member,
            })),
          );
        await recordAudit(tx, actor, now, {
          action: "create",
          entityType: "project",
          entityId: id,
          summary: `Created ${value.kind} ${value.name} (${value.stage}, LIFE role ${role})`,
          after: { ...value, lifeRole: role },
        });
        return { id };
      }),
    {
      lead_partner_id: { field: "leadPartnerId", message: "That lead partner was not found" },
      partner_id: { field: "partnerIds", message: "One of the partners was not found" },
      asset_id: { field: "assetId", message: "That community asset was not found" },
      la_code: { field: "areas", message: "One of the areas is not a local authority we know" },
    },
  );
}
