import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { button, checkboxes, html, radios, select, textarea, textInput } from "../../../platform/ui/index.ts";
import { listPartnerOrganisations } from "../../people/index.ts";
import { listOrganisationAreas } from "../../places/index.ts";
import type { ProjectInput } from "../inputs.ts";
import { getStrategy, listChangeTemplates } from "../queries/portfolio.ts";
import { answerItems, penceFromPounds, stageNames, theoryOfChangeFromForm } from "./form-values.ts";

export type ProjectFormValues = Record<string, string> & { themeCodes?: string; followUps?: string };

/** The project form: staff case work, so one page with every section, each labelled. */
export async function projectForm(
  c: Context<AppEnv>,
  actor: Actor,
  values: ProjectFormValues,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
) {
  const db = c.get("services").database.db;
  const [strategy, templates, areas, partners] = await Promise.all([
    getStrategy(db, actor),
    listChangeTemplates(db, actor),
    listOrganisationAreas(db, actor),
    listPartnerOrganisations(db, actor),
  ]);
  const themeValues = (values.themeCodes ?? "").split(",").filter(Boolean);
  return renderPage(c, {
    title: "Add a project or service",
    errors,
    status,
    backLink: "/investment",
    content: html`<h1 class="govuk-heading-l">Add a project or service</h1>
      <form method="post" action="/investment/projects/new" novalidate>${csrfField(c)}
        ${textInput({ name: "name", label: "Name", value: values.name, error: errors.name })}
        ${textarea({ name: "summary", label: "Summary (optional)", value: values.summary, error: errors.summary, rows: 3 })}
        ${radios({
          name: "kind",
          legend: { text: "Is this a project or an ongoing service?", classes: "govuk-fieldset__legend--s" },
          inline: true,
          value: values.kind,
          error: errors.kind,
          items: [
            { value: "project", text: "Project" },
            { value: "service", text: "Service" },
          ],
        })}
        ${radios({ name: "stage", legend: { text: "Stage", classes: "govuk-fieldset__legend--s" }, inline: true, value: values.stage, error: errors.stage, items: Object.entries(stageNames).map(([value, text]) => ({ value, text })) })}
        ${checkboxes({ name: "themeCodes", legend: { text: "Themes", classes: "govuk-fieldset__legend--s" }, values: themeValues, error: errors.themeCodes, items: strategy.map((t) => ({ value: t.code, text: t.name })) })}
        ${select({ name: "laCode", label: "Area", value: values.laCode, error: errors.laCode, options: [{ value: "", text: "Choose an area" }, ...areas.map((a) => ({ value: a.laCode, text: a.name }))] })}
        ${textInput({ name: "lsoa21Code", label: "Neighbourhood code (optional)", hint: "The 2021 LSOA code, like E01016012, if the project serves one neighbourhood", value: values.lsoa21Code, error: errors.lsoa21Code, width: 10 })}
        ${checkboxes({ name: "communityDevelopment", legend: { text: "Community development", classes: "govuk-fieldset__legend--s" }, values: values.communityDevelopment ? ["yes"] : [], items: [{ value: "yes", text: "This is community development activity (counts toward the 50% priority-neighbourhood target)" }] })}
        ${select({ name: "leadPartnerId", label: "Lead organisation", hint: "Leave as us, or choose the partner that leads (for Follow and Influence roles)", value: values.leadPartnerId, error: errors.leadPartnerId, options: [{ value: "", text: "We lead it" }, ...partners.map((p) => ({ value: p.id, text: p.name }))] })}
        ${partners.length ? checkboxes({ name: "partnerIds", legend: { text: "Partner organisations (optional)", classes: "govuk-fieldset__legend--s" }, small: true, values: (values.partnerIds ?? "").split(",").filter(Boolean), error: errors.partnerIds, items: partners.map((p) => ({ value: p.id, text: p.name })) }) : ""}
        <h2 class="govuk-heading-m">Should we do this? (LIFE)</h2>
        ${radios({ name: "need", legend: { text: "Is there a genuine need?", classes: "govuk-fieldset__legend--s" }, inline: true, value: values.need, error: errors.need, items: answerItems })}
        ${radios({ name: "bestPlaced", legend: { text: "Are we best placed to meet it?", classes: "govuk-fieldset__legend--s" }, inline: true, value: values.bestPlaced, error: errors.bestPlaced, items: answerItems })}
        ${radios({ name: "canResource", legend: { text: "Can we resource it?", classes: "govuk-fieldset__legend--s" }, inline: true, value: values.canResource, error: errors.canResource, items: answerItems })}
        <h2 class="govuk-heading-m">Theory of change</h2>
        ${select({ name: "changeTemplateId", label: "Use a theory of change template", hint: "Or leave this and write the project's own below", value: values.changeTemplateId, error: errors.changeTemplateId, options: [{ value: "", text: "Write our own" }, ...templates.map((t) => ({ value: t.id, text: t.name }))] })}
        ${textarea({ name: "tocInputs", label: "Inputs", hint: "Money, staff, volunteers, buildings", value: values.tocInputs, error: errors.tocInputs, rows: 2 })}
        ${textarea({ name: "tocActivities", label: "Activities", value: values.tocActivities, error: errors.tocActivities, rows: 2 })}
        ${textarea({ name: "tocOutputs", label: "Outputs", hint: "What you will count: sessions, attendances", value: values.tocOutputs, error: errors.tocOutputs, rows: 2 })}
        ${textarea({ name: "tocOutcomes", label: "Outcomes", hint: "The changes for people", value: values.tocOutcomes, error: errors.tocOutcomes, rows: 2 })}
        ${textInput({ name: "indicatorCodes", label: "Indicator codes (optional)", hint: "From the strategy, separated by commas", value: values.indicatorCodes, error: errors.indicatorCodes })}
        ${checkboxes({
          name: "followUps",
          legend: { text: "Follow up outcomes after", classes: "govuk-fieldset__legend--s" },
          values: (values.followUps ?? "").split(",").filter(Boolean),
          items: [
            { value: "6", text: "6 months" },
            { value: "12", text: "12 months" },
          ],
        })}
        <h2 class="govuk-heading-m">Budget</h2>
        ${textInput({ name: "budgetYear", label: "Budget year", value: values.budgetYear, error: errors.budgetYear, width: 4, inputmode: "numeric" })}
        ${textInput({ name: "internalSource", label: "Internal funding source (optional)", value: values.internalSource, error: errors.internalSource })}
        ${textInput({ name: "internalAmount", label: "Internal funding, in pounds (optional)", prefix: "£", value: values.internalAmount, error: errors.internalAmount, width: 10, inputmode: "decimal" })}
        ${textInput({ name: "externalSource", label: "External funding source (optional)", value: values.externalSource, error: errors.externalSource })}
        ${textInput({ name: "externalAmount", label: "External funding, in pounds (optional)", prefix: "£", value: values.externalAmount, error: errors.externalAmount, width: 10, inputmode: "decimal" })}
        <h2 class="govuk-heading-m">Steering group</h2>
        ${textarea({ name: "steering", label: "Members (optional)", hint: "One per line: name, role, and 'local' for a local resident. For example: Pat Jones, Chair, local", value: values.steering, error: errors.steering, rows: 4 })}
        ${button({ text: "Save project" })}
      </form>`,
  });
}

/** Turns the submitted form into the command's input; money and lines that do not parse become errors. */
export function projectInputFromForm(values: ProjectFormValues): {
  input: ProjectInput;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const year = Number(values.budgetYear);
  const funding: ProjectInput["funding"] = [];
  for (const kind of ["internal", "external"] as const) {
    const amount = penceFromPounds(values[`${kind}Amount`]);
    if (amount === null) continue;
    if (Number.isNaN(amount)) errors[`${kind}Amount`] = "Enter the amount in pounds, like 1250 or 1250.50";
    else if (!Number.isInteger(year) || year < 2000 || year > 2100)
      errors.budgetYear = "Enter the budget year, like 2026";
    else
      funding.push({
        source: values[`${kind}Source`] || (kind === "internal" ? "Internal budget" : "External funder"),
        kind,
        amountPence: amount,
        year,
      });
  }
  const steering: ProjectInput["steering"] = [];
  (values.steering ?? "").split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const [name, role, local] = line.split(",").map((part) => part.trim());
    if (!name || !role) errors.steering ??= `Line ${index + 1}: write the name and role separated by a comma`;
    else steering.push({ name, role, localPerson: /^local/i.test(local ?? "") });
  });
  const input: ProjectInput = {
    name: values.name ?? "",
    summary: values.summary,
    kind: values.kind as ProjectInput["kind"],
    stage: values.stage as ProjectInput["stage"],
    communityDevelopment: Boolean(values.communityDevelopment),
    themeCodes: (values.themeCodes ?? "").split(",").filter(Boolean),
    areas: values.laCode
      ? [
          {
            laCode: values.laCode,
            lsoa21Code: values.lsoa21Code?.trim() ? values.lsoa21Code.trim().toUpperCase() : null,
          },
        ]
      : [],
    need: values.need as ProjectInput["need"],
    bestPlaced: values.bestPlaced as ProjectInput["bestPlaced"],
    canResource: values.canResource as ProjectInput["canResource"],
    leadPartnerId: values.leadPartnerId || null,
    partnerIds: (values.partnerIds ?? "").split(",").filter(Boolean),
    ...theoryOfChangeFromForm(values),
    followUpMonths: (values.followUps ?? "")
      .split(",")
      .filter(Boolean)
      .map(Number) as ProjectInput["followUpMonths"],
    funding,
    steering,
  };
  return { input, errors };
}

export const projectErrorFields = {
  areas: "laCode",
  theoryOfChange: "tocInputs",
  funding: "internalAmount",
  steering: "steering",
  followUpMonths: "followUps",
  leadPartnerId: "leadPartnerId",
  partnerIds: "partnerIds",
  assetId: "name",
};
