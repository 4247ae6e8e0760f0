import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { type FigureFilter, listProjectChoices, projectThemes } from "../../investment/index.ts";
import { volunteeringByProject } from "../../volunteering/index.ts";

export type VerifiedVolunteering = {
  volunteers: number;
  hours: number;
  valuePence: number;
  /** Where the hours and the hourly rate come from, shown beside every figure. */
  source: string;
  /** Years with verified hours but no hourly rate: their hours count, their value is 0. */
  yearsWithoutRate: number[];
  /**
   * True when a theme or project filter narrowed the hours through the project each volunteering role
   * names: hours on roles that name no project (or a project we cannot find) are then left out.
   */
  narrowedByProject: boolean;
};

/**
 * The references a volunteering role may use for these projects: the project's id or its name.
 * Null when no theme or project is chosen (nothing to narrow).
 */
async function projectReferences(db: Db, actor: Actor, filter: FigureFilter): Promise<string[] | null> {
  if (!filter.themeCode && !filter.projectId) return null;
  const projects = await listProjectChoices(db, actor, filter.projectId ?? undefined);
  const themesOf = filter.themeCode ? await projectThemes(db, actor) : null;
  return projects
    .filter((project) => !themesOf || (themesOf.get(project.id) ?? []).includes(filter.themeCode ?? ""))
    .flatMap((project) => [project.id, project.name]);
}

/**
 * Verified volunteering hours from the volunteering module, and their value (hours × the hourly rate
 * for the year worked), for the dashboard and the annual report. Narrowed to an area by where the hours
 * were worked, and to a theme or project by the community investment project the role serves.
 */
export async function verifiedVolunteering(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<VerifiedVolunteering> {
  const projectRefs = await projectReferences(db, actor, filter);
  const hours = await volunteeringByProject(db, actor.organisationId, {
    from: filter.from,
    to: filter.to,
    laCode: filter.laCode,
    projectRefs,
  });
  const fromYear = Number(filter.from.slice(0, 4));
  const toYear = Number(filter.to.slice(0, 4));
  const rates = hours.rates.filter((rate) => rate.year >= fromYear && rate.year <= toYear);
  const rateText = rates.length
    ? rates
        .map((rate) => `${rate.year}: £${(rate.ratePence / 100).toFixed(2)} an hour (${rate.source})`)
        .join("; ")
    : "no hourly rate set";
  return {
    volunteers: hours.total.activeVolunteers,
    hours: Math.round(hours.total.hours * 10) / 10,
    valuePence: hours.total.valuePence,
    source: `Verified hours from volunteering records × hourly rate, ${rateText}`,
    yearsWithoutRate: hours.yearsWithoutRate,
    narrowedByProject: projectRefs !== null,
  };
}
