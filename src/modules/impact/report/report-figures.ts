import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { brandOf } from "../../../platform/brand/index.ts";
import type { Db } from "../../../platform/db/database.ts";
import { invalid } from "../../../platform/http/problem.ts";
import {
  canViewPortfolio,
  caseStories,
  deliveryFigures,
  getStrategy,
  projectThemes,
} from "../../investment/index.ts";
import { listLocalAuthorities } from "../../places/index.ts";
import { type NeighbourhoodFacts, neighbourhoodFacts } from "../places-link.ts";
import { computeDashboard, type Dashboard } from "../queries/dashboard.ts";
import { computeSocialValue, computeSroi, type ProjectSroi } from "../queries/social-value.ts";
import type { SroiResult } from "../sroi.ts";

/** The report year is the financial year housing associations report on: 1 April to 31 March. */
export function financialYear(year: number): { from: string; to: string; label: string } {
  return {
    from: `${year}-04-01`,
    to: `${year + 1}-03-31`,
    label: `${year}/${String((year + 1) % 100).padStart(2, "0")}`,
  };
}

/** A report for one theme and/or one local authority; both empty is the whole organisation. */
export type ReportScope = { themeCode?: string | null; laCode?: string | null };

/** The organisation as its report shows it: its brand name, and its colour (null for Kith's). */
export type ReportBrand = { name: string; colour: string | null };

/** The organisation's brand for its report; brands are public, so no policy check is needed. */
export async function reportBrand(db: Db, organisationId: string): Promise<ReportBrand> {
  const brand = await brandOf(db, organisationId);
  return { name: brand?.name ?? "", colour: brand?.colour ?? null };
}

export type ReportFigures = {
  organisationName: string;
  /** The organisation's brand colour for headings and rules, or null for Kith's. */
  brandColour: string | null;
  year: { from: string; to: string; label: string };
  /** What the report is narrowed to, in words ("Wellbeing theme, Medway"), or null for everything. */
  scope: { themeCode: string | null; laCode: string | null; label: string | null };
  dashboard: Dashboard;
  themes: {
    code: string;
    name: string;
    residents: number;
    inDepth: number;
    sessions: number;
    socialValuePence: number;
    outcomes: string[];
  }[];
  areas: { laCode: string; laName: string; sessions: number; people: number; socialValuePence: number }[];
  sroi: { overall: SroiResult; projects: ProjectSroi[]; withoutValuedOutcomesPence: number };
  stories: { projectName: string; achievedOn: string; story: string }[];
  topOutcomes: { code: string; name: string; people: number; valuePence: number }[];
};

/**
 * Every figure in the annual social impact report, per theme and per area. Social value is computed
 * once and split by the project's themes and the person's area, so the parts add up to the whole.
 */
export async function computeReportFigures(
  db: Db,
  actor: Actor,
  brand: ReportBrand,
  year: number,
  options: { neighbourhoods?: NeighbourhoodFacts; scope?: ReportScope } = {},
): Promise<ReportFigures> {
  requireAllowed(canViewPortfolio(actor), "Only staff can produce the impact report.");
  const period = financialYear(year);
  const themeCode = options.scope?.themeCode || null;
  const laCode = options.scope?.laCode || null;
  const filter = { from: period.from, to: period.to, themeCode, laCode };
  // The social value and the delivery figures are computed once and shared with the dashboard figures;
  // the per-theme reach comes with the delivery figures. With a theme chosen, sessions are narrowed to
  // that theme's projects, which leaves that theme's reach as it is. Independent reads start together.
  const [neighbourhoods, socialValue, delivery, strategy, stories, themesByProject, localAuthorities] =
    await Promise.all([
      options.neighbourhoods ?? neighbourhoodFacts(db, actor),
      computeSocialValue(db, actor, filter),
      deliveryFigures(db, actor, filter),
      getStrategy(db, actor),
      caseStories(db, actor, filter),
      projectThemes(db, actor),
      listLocalAuthorities(db),
    ]);
  const dashboard = await computeDashboard(db, actor, filter, { neighbourhoods, socialValue, delivery });
  const sroi = await computeSroi(db, actor, filter, socialValue, dashboard.socialValue.investedPence);
  const counted = socialValue.lines.filter((line) => line.status === "counted");

  const reach = delivery.themes;
  if (themeCode && !strategy.some((theme) => theme.code === themeCode))
    throw invalid("There is no such theme.", { theme: `There is no theme with the code ${themeCode}` });
  const themes = strategy
    .filter((theme) => !themeCode || theme.code === themeCode)
    .map((theme) => ({
      code: theme.code,
      name: theme.name,
      residents: reach.get(theme.code)?.residents ?? 0,
      inDepth: reach.get(theme.code)?.inDepth ?? 0,
      sessions: reach.get(theme.code)?.sessions ?? 0,
      socialValuePence: counted
        .filter((line) => themesByProject.get(line.projectId)?.includes(theme.code))
        .reduce((sum, line) => sum + line.netPence, 0),
      outcomes: theme.outcomes.map((o) => o.name),
    }));

  const laNames = new Map<string, string>();
  for (const la of localAuthorities) laNames.set(la.gssCode, la.name);
  if (laCode && !laNames.has(laCode))
    throw invalid("There is no such area.", { area: `There is no local authority with the code ${laCode}` });
  const areaCodes = new Set(
    [...dashboard.neighbourhoods.map((n) => n.laCode), ...counted.map((line) => line.laCode ?? "")].filter(
      (code) => code && (!laCode || code === laCode),
    ),
  );
  const areas = [...areaCodes]
    .map((laCode) => ({
      laCode,
      laName: laNames.get(laCode) ?? laCode,
      sessions: dashboard.neighbourhoods
        .filter((n) => n.laCode === laCode)
        .reduce((sum, n) => sum + n.sessions, 0),
      people: dashboard.neighbourhoods
        .filter((n) => n.laCode === laCode)
        .reduce((sum, n) => sum + n.people, 0),
      socialValuePence: counted
        .filter((line) => line.laCode === laCode)
        .reduce((sum, line) => sum + line.netPence, 0),
    }))
    .sort((a, b) => b.socialValuePence - a.socialValuePence || a.laName.localeCompare(b.laName));

  const byCode = new Map<string, { people: Set<string>; valuePence: number }>();
  for (const line of counted) {
    const entry = byCode.get(line.code) ?? { people: new Set<string>(), valuePence: 0 };
    entry.people.add(line.participantId);
    entry.valuePence += line.netPence;
    byCode.set(line.code, entry);
  }
  const topOutcomes = [...byCode]
    .map(([code, entry]) => ({
      code,
      name: socialValue.outcomeNames[code] ?? code,
      people: entry.people.size,
      valuePence: entry.valuePence,
    }))
    .sort((a, b) => b.valuePence - a.valuePence)
    .slice(0, 10);

  const scopeWords = [
    themeCode ? `${strategy.find((theme) => theme.code === themeCode)?.name ?? themeCode} theme` : "",
    laCode ? (laNames.get(laCode) ?? laCode) : "",
  ].filter(Boolean);
  return {
    organisationName: brand.name,
    brandColour: brand.colour,
    year: period,
    scope: { themeCode, laCode, label: scopeWords.length ? scopeWords.join(", ") : null },
    dashboard,
    themes,
    areas,
    sroi: {
      overall: sroi.overall,
      projects: sroi.projects.slice(0, 10),
      withoutValuedOutcomesPence: sroi.withoutValuedOutcomesPence,
    },
    stories,
    topOutcomes,
  };
}
