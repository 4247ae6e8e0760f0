// The ballot itself, shared by the resident's vote page and the officer's paper ballot
// form. Plain GOV.UK checkboxes (or number inputs for points) so it works on any phone
// without JavaScript; data-* attributes let budget-bar.js show a live running total.
import { html, type SafeHtml } from "../../../platform/ui/index.ts";
import { formatMoney } from "../money.ts";
import { costOf, type ProcessWithBudgets } from "../queries/processes.ts";
import type { PbBudget, PbProposal } from "../schema.ts";

export function choicesFrom(values: Record<string, string>, checked: string[]): Map<string, number> {
  const chosen = new Map<string, number>();
  for (const id of checked) chosen.set(id, 1);
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("points-") || value.trim() === "") continue;
    const n = /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    // 0 means "none"; anything that is not a whole number reaches the ballot check as NaN and is refused there.
    if (n !== 0) chosen.set(key.slice("points-".length), n);
  }
  return chosen;
}

function hintFor(process: ProcessWithBudgets, budget: PbBudget): string {
  if (process.ballotKind === "knapsack")
    return `Choose projects whose total cost is no more than ${formatMoney(budget.amountPence, process.currency)}.`;
  if (process.ballotKind === "cumulative")
    return `Share up to ${process.pointsTotal} points between the projects. Give more points to the ones you care about most.`;
  const min = process.minChoices ?? 1;
  if (process.maxChoices)
    return `Choose ${min === process.maxChoices ? min : `between ${min} and ${process.maxChoices}`} projects.`;
  return min > 1 ? `Choose at least ${min} projects.` : "Choose every project you support.";
}

export function runningTotal(
  process: ProcessWithBudgets,
  budget: PbBudget,
  proposals: PbProposal[],
  chosen: Map<string, number>,
): SafeHtml {
  const spent = proposals.filter((p) => chosen.has(p.id)).reduce((sum, p) => sum + costOf(p), 0);
  return html`<div class="govuk-inset-text" id="budget-total" data-budget="${budget.amountPence}" data-currency="${process.currency}" aria-live="polite">
    <p class="govuk-body govuk-!-margin-bottom-1">Your choices cost <strong data-role="spent">${formatMoney(spent, process.currency)}</strong> of <strong>${formatMoney(budget.amountPence, process.currency)}</strong>.</p>
    <p class="govuk-body govuk-!-margin-bottom-0" data-role="left">${spent > budget.amountPence ? `That is ${formatMoney(spent - budget.amountPence, process.currency)} over the budget.` : `${formatMoney(budget.amountPence - spent, process.currency)} left.`}</p>
    <progress class="kith-budget-bar" max="${budget.amountPence}" value="${Math.min(spent, budget.amountPence)}" hidden data-role="bar">${formatMoney(spent, process.currency)}</progress>
  </div>`;
}

export function ballotFields(
  process: ProcessWithBudgets,
  budget: PbBudget,
  proposals: PbProposal[],
  chosen: Map<string, number>,
  error?: string,
): SafeHtml {
  const errorHtml = error
    ? html`<p id="choices-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>`
    : "";
  const legend = html`<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Your choices for ${budget.name}</legend><div id="choices-hint" class="govuk-hint">${hintFor(process, budget)}</div>`;
  const describedBy = `choices-hint${error ? " choices-error" : ""}`;
  if (process.ballotKind === "cumulative") {
    return html`<div class="govuk-form-group${error ? " govuk-form-group--error" : ""}"><fieldset class="govuk-fieldset" aria-describedby="${describedBy}">${legend}${errorHtml}
      ${proposals.map((p, i) => html`<div class="govuk-form-group"><label class="govuk-label" for="${i === 0 ? "choices" : `points-${p.id}`}">${p.title} (${formatMoney(costOf(p), process.currency)}): points</label><input class="govuk-input govuk-input--width-3" id="${i === 0 ? "choices" : `points-${p.id}`}" name="points-${p.id}" type="text" inputmode="numeric" value="${chosen.get(p.id) ?? ""}"></div>`)}
    </fieldset></div>`;
  }
  return html`<div class="govuk-form-group${error ? " govuk-form-group--error" : ""}"><fieldset class="govuk-fieldset" aria-describedby="${describedBy}">${legend}${errorHtml}
    ${process.ballotKind === "knapsack" ? runningTotal(process, budget, proposals, chosen) : ""}
    <div class="govuk-checkboxes" data-module="govuk-checkboxes">
      ${proposals.map((p, i) => {
        const id = i === 0 ? "choices" : `choice-${p.id}`;
        return html`<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="choice" type="checkbox" value="${p.id}" data-cost="${costOf(p)}" aria-describedby="${id}-hint"${chosen.has(p.id) ? html` checked` : ""}><label class="govuk-label govuk-checkboxes__label" for="${id}">${p.title}</label><div id="${id}-hint" class="govuk-hint govuk-checkboxes__hint">${formatMoney(costOf(p), process.currency)} · ${p.location || p.category}</div></div>`;
      })}
    </div></fieldset></div>`;
}
