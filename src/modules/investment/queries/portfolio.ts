import { asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { organisationRows } from "../../../platform/db/organisation-rows.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewPortfolio } from "../policy.ts";
import {
  activitySession,
  changeTemplate,
  indicatorTarget,
  investmentIndicator,
  investmentOutcome,
  investmentTheme,
  project,
  projectArea,
  projectFunding,
  projectPartner,
  projectSpend,
  projectTheme,
  type Stage,
  stages,
  steeringMember,
} from "../schema.ts";
import { themesOfProjects } from "./project-themes.ts";

export type StrategyTheme = typeof investmentTheme.$inferSelect & {
  outcomes: (typeof investmentOutcome.$inferSelect)[];
  indicators: (typeof investmentIndicator.$inferSelect & {
    targets: (typeof indicatorTarget.$inferSelect)[];
  })[];
};

/** Themes with their intended outcomes and the options map of indicators, with targets. */
export async function getStrategy(db: Db, actor: Actor): Promise<StrategyTheme[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the investment strategy.");
  const org = actor.organisationId;
  const [themes, outcomes, indicators, targets] = await Promise.all([
    organisationRows(db, investmentTheme, org, asc(investmentTheme.position)),
    organisationRows(db, investmentOutcome, org, asc(investmentOutcome.name)),
    organisationRows(db, investmentIndicator, org, asc(investmentIndicator.code)),
    organisationRows(db, indicatorTarget, org, asc(indicatorTarget.period)),
  ]);
  return themes.map((theme) => ({
    ...theme,
    outcomes: outcomes.filter((o) => o.themeId === theme.id),
    indicators: indicators
      .filter((i) => i.themeId === theme.id)
      .map((i) => ({ ...i, targets: targets.filter((t) => t.indicatorId === i.id) })),
  }));
}

export async function listChangeTemplates(db: Db, actor: Actor) {
  requireAllowed(canViewPortfolio(actor), "Only staff can see theories of change.");
  return organisationRows(db, changeTemplate, actor.organisationId, asc(changeTemplate.name));
}

export type ProjectSummary = {
  id: string;
  name: string;
  kind: string;
  stage: Stage;
  lifeRole: string;
  themes: string[];
  budgetPence: number;
  communityDevelopment: boolean;
};

/** The portfolio with counts by stage ("48 active, 73 in the pipeline"). */
export async function listProjects(
  db: Db,
  actor: Actor,
  filter: { stage?: Stage; themeCode?: string; search?: string } = {},
): Promise<{ projects: ProjectSummary[]; stageCounts: Record<Stage, number> }> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the project portfolio.");
  const org = actor.organisationId;
  const counted = await db
    .select({ stage: project.stage, count: sql<number>`count(*)::int` })
    .from(project)
    .where(inOrganisation(project, org))
    .groupBy(project.stage);
  const stageCounts = Object.fromEntries(
    stages.map((stage) => [stage, counted.find((row) => row.stage === stage)?.count ?? 0]),
  ) as Record<Stage, number>;
  let themeProjectIds: string[] | undefined;
  if (filter.themeCode) {
    const rows = await themesOfProjects(db, org, eq(investmentTheme.code, filter.themeCode));
    themeProjectIds = rows.map((row) => row.projectId);
    if (themeProjectIds.length === 0) return { projects: [], stageCounts };
  }
  const rows = await db
    .select()
    .from(project)
    .where(
      inOrganisation(
        project,
        org,
        filter.stage ? eq(project.stage, filter.stage) : undefined,
        filter.search ? ilike(project.name, `%${filter.search.replace(/[%_\\]/g, "")}%`) : undefined,
        themeProjectIds ? inArray(project.id, themeProjectIds) : undefined,
      ),
    )
    .orderBy(asc(project.name));
  const ids = rows.map((row) => row.id);
  const [themes, budgets] = ids.length
    ? await Promise.all([
        themesOfProjects(db, org, inArray(projectTheme.projectId, ids)),
        db
          .select({
            projectId: projectFunding.projectId,
            total: sql<string>`sum(${projectFunding.amountPence})`,
          })
          .from(projectFunding)
          .where(inOrganisation(projectFunding, org, inArray(projectFunding.projectId, ids)))
          .groupBy(projectFunding.projectId),
      ])
    : [[], []];
  return {
    stageCounts,
    projects: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      stage: row.stage,
      lifeRole: row.lifeRole,
      communityDevelopment: row.communityDevelopment,
      themes: themes.filter((t) => t.projectId === row.id).map((t) => t.name),
      budgetPence: Number(budgets.find((b) => b.projectId === row.id)?.total ?? 0),
    })),
  };
}

export async function getProject(db: Db, actor: Actor, projectId: string) {
  requireAllowed(canViewPortfolio(actor), "Only staff can see projects.");
  if (!isUuid(projectId)) throw notFound("Project not found");
  const org = actor.organisationId;
  const [found] = await db
    .select()
    .from(project)
    .where(matchInOrganisation(project, org, { id: projectId }));
  if (!found) throw notFound("Project not found");
  const [themes, areas, partners, funding, spend, steering, sessions] = await Promise.all([
    themesOfProjects(db, org, eq(projectTheme.projectId, projectId)).then((rows) =>
      rows.map(({ code, name }) => ({ code, name })),
    ),
    db
      .select()
      .from(projectArea)
      .where(matchInOrganisation(projectArea, org, { projectId })),
    db
      .select({ partnerId: projectPartner.partnerId })
      .from(projectPartner)
      .where(matchInOrganisation(projectPartner, org, { projectId })),
    db
      .select()
      .from(projectFunding)
      .where(matchInOrganisation(projectFunding, org, { projectId }))
      .orderBy(asc(projectFunding.year)),
    db
      .select()
      .from(projectSpend)
      .where(matchInOrganisation(projectSpend, org, { projectId }))
      .orderBy(desc(projectSpend.spentOn))
      .limit(50),
    db
      .select()
      .from(steeringMember)
      .where(matchInOrganisation(steeringMember, org, { projectId }))
      .orderBy(asc(steeringMember.name)),
    db
      .select()
      .from(activitySession)
      .where(matchInOrganisation(activitySession, org, { projectId }))
      .orderBy(desc(activitySession.heldOn))
      .limit(20),
  ]);
  const [spent] = await db
    .select({ total: sql<string>`coalesce(sum(${projectSpend.amountPence}), 0)` })
    .from(projectSpend)
    .where(matchInOrganisation(projectSpend, org, { projectId }));
  return {
    ...found,
    themes,
    areas,
    partnerIds: partners.map((p) => p.partnerId),
    funding,
    spend,
    spentPence: Number(spent.total),
    steering,
    sessions,
  };
}
export type ProjectDetail = Awaited<ReturnType<typeof getProject>>;
