// The grant page's link to the community investment module: the agreement's outcomes as they
// stand in the outcome framework, the investment project the grant pays for, and what the
// monitoring returns have reported against each outcome so far.
import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import {
  button,
  details,
  formatNumber,
  html,
  type SafeHtml,
  select,
  table,
} from "../../../platform/ui/index.ts";
import { canManageGrant } from "../policy.ts";
import type { GrantDetail } from "../queries/grant-detail.ts";
import type { ProgrammeOutcome } from "../schema.ts";
import { formError } from "./page-helpers.ts";

export function outcomeLabel(outcome: ProgrammeOutcome): string {
  const title = outcome.title === outcome.code ? outcome.code : `${outcome.code} ${outcome.title}`;
  return outcome.frameworkTheme ? `${title} (outcome framework: ${outcome.frameworkTheme})` : title;
}

/** Targets and achievements summed over every received return, per outcome of the agreement. */
export function reportedByOutcome(
  detail: GrantDetail,
): { outcome: ProgrammeOutcome; target: number; achieved: number }[] {
  return detail.outcomes.map((outcome) => {
    const results = detail.returns
      .filter((r) => r.status !== "due")
      .flatMap((r) => r.results)
      .filter((result) => result.outcomeCode === outcome.code);
    return {
      outcome,
      target: results.reduce((sum, result) => sum + result.target, 0),
      achieved: results.reduce((sum, result) => sum + result.achieved, 0),
    };
  });
}

export function grantOutcomesSection(
  c: Context<AppEnv>,
  actor: Actor,
  detail: GrantDetail,
  values: Record<string, string>,
  errors: FieldErrors,
): SafeHtml {
  const { grant, project, projectChoices } = detail;
  const linkForm =
    canManageGrant(actor) && projectChoices.length > 0
      ? details({
          summary: project ? "Change the investment project" : "Link to an investment project",
          open: Object.keys(errors).length > 0,
          content: html`${formError(errors)}<form method="post" action="/grants/manage/grants/${grant.id}/project" novalidate>${csrfField(c)}
            ${select({
              name: "projectId",
              label: "Investment project this grant pays for",
              value: values.projectId ?? project?.id ?? "",
              error: errors.projectId,
              options: [
                { value: "", text: "No project" },
                ...projectChoices.map((choice) => ({ value: choice.id, text: choice.name })),
              ],
            })}
            ${button({ text: "Save project link", variant: "secondary" })}</form>`,
        })
      : "";
  return html`<h2 class="govuk-heading-m">Outcomes and investment project</h2>
    <p class="govuk-body">${
      project
        ? html`Pays for the investment project <a class="govuk-link" href="/investment/projects/${project.id}">${project.name}</a>.`
        : "Not linked to an investment project."
    }</p>
    ${linkForm}
    ${table({
      caption: "Reported against the agreement's outcomes",
      captionClasses: "govuk-table__caption--s",
      head: [{ text: "Outcome" }, { text: "Target", numeric: true }, { text: "Achieved", numeric: true }],
      rows: reportedByOutcome(detail).map((row) => [
        outcomeLabel(row.outcome),
        { content: formatNumber(row.target), numeric: true },
        { content: formatNumber(row.achieved), numeric: true },
      ]),
    })}`;
}
