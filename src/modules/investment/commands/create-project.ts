import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { type AuditEntry, recordAudit } from "../../../platform/audit/audit-log.ts";
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
import { resolveTheoryOfChange, type TheoryOfChange, theoryOfChangeColumns } from "./theory-of-change.ts";

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
        const rows = projectRows(organisationId, id, now, value, themes, toc, indicatorCodes);
        await tx.insert(project).values(rows.project);
        await tx.insert(projectTheme).values(rows.themes);
        await tx.insert(projectArea).values(rows.areas);
        if (rows.partners.length > 0) await tx.insert(projectPartner).values(rows.partners);
        if (rows.funding.length > 0) await tx.insert(projectFunding).values(rows.funding);
        if (rows.steering.length > 0) await tx.insert(steeringMember).values(rows.steering);
        await recordAudit(tx, actor, now, rows.audit);
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

/**
 * The rows a new project is written as, and its audit entry: one builder for the command and
 * the demo seed, which writes its sixty-odd projects in one statement per table.
 */
export function projectRows(
  organisationId: string,
  id: string,
  now: Date,
  value: z.output<typeof projectInput>,
  themes: { id: string }[],
  toc: TheoryOfChange,
  indicatorCodes: string[],
) {
  const role = lifeRole({
    need: value.need,
    bestPlaced: value.bestPlaced,
    canResource: value.canResource,
  });
  const areas = new Map(value.areas.map((area) => [`${area.laCode}|${area.lsoa21Code ?? ""}`, area]));
  const audit: AuditEntry = {
    action: "create",
    entityType: "project",
    entityId: id,
    summary: `Created ${value.kind} ${value.name} (${value.stage}, LIFE role ${role})`,
    after: { ...value, lifeRole: role },
  };
  return {
    project: {
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
    } satisfies typeof project.$inferInsert,
    themes: themes.map((theme) => ({ organisationId, projectId: id, themeId: theme.id })),
    areas: [...areas.values()].map((area) => ({
      organisationId,
      projectId: id,
      laCode: area.laCode,
      lsoa21Code: area.lsoa21Code ?? "",
    })),
    partners: [...new Set(value.partnerIds)].map((partnerId) => ({
      organisationId,
      projectId: id,
      partnerId,
    })),
    funding: value.funding.map((line) => ({
      organisationId,
      id: newId(now.getTime()),
      projectId: id,
      ...line,
    })),
    steering: value.steering.map((member) => ({
      organisationId,
      id: newId(now.getTime()),
      projectId: id,
      ...member,
    })),
    audit,
  };
}
