import type { Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormPage } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { button, checkboxes, html, textInput } from "../../../platform/ui/index.ts";
import { categoryCode, saveWorkflowStatuses } from "../commands/configuration.ts";
import { updateSafetySettings } from "../commands/settings.ts";
import { actionTypes } from "../domain/actions.ts";
import { type Workflow, workflowNames, workflows } from "../domain/categories.ts";
import { loadSafetyConfiguration } from "../domain/configuration.ts";
import { getSafetySettings, type SafetySettings } from "../domain/settings.ts";
import { attempt, csrfField } from "./common.ts";

// The workflow statuses form and the thresholds form. Each is a plain POST form: no JavaScript needed.

const db = (c: Context<AppEnv>) => c.get("services").database.db;
type RequireManager = (c: Context<AppEnv>) => Actor;

/** A form number: digits only, else NaN so validation says "Enter … as a whole number". */
function formNumber(value: string | undefined): number {
  const text = (value ?? "").trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
}

export function workflowPages(app: Hono<AppEnv>, manager: RequireManager): void {
  const page: FormPage = async (c, values, errors = {}, status = 200) => {
    const actor = manager(c);
    const workflow = c.req.param("workflow") as Workflow;
    if (!workflows.includes(workflow)) throw notFound("Workflow not found");
    const statuses = (await loadSafetyConfiguration(db(c), actor.organisationId)).statuses[workflow];
    const rows = statuses.map((s, i) => {
      const fixed = s.code === "open" || s.code === "closed";
      return html`<div class="govuk-form-group"><h2 class="govuk-heading-s">${s.name}</h2>
        <input type="hidden" name="code-${i}" value="${s.code}">
        ${textInput({ name: `name-${i}`, label: "Name", value: values?.[`name-${i}`] ?? s.name, error: errors[`name-${i}`] })}
        ${s.code === "closed" ? "" : textInput({ name: `targetDays-${i}`, label: "Target days", hint: "Leave empty for no target", width: 4, inputmode: "numeric", value: values?.[`targetDays-${i}`] ?? s.targetDays ?? "", error: errors[`targetDays-${i}`] })}
        ${fixed ? "" : checkboxes({ name: `remove-${i}`, legend: { text: "Remove", classes: "govuk-visually-hidden" }, small: true, items: [{ value: "yes", text: `Remove ${s.name}` }], values: values?.[`remove-${i}`] ? ["yes"] : [] })}
      </div>`;
    });
    return renderPage(c, {
      title: `${workflowNames[workflow]} workflow`,
      errors,
      status,
      backLink: "/safety/settings",
      content: html`<h1 class="govuk-heading-l">${workflowNames[workflow]} workflow</h1>
        <p class="govuk-body">A case starts in the first status and ends in the last. Target days set when a case should have moved on.</p>
        <form method="post" action="/safety/settings/workflows/${workflow}" novalidate>${csrfField(c)}
          <input type="hidden" name="count" value="${statuses.length}">
          ${rows}
          <h2 class="govuk-heading-m">Add a status before closing</h2>
          ${textInput({ name: "newName", label: "New status name (optional)", value: values?.newName ?? "", error: errors.newName })}
          ${textInput({ name: "newTargetDays", label: "New status target days (optional)", width: 4, inputmode: "numeric", value: values?.newTargetDays ?? "", error: errors.newTargetDays })}
          ${button({ text: "Save workflow" })}
        </form>`,
    });
  };
  app.get("/safety/settings/workflows/:workflow", (c) => page(c, null));
  app.post("/safety/settings/workflows/:workflow", async (c) => {
    const values = await readForm(c);
    const count = Math.min(formNumber(values.count) || 0, 20);
    const target = (text: string | undefined) => (text?.trim() ? formNumber(text) : null);
    const statuses: { code: string; name: string; targetDays: number | null; field: number }[] = [];
    for (let i = 0; i < count; i++) {
      if (values[`remove-${i}`] === "yes") continue;
      statuses.push({
        code: values[`code-${i}`] ?? "",
        name: values[`name-${i}`] ?? "",
        targetDays: target(values[`targetDays-${i}`]),
        field: i,
      });
    }
    if (values.newName?.trim()) {
      const closedAt = statuses.findIndex((s) => s.code === "closed");
      statuses.splice(closedAt < 0 ? statuses.length : closedAt, 0, {
        code: categoryCode(values.newName),
        name: values.newName,
        targetDays: target(values.newTargetDays),
        field: -1,
      });
    }
    // Errors come back by position in the list: point them at the form's fields.
    const toFields = (errors: FieldErrors): FieldErrors =>
      Object.fromEntries(
        Object.entries(errors).map(([key, message]) => {
          const [index, field] = key.split(".");
          const at = statuses[Number(index)]?.field;
          if (at === undefined || field === undefined) return [key === "form" ? key : "form", message];
          if (at === -1) return [field === "targetDays" ? "newTargetDays" : "newName", message];
          return [`${field === "code" ? "name" : field}-${at}`, message];
        }),
      );
    const result = await attempt(
      () =>
        saveWorkflowStatuses(
          db(c),
          manager(c),
          c.get("now"),
          c.req.param("workflow"),
          statuses.map(({ field: _field, ...status }) => status),
        ),
      (errors) => page(c, values, toFields(errors), 422),
    );
    if (result instanceof Response) return result;
    return c.redirect("/safety/settings?done=workflow", 303);
  });
}

const thresholdFields: { key: Exclude<keyof SafetySettings, "actionTargetDays">; label: string }[] = [
  { key: "repeatWindowMonths", label: "Repeat window (months)" },
  { key: "repeatMinIncidents", label: "Incidents in the window that make a repeat victim or perpetrator" },
  { key: "triggerWindowMonths", label: "Community Trigger window (months)" },
  { key: "triggerMinReports", label: "Qualifying complaints that meet the Community Trigger" },
  {
    key: "triggerMinHateReports",
    label: "Qualifying complaints that meet the Community Trigger for a hate incident",
  },
  { key: "retentionYears", label: "Years after closure before a case is due for deletion" },
];

export function thresholdPages(app: Hono<AppEnv>, manager: RequireManager): void {
  const page: FormPage = async (c, values, errors = {}, status = 200) => {
    const actor = manager(c);
    const settings = await getSafetySettings(db(c), actor.organisationId);
    const value = (name: string, stored: number) => values?.[name] ?? String(stored);
    return renderPage(c, {
      title: "Thresholds and target days",
      errors,
      status,
      backLink: "/safety/settings",
      content: html`<h1 class="govuk-heading-l">Thresholds and target days</h1>
        <form method="post" action="/safety/settings/thresholds" novalidate>${csrfField(c)}
          ${thresholdFields.map((f) => textInput({ name: f.key, label: f.label, width: 4, inputmode: "numeric", value: value(f.key, settings[f.key]), error: errors[f.key] }))}
          <h2 class="govuk-heading-m">Action target days</h2>
          ${actionTypes.map((t) => textInput({ name: `action-${t.code}`, label: `${t.name} (days)`, width: 4, inputmode: "numeric", value: value(`action-${t.code}`, settings.actionTargetDays[t.code] ?? t.targetDays), error: errors[`action-${t.code}`] }))}
          ${button({ text: "Save thresholds" })}
        </form>`,
    });
  };
  app.get("/safety/settings/thresholds", (c) => page(c, null));
  app.post("/safety/settings/thresholds", async (c) => {
    const values = await readForm(c);
    const input: Partial<SafetySettings> = {
      actionTargetDays: Object.fromEntries(
        actionTypes.map((t) => [t.code, formNumber(values[`action-${t.code}`])]),
      ),
    };
    for (const field of thresholdFields) input[field.key] = formNumber(values[field.key]);
    const result = await attempt(
      () => updateSafetySettings(db(c), manager(c), c.get("now"), input),
      (errors) =>
        page(
          c,
          values,
          Object.fromEntries(
            Object.entries(errors).map(([key, message]) => [
              key.replace(/^actionTargetDays\./, "action-"),
              message,
            ]),
          ),
          422,
        ),
    );
    if (result instanceof Response) return result;
    return c.redirect("/safety/settings?done=thresholds", 303);
  });
}
