import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { checkboxes, html, radios, select, textarea, textInput } from "../../../platform/ui/index.ts";
import { addFunding } from "../commands/change-project.ts";
import { addSteeringMember, answerLifeMatrix, changeTheoryOfChange } from "../commands/edit-project.ts";
import { canManageProjects } from "../policy.ts";
import { getProject, listChangeTemplates } from "../queries/portfolio.ts";
import { editFormPage, editFormRoutes, numberFromForm, type ShowEditForm } from "./edit-form.ts";
import { answerItems, penceFromPounds, theoryOfChangeFromForm } from "./form-values.ts";
import { fundingLines, removeLinePages, steeringLines } from "./project-lines.ts";

const projectHref = (id: string) => `/investment/projects/${id}`;

/** Forms that change a project after it was created: theory of change, LIFE answers, budget, steering group. */
export function projectEditPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const editPage = editFormRoutes(app, {
    base: "/investment/projects/:id",
    mayEdit: canManageProjects,
    refusal: "Only officers and managers can change projects.",
    doneHref: projectHref,
  });

  editPage(
    "theory-of-change",
    showTheoryOfChange,
    (c, actor, id, values) => callForPage(c, changeTheoryOfChange, actor, id, theoryOfChangeFromForm(values)),
    "toc",
    {
      "theoryOfChange.inputs": "tocInputs",
      "theoryOfChange.activities": "tocActivities",
      "theoryOfChange.outputs": "tocOutputs",
      "theoryOfChange.outcomes": "tocOutcomes",
    },
  );

  editPage(
    "life",
    showLife,
    (c, actor, id, values) =>
      callForPage(c, answerLifeMatrix, actor, id, {
        need: values.need,
        bestPlaced: values.bestPlaced,
        canResource: values.canResource,
      }),
    "life",
  );

  editPage(
    "funding",
    showFunding,
    (c, actor, id, values) => {
      const amount = penceFromPounds(values.amount);
      return callForPage(c, addFunding, actor, id, {
        source: values.source ?? "",
        kind: values.kind,
        amountPence: amount === null ? undefined : amount,
        year: numberFromForm(values.year) ?? undefined,
        secured: values.secured === "yes",
      });
    },
    "funding",
    { amountPence: "amount" },
  );

  editPage(
    "steering",
    showSteering,
    (c, actor, id, values) =>
      callForPage(c, addSteeringMember, actor, id, {
        name: values.name ?? "",
        role: values.role ?? "",
        localPerson: values.localPerson === "yes",
      }),
    "steering",
  );

  app.route("/", removeLinePages());
  return app;
}

const showTheoryOfChange: ShowEditForm = async (c, actor, id, values, errors = {}) => {
  const db = c.get("services").database.db;
  const [project, templates] = await Promise.all([getProject(db, actor, id), listChangeTemplates(db, actor)]);
  const v = values ?? {
    changeTemplateId: "",
    tocInputs: project.tocInputs,
    tocActivities: project.tocActivities,
    tocOutputs: project.tocOutputs,
    tocOutcomes: project.tocOutcomes,
    indicatorCodes: project.indicatorCodes.join(", "),
  };
  return editFormPage(c, {
    title: "Theory of change",
    caption: project.name,
    action: `${projectHref(id)}/theory-of-change`,
    backLink: projectHref(id),
    errors,
    submit: "Save theory of change",
    fields: html`${select({ name: "changeTemplateId", label: "Apply a theory of change template", hint: "The template's inputs, activities, outputs, outcomes and indicators are copied to this project. Or leave this and edit the project's own below.", value: v.changeTemplateId, error: errors.changeTemplateId, options: [{ value: "", text: "Keep our own, as written below" }, ...templates.map((t) => ({ value: t.id, text: t.name }))] })}
      ${textarea({ name: "tocInputs", label: "Inputs", hint: "Money, staff, volunteers, buildings", value: v.tocInputs, error: errors.tocInputs, rows: 2 })}
      ${textarea({ name: "tocActivities", label: "Activities", value: v.tocActivities, error: errors.tocActivities, rows: 2 })}
      ${textarea({ name: "tocOutputs", label: "Outputs", hint: "What you will count: sessions, attendances", value: v.tocOutputs, error: errors.tocOutputs, rows: 2 })}
      ${textarea({ name: "tocOutcomes", label: "Outcomes", hint: "The changes for people", value: v.tocOutcomes, error: errors.tocOutcomes, rows: 2 })}
      ${textInput({ name: "indicatorCodes", label: "Indicator codes (optional)", hint: "From the strategy, separated by commas", value: v.indicatorCodes, error: errors.indicatorCodes })}`,
  });
};

const showLife: ShowEditForm = async (c, actor, id, values, errors = {}) => {
  const project = await getProject(c.get("services").database.db, actor, id);
  const v = values ?? {
    need: project.needAnswer,
    bestPlaced: project.bestPlacedAnswer,
    canResource: project.resourceAnswer,
  };
  const question = (name: string, text: string) =>
    radios({
      name,
      legend: { text, classes: "govuk-fieldset__legend--s" },
      inline: true,
      value: v[name],
      error: errors[name],
      items: answerItems,
    });
  return editFormPage(c, {
    title: "LIFE decision",
    caption: project.name,
    action: `${projectHref(id)}/life`,
    backLink: projectHref(id),
    errors,
    submit: "Save answers",
    fields: html`<p class="govuk-body">The answers decide our role: Lead, Influence, Follow or Exit.</p>
      ${question("need", "Is there a genuine need?")}
      ${question("bestPlaced", "Are we best placed to meet it?")}
      ${question("canResource", "Can we resource it?")}`,
  });
};

const showFunding: ShowEditForm = async (c, actor, id, values, errors = {}) => {
  const project = await getProject(c.get("services").database.db, actor, id);
  const v = values ?? { year: String(c.get("now").getUTCFullYear()), secured: "yes" };
  return editFormPage(c, {
    title: "Budget",
    caption: project.name,
    action: `${projectHref(id)}/funding`,
    backLink: projectHref(id),
    errors,
    submit: "Add funding line",
    before: fundingLines(c, project),
    fields: html`<h2 class="govuk-heading-m">Add a funding line</h2>
      ${textInput({ name: "source", label: "Source", hint: "For example: Community investment budget, National Lottery Community Fund", value: v.source, error: errors.source })}
      ${radios({
        name: "kind",
        legend: { text: "Internal or external funding?", classes: "govuk-fieldset__legend--s" },
        inline: true,
        value: v.kind,
        error: errors.kind,
        items: [
          { value: "internal", text: "Internal" },
          { value: "external", text: "External" },
        ],
      })}
      ${textInput({ name: "amount", label: "Amount, in pounds", prefix: "£", value: v.amount, error: errors.amount, width: 10, inputmode: "decimal" })}
      ${textInput({ name: "year", label: "Year", value: v.year, error: errors.year, width: 4, inputmode: "numeric" })}
      ${checkboxes({ name: "secured", legend: { text: "Secured", classes: "govuk-fieldset__legend--s" }, values: v.secured ? ["yes"] : [], items: [{ value: "yes", text: "The money is secured (not only applied for)" }] })}`,
  });
};

const showSteering: ShowEditForm = async (c, actor, id, values, errors = {}) => {
  const project = await getProject(c.get("services").database.db, actor, id);
  const v = values ?? {};
  return editFormPage(c, {
    title: "Steering group",
    caption: project.name,
    action: `${projectHref(id)}/steering`,
    backLink: projectHref(id),
    errors,
    submit: "Add member",
    before: steeringLines(c, project),
    fields: html`<h2 class="govuk-heading-m">Add a member</h2>
      ${textInput({ name: "name", label: "Name", value: v.name, error: errors.name })}
      ${textInput({ name: "role", label: "Role", hint: "For example: Chair, resident representative, partner", value: v.role, error: errors.role })}
      ${checkboxes({ name: "localPerson", legend: { text: "Local person", classes: "govuk-fieldset__legend--s" }, values: v.localPerson ? ["yes"] : [], items: [{ value: "yes", text: "Lives in the area the project serves" }] })}`,
  });
};
