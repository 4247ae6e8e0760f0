import type { Context } from "hono";
import { Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormValues } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { type FieldErrors, notFound } from "../../../platform/http/problem.ts";
import { checkboxes, html, radios, select, textarea, textInput } from "../../../platform/ui/index.ts";
import { createIndicator, createTheme } from "../commands/define-strategy.ts";
import { addThemeOutcome, changeIndicator, setIndicatorTarget } from "../commands/edit-strategy.ts";
import { canManageStrategy } from "../policy.ts";
import { getStrategy } from "../queries/portfolio.ts";
import { indicatorLevels, indicatorUnits } from "../schema.ts";
import { editFormPage, editFormRoutes, numberFromForm, type ShowEditForm } from "./edit-form.ts";

const strategyHref = "/investment/strategy";
const levelItems = indicatorLevels.map((level) => ({
  value: level,
  text: level.charAt(0).toUpperCase() + level.slice(1),
}));
const unitNames: Record<(typeof indicatorUnits)[number], string> = {
  count: "Count of people or things",
  percent: "Percentage",
  pence: "Money (pence)",
  hours: "Hours",
  score: "Score",
};
const periodHint = "A year like 2026, or a financial year like 2026/27";

/** Forms that shape the strategy framework: themes, intended outcomes, the options map and its targets. */
export function strategyEditPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const editPage = editFormRoutes(app, {
    base: strategyHref,
    mayEdit: canManageStrategy,
    refusal: "Only managers can change the strategy.",
    doneHref: () => strategyHref,
  });
  editPage(
    "themes/new",
    showNewTheme,
    (c, actor, _id, values) =>
      callForPage(c, createTheme, actor, {
        code: values.code ?? "",
        name: values.name ?? "",
        description: values.description,
        crossCutting: values.crossCutting === "yes",
        outcomes: linesOf(values.outcomes),
      }),
    "theme",
    { outcomes: "outcomes" },
    "code",
  );
  editPage(
    "themes/:id/outcomes",
    showNewOutcome,
    (c, actor, id, values) => callForPage(c, addThemeOutcome, actor, id, { name: values.name ?? "" }),
    "outcome",
    {},
    "name",
  );
  editPage(
    "indicators/new",
    showNewIndicator,
    (c, actor, _id, values) => {
      const target = numberFromForm(values.target);
      const period = (values.period ?? "").trim();
      return callForPage(c, createIndicator, actor, {
        themeCode: values.themeCode ?? "",
        outcomeName: values.outcomeName || null,
        code: values.code ?? "",
        name: values.name ?? "",
        level: values.level as (typeof indicatorLevels)[number],
        unit: values.unit as (typeof indicatorUnits)[number],
        targets:
          period || target !== null
            ? [{ period, baseline: numberFromForm(values.baseline), target: target ?? Number.NaN }]
            : [],
      });
    },
    "indicator",
    { "targets.0.period": "period", "targets.0.baseline": "baseline", "targets.0.target": "target" },
    "code",
  );
  editPage(
    "indicators/:id",
    showIndicator,
    (c, actor, id, values) =>
      callForPage(c, changeIndicator, actor, id, {
        name: values.name ?? "",
        level: values.level,
        unit: values.unit,
      }),
    "indicator-changed",
  );
  editPage(
    "indicators/:id/targets",
    showTarget,
    (c, actor, id, values) =>
      callForPage(c, setIndicatorTarget, actor, id, {
        period: values.period ?? "",
        baseline: numberFromForm(values.baseline),
        target: numberFromForm(values.target) ?? undefined,
      }),
    "target",
  );
  return app;
}

function linesOf(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

async function findIndicator(c: Context<AppEnv>, actor: Actor, id: string) {
  const strategy = await getStrategy(c.get("services").database.db, actor);
  for (const theme of strategy) {
    const indicator = theme.indicators.find((i) => i.id === id);
    if (indicator) return { theme, indicator };
  }
  throw notFound("Indicator not found");
}

const showNewTheme: ShowEditForm = async (c, _actor, _id, values, errors = {}) => {
  const v = values ?? {};
  return editFormPage(c, {
    title: "Add a theme",
    action: `${strategyHref}/themes/new`,
    backLink: strategyHref,
    errors,
    submit: "Save theme",
    fields: html`${textInput({ name: "name", label: "Theme name", hint: "For example: Building active, resilient communities", value: v.name, error: errors.name })}
      ${textInput({ name: "code", label: "Short code", hint: "Lower-case letters, numbers and hyphens, like communities", value: v.code, error: errors.code, width: 20 })}
      ${textarea({ name: "description", label: "Description (optional)", value: v.description, error: errors.description, rows: 3 })}
      ${checkboxes({ name: "crossCutting", legend: { text: "Cross-cutting", classes: "govuk-fieldset__legend--s" }, values: v.crossCutting ? ["yes"] : [], items: [{ value: "yes", text: "This theme cuts across the others (for example, quality)" }] })}
      ${textarea({ name: "outcomes", label: "Intended outcomes (optional)", hint: "One per line", value: v.outcomes, error: errors.outcomes, rows: 4 })}`,
  });
};

const showNewOutcome: ShowEditForm = async (c, actor, id, values, errors = {}) => {
  const theme = (await getStrategy(c.get("services").database.db, actor)).find((t) => t.id === id);
  if (!theme) throw notFound("Theme not found");
  return editFormPage(c, {
    title: "Add an intended outcome",
    caption: theme.name,
    action: `${strategyHref}/themes/${id}/outcomes`,
    backLink: strategyHref,
    errors,
    submit: "Save outcome",
    fields: textInput({
      name: "name",
      label: "Intended outcome",
      hint: "For example: Residents are less isolated",
      value: values?.name,
      error: errors.name,
    }),
  });
};

const showNewIndicator: ShowEditForm = async (c, actor, _id, values, errors = {}) => {
  const strategy = await getStrategy(c.get("services").database.db, actor);
  const v = values ?? { themeCode: c.req.query("theme") ?? "" };
  const outcomes = strategy.flatMap((t) =>
    t.outcomes.map((o) => ({ value: o.name, text: `${t.name}: ${o.name}` })),
  );
  return editFormPage(c, {
    title: "Add an indicator to the options map",
    action: `${strategyHref}/indicators/new`,
    backLink: strategyHref,
    errors,
    submit: "Save indicator",
    fields: html`${select({ name: "themeCode", label: "Theme", value: v.themeCode, error: errors.themeCode, options: [{ value: "", text: "Choose a theme" }, ...strategy.map((t) => ({ value: t.code, text: t.name }))] })}
      ${select({ name: "outcomeName", label: "Intended outcome (optional)", hint: "An outcome of the chosen theme", value: v.outcomeName, error: errors.outcomeName, options: [{ value: "", text: "None" }, ...outcomes] })}
      ${textInput({ name: "name", label: "Indicator name", value: v.name, error: errors.name })}
      ${textInput({ name: "code", label: "Code", hint: "Letters, numbers and hyphens, like W4", value: v.code, error: errors.code, width: 10 })}
      ${radios({ name: "level", legend: { text: "Options map level", classes: "govuk-fieldset__legend--s" }, inline: true, value: v.level, error: errors.level, items: levelItems })}
      ${radios({ name: "unit", legend: { text: "Unit", classes: "govuk-fieldset__legend--s" }, value: v.unit, error: errors.unit, items: indicatorUnits.map((u) => ({ value: u, text: unitNames[u] })) })}
      <h2 class="govuk-heading-m">First target (optional)</h2>
      ${targetFields(v, errors)}`,
  });
};

function targetFields(v: FormValues, errors: FieldErrors) {
  return html`${textInput({ name: "period", label: "Period", hint: periodHint, value: v.period, error: errors.period, width: 10 })}
    ${textInput({ name: "baseline", label: "Baseline (optional)", value: v.baseline, error: errors.baseline, width: 10, inputmode: "decimal" })}
    ${textInput({ name: "target", label: "Target", value: v.target, error: errors.target, width: 10, inputmode: "decimal" })}`;
}

const showIndicator: ShowEditForm = async (c, actor, id, values, errors = {}) => {
  const { theme, indicator } = await findIndicator(c, actor, id);
  const v = values ?? { name: indicator.name, level: indicator.level, unit: indicator.unit };
  return editFormPage(c, {
    title: `Change indicator ${indicator.code}`,
    caption: theme.name,
    action: `${strategyHref}/indicators/${id}`,
    backLink: strategyHref,
    errors,
    submit: "Save indicator",
    fields: html`${textInput({ name: "name", label: "Indicator name", value: v.name, error: errors.name })}
      ${radios({ name: "level", legend: { text: "Options map level", classes: "govuk-fieldset__legend--s" }, inline: true, value: v.level, error: errors.level, items: levelItems })}
      ${radios({ name: "unit", legend: { text: "Unit", classes: "govuk-fieldset__legend--s" }, value: v.unit, error: errors.unit, items: indicatorUnits.map((u) => ({ value: u, text: unitNames[u] })) })}`,
  });
};

const showTarget: ShowEditForm = async (c, actor, id, values, errors = {}) => {
  const { indicator } = await findIndicator(c, actor, id);
  const current = indicator.targets.map(
    (t) => `${t.period}: baseline ${t.baseline ?? "none"}, target ${t.target}`,
  );
  return editFormPage(c, {
    title: `Baseline and target for ${indicator.code}`,
    caption: indicator.name,
    action: `${strategyHref}/indicators/${id}/targets`,
    backLink: strategyHref,
    errors,
    submit: "Save target",
    before: current.length
      ? html`<p class="govuk-body">Targets so far. Entering a period again replaces its figures.</p><ul class="govuk-list govuk-list--bullet">${current.map((t) => html`<li>${t}</li>`)}</ul>`
      : html`<p class="govuk-body">No targets yet.</p>`,
    fields: targetFields(values ?? {}, errors),
  });
};
