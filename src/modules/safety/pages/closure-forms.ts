import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { requireActor } from "../../../platform/http/render.ts";
import { button, html, radios, type SafeHtml, textarea, textInput } from "../../../platform/ui/index.ts";
import { closeCase } from "../commands/close-case.ts";
import { reopenCase } from "../commands/reopen-case.ts";
import { findActionType } from "../domain/actions.ts";
import { closureOutcomeNames, closureOutcomes } from "../domain/categories.ts";
import { type ActionDecision, tsmAsbQuestion } from "../domain/satisfaction.ts";
import { getCase } from "../queries/get-case.ts";
import { caseForm } from "./case-forms.ts";

// Closing a case as a reviewed step, and reopening it. Each open action gets its own decision
// (completed or cancelled, with why), so nothing is cancelled silently.

const db = (c: Context<AppEnv>) => c.get("services").database.db;

/** Decisions from the form: `action-<id>` is completed or cancelled, `actionReason-<id>` says why. */
function actionDecisionsFrom(values: Record<string, string>) {
  const actions: Record<string, { decision?: ActionDecision; reason?: string }> = {};
  for (const [key, value] of Object.entries(values)) {
    const decided = /^action-(.+)$/.exec(key);
    if (decided?.[1] && (value === "completed" || value === "cancelled"))
      actions[decided[1]] = { decision: value, reason: values[`actionReason-${decided[1]}`] || undefined };
  }
  return actions;
}

export function closureForms(app: Hono<AppEnv>): void {
  caseForm(
    app,
    "close",
    "Close the case",
    async (c, caseId, values, errors) => {
      const file = await getCase(db(c), requireActor(c), c.get("now"), caseId);
      const open = file.actions.filter((a) => a.status === "open");
      const decisions: SafeHtml[] = open.map((a) => {
        const name = findActionType(a.actionType)?.name ?? a.actionType;
        return html`<div class="govuk-form-group">
          ${radios({
            name: `action-${a.id}`,
            legend: { text: `${name}, started ${a.startedOn}`, classes: "govuk-fieldset__legend--s" },
            value: values[`action-${a.id}`],
            error: errors[`action-${a.id}`],
            inline: true,
            small: true,
            items: [
              { value: "completed", text: "Completed" },
              { value: "cancelled", text: "Cancelled" },
            ],
          })}
          ${textInput({ name: `actionReason-${a.id}`, label: `Why (needed if ${name} is cancelled)`, value: values[`actionReason-${a.id}`], error: errors[`actionReason-${a.id}`] })}
        </div>`;
      });
      return html`${
        open.length
          ? html`<h2 class="govuk-heading-m">Open actions</h2><p class="govuk-body">Say what happened to each open action before the case closes.</p>${decisions}`
          : html`<p class="govuk-body">The case has no open actions.</p>`
      }
      <h2 class="govuk-heading-m">The closure</h2>
      ${radios({ name: "outcome", legend: { text: "Outcome", classes: "govuk-fieldset__legend--s" }, value: values.outcome, error: errors.outcome, items: closureOutcomes.map((o) => ({ value: o, text: closureOutcomeNames[o] })) })}
      ${textarea({ name: "reason", label: "Why the case is closing", hint: "For the case record. The complainant does not see this.", value: values.reason, error: errors.reason, rows: 3 })}
      ${textarea({ name: "note", label: "Closing note (shared with the complainant)", value: values.note, error: errors.note, rows: 3 })}
      <p class="govuk-body">Each complainant will be asked: “${tsmAsbQuestion}” (by email where we have their address, and in their case in the tenant portal).</p>
      ${button({ text: "Close case", classes: "govuk-button--warning" })}`;
    },
    (c, caseId, values) =>
      closeCase(db(c), requireActor(c), c.get("now"), caseId, {
        outcome: (values.outcome || undefined) as (typeof closureOutcomes)[number],
        reason: values.reason ?? "",
        note: values.note || null,
        actions: actionDecisionsFrom(values),
      }),
  );

  caseForm(
    app,
    "reopen",
    "Reopen the case",
    async (_c, _caseId, values, errors) => html`
      ${textarea({ name: "reason", label: "Why the case is reopening", hint: "This goes on the case timeline and in the audit log.", value: values.reason, error: errors.reason, rows: 4 })}
      ${button({ text: "Reopen case" })}`,
    (c, caseId, values) =>
      reopenCase(db(c), requireActor(c), c.get("now"), caseId, { reason: values.reason ?? "" }),
  );
}
