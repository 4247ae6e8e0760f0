import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { button, html, type SafeHtml, textarea, textInput } from "../../../platform/ui/index.ts";
import type { MonitoringReturnInput } from "../commands/monitoring.ts";
import type { GrantAward, GrantMonitoringReturn, ProgrammeOutcome } from "../schema.ts";
import { outcomeLabel } from "./grant-outcomes-section.ts";
import { formError } from "./page-helpers.ts";

// The monitoring return form, used by staff on a grant's page and by the funded organisation
// on its own grant page: one group of fields per outcome in the agreement.

export function monitoringReturnForm(
  c: Context<AppEnv>,
  action: string,
  grant: GrantAward,
  due: GrantMonitoringReturn,
  outcomes: ProgrammeOutcome[],
  values: Record<string, string>,
  errors: FieldErrors,
): SafeHtml {
  return html`<h3 class="govuk-heading-s">Monitoring return: ${due.periodLabel}</h3>${formError(errors)}
    <form method="post" action="${action}" novalidate>${csrfField(c)}
      ${grant.outcomeCodes.map(
        (
          code,
          index,
        ) => html`<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Outcome ${outcomeLabel(outcomes.find((o) => o.code === code) ?? { code, title: code })}</legend>
          <input type="hidden" name="results.${index}.outcomeCode" value="${code}">
          ${textInput({ name: `results.${index}.measure`, id: `results-${index}-measure`, label: "What was measured", hint: "For example, people supported", value: values[`results.${index}.measure`], error: errors[`results.${index}.measure`] })}
          ${textInput({ name: `results.${index}.target`, id: `results-${index}-target`, label: "Target", value: values[`results.${index}.target`], error: errors[`results.${index}.target`], width: 5, inputmode: "numeric" })}
          ${textInput({ name: `results.${index}.achieved`, id: `results-${index}-achieved`, label: "Achieved", value: values[`results.${index}.achieved`], error: errors[`results.${index}.achieved`], width: 5, inputmode: "numeric" })}
        </fieldset>`,
      )}
      ${textarea({ name: "narrative", label: "Summary of progress", value: values.narrative, error: errors.narrative, rows: 3 })}
      ${button({ text: "Send return", variant: "secondary" })}
    </form>`;
}

export function returnInputFromForm(form: Record<string, string>): MonitoringReturnInput {
  const results: MonitoringReturnInput["results"] = [];
  for (let index = 0; form[`results.${index}.outcomeCode`] !== undefined && index < 30; index++) {
    results.push({
      outcomeCode: form[`results.${index}.outcomeCode`] ?? "",
      measure: form[`results.${index}.measure`] ?? "",
      target: form[`results.${index}.target`] ?? "",
      achieved: form[`results.${index}.achieved`] ?? "",
    });
  }
  return { results, narrative: form.narrative ?? "" };
}
