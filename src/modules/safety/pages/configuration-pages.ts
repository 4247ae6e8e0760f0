import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormPage } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage } from "../../../platform/http/render.ts";
import { button, html, radios, table, tag, textarea, textInput } from "../../../platform/ui/index.ts";
import { saveCategory } from "../commands/configuration.ts";
import { nsirTypes, type Workflow, workflowNames, workflows } from "../domain/categories.ts";
import { categoryIn, loadSafetyConfiguration } from "../domain/configuration.ts";
import { attempt, csrfField, requireSafetyManager, safetyNav } from "./common.ts";
import { thresholdPages, workflowPages } from "./configuration-forms.ts";

// Settings pages (managers and admins): categories, workflows, thresholds and action target days.

const db = (c: Context<AppEnv>) => c.get("services").database.db;

const manager = requireSafetyManager;

export function configurationPages(app: Hono<AppEnv>): void {
  app.get("/safety/settings", async (c) => {
    const actor = manager(c);
    const configuration = await loadSafetyConfiguration(db(c), actor.organisationId);
    return renderPage(c, {
      title: "Community safety settings",
      fullWidth: true,
      notification: flashFrom(c, {
        category: "The category has been saved.",
        workflow: "The workflow has been saved.",
        thresholds: "The thresholds have been saved.",
      }),
      content: html`${safetyNav("/safety/settings")}<h1 class="govuk-heading-l">Community safety settings</h1>
        <ul class="govuk-list">
          <li><a class="govuk-link" href="/safety/settings/thresholds">Repeats, Community Trigger, retention and action target days</a></li>
          <li><a class="govuk-link" href="/safety/risk-matrices">Risk matrix versions and review cadence</a></li>
          <li><a class="govuk-link" href="/safety/letters">Letter templates</a></li>
        </ul>
        <h2 class="govuk-heading-m">Workflows</h2>
        ${table({
          caption: "Workflows",
          captionClasses: "govuk-visually-hidden",
          head: [{ text: "Workflow" }, { text: "Statuses (target days)" }],
          rows: workflows.map((workflow) => [
            html`<a class="govuk-link" href="/safety/settings/workflows/${workflow}">${workflowNames[workflow]}</a>`,
            configuration.statuses[workflow]
              .map((s) => `${s.name}${s.targetDays ? ` (${s.targetDays})` : ""}`)
              .join(", "),
          ]),
        })}
        <h2 class="govuk-heading-m">Categories</h2>
        <a class="govuk-button govuk-button--secondary" href="/safety/settings/categories/new" data-module="govuk-button">Add a category</a>
        ${table({
          caption: "Categories",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Category" },
            { text: "Workflow" },
            { text: "Counts for NM01" },
            { text: "Sub-categories" },
          ],
          rows: configuration.categories.map((category) => [
            html`<a class="govuk-link" href="/safety/settings/categories/${category.code}">${category.name}</a>${category.retired ? html` ${tag("Retired", "grey")}` : ""}`,
            workflowNames[category.workflow],
            category.countsAsAsb ? "Yes" : "No",
            category.subCategories.join(", "),
          ]),
        })}`,
    });
  });

  const categoryPage: FormPage = async (c, values, errors = {}, status = 200) => {
    const actor = manager(c);
    const code = c.req.param("code") ?? null;
    const configuration = await loadSafetyConfiguration(db(c), actor.organisationId);
    const existing = code ? categoryIn(configuration, code) : undefined;
    if (code && (!existing || existing.code !== code)) throw notFound("Category not found");
    const current = values ?? {
      name: existing?.name ?? "",
      workflow: existing?.workflow ?? "",
      nsirType: existing?.nsirType ?? "",
      countsAsAsb: existing ? (existing.countsAsAsb ? "yes" : "no") : "",
      subCategories: existing?.subCategories.join("\n") ?? "",
      retired: existing?.retired ? "yes" : "no",
    };
    const action = code ? `/safety/settings/categories/${code}` : "/safety/settings/categories/new";
    return renderPage(c, {
      title: existing ? `Change ${existing.name}` : "Add a category",
      errors,
      status,
      backLink: "/safety/settings",
      content: html`<h1 class="govuk-heading-l">${existing ? `Change ${existing.name}` : "Add a category"}</h1>
        <form method="post" action="${action}" novalidate>${csrfField(c)}
          ${textInput({ name: "name", label: "Name", value: current.name, error: errors.name })}
          ${radios({ name: "workflow", legend: "Workflow", value: current.workflow, error: errors.workflow, items: workflows.map((w) => ({ value: w, text: workflowNames[w as Workflow] })) })}
          ${radios({ name: "nsirType", legend: "NSIR type", value: current.nsirType, error: errors.nsirType, inline: true, items: nsirTypes.map((t) => ({ value: t, text: t[0]?.toUpperCase() + t.slice(1) })) })}
          ${radios({
            name: "countsAsAsb",
            legend: "Do cases in this category count as ASB for NM01?",
            value: current.countsAsAsb,
            error: errors.countsAsAsb,
            inline: true,
            items: [
              { value: "yes", text: "Yes" },
              { value: "no", text: "No" },
            ],
          })}
          ${textarea({ name: "subCategories", label: "Sub-categories", hint: "One per line", value: current.subCategories, error: errors.subCategories, rows: 6 })}
          ${
            existing
              ? radios({
                  name: "retired",
                  legend: "Is this category still used for new cases?",
                  hint: "Existing cases keep a retired category.",
                  value: current.retired,
                  inline: true,
                  items: [
                    { value: "no", text: "Yes, in use" },
                    { value: "yes", text: "No, retired" },
                  ],
                })
              : ""
          }
          ${button({ text: "Save category" })}
        </form>`,
    });
  };
  const saveCategoryForm = async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    const yesNo = (value: string | undefined) =>
      value === "yes" ? true : value === "no" ? false : undefined;
    const result = await attempt(
      () =>
        saveCategory(db(c), manager(c), c.get("now"), c.req.param("code") ?? null, {
          name: values.name ?? "",
          workflow: values.workflow as Workflow,
          nsirType: values.nsirType as (typeof nsirTypes)[number],
          countsAsAsb: yesNo(values.countsAsAsb) as boolean,
          subCategories: (values.subCategories ?? "")
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean),
          retired: values.retired === "yes",
        }),
      (errors) => categoryPage(c, values, errors, 422),
    );
    if (result instanceof Response) return result;
    return c.redirect("/safety/settings?done=category", 303);
  };
  app.get("/safety/settings/categories/new", (c) => categoryPage(c, null));
  app.post("/safety/settings/categories/new", saveCategoryForm);
  app.get("/safety/settings/categories/:code", (c) => categoryPage(c, null));
  app.post("/safety/settings/categories/:code", saveCategoryForm);
  workflowPages(app, manager);
  thresholdPages(app, manager);
}
