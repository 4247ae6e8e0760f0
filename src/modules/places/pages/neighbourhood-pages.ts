import { Hono } from "hono";
import { isManagerOrAbove } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  decileScale,
  html,
  radios,
  select,
  table,
  tag,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { overridePriority, setPriorityRule } from "../commands/priority-rule.ts";
import { listNeighbourhoods, listOrganisationAreas, listPriorityNeighbourhoods } from "../queries/areas.ts";
import { imdEditions } from "../schema.ts";
import { placesNav } from "./places-nav.ts";

const messages = {
  rule: "The priority rule has been saved.",
  override: "The neighbourhood change has been saved.",
};

export function neighbourhoodPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // No LSOA boundary shapes ship with Kith (the machines have no internet), so the
  // deprivation view is a decile chart with the counts plus a sortable table.
  app.get("/places/neighbourhoods", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const laCode = c.req.query("laCode") || undefined;
    const [result, areas, priority] = await Promise.all([
      listNeighbourhoods(db, actor, { laCode }),
      listOrganisationAreas(db, actor),
      listPriorityNeighbourhoods(db, actor.organisationId),
    ]);
    const counts = Array.from({ length: 10 }, (_, i) =>
      result.rows.filter((row) => row.imdDecile === i + 1).reduce((sum, row) => sum + row.homes, 0),
    );
    const withHomes = result.rows.filter((row) => row.homes > 0);
    const errors = c.req.query("error") ? { rule: "Check the rule" } : undefined;
    return renderPage(c, {
      title: "Neighbourhoods and deprivation",
      fullWidth: true,
      errors,
      notification: flashFrom(c, messages),
      content: html`${placesNav("/places/neighbourhoods")}
        <h1 class="govuk-heading-l">Neighbourhoods and deprivation</h1>
        <p class="govuk-body">Deprivation from the ${imdEditions[result.edition]}. Decile 1 is the most deprived 10% of neighbourhoods in England.</p>
        <form method="get" action="/places/neighbourhoods" class="govuk-!-margin-bottom-6">
          ${select({ name: "laCode", label: "Local authority", value: laCode, options: [{ value: "", text: "All areas" }, ...areas.map((a) => ({ value: a.laCode, text: a.name }))] })}
          ${button({ text: "Show", variant: "secondary" })}
        </form>
        <h2 class="govuk-heading-m">Local authority profiles</h2>
        <ul class="govuk-list">${areas.map((a) => html`<li><a class="govuk-link" href="/places/districts/${a.laCode}">${a.name}</a></li>`)}</ul>
        ${decileScale({ id: "homes-by-decile", title: "Homes by deprivation decile", description: "How many of our homes are in neighbourhoods of each deprivation decile", counts, countLabel: "Homes", table: "visible" })}
        <h2 class="govuk-heading-m">Priority neighbourhoods (${priority.length})</h2>
        <p class="govuk-body">At least half of community development activity should take place in these neighbourhoods.</p>
        ${table({
          caption: "Priority neighbourhoods",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Neighbourhood" },
            { text: "Local authority" },
            { text: "IMD rank", numeric: true },
            { text: "Decile", numeric: true },
            { text: "Why" },
          ],
          rows: priority.map((n) => [
            html`<a class="govuk-link" href="/places/neighbourhoods/${n.code}">${n.name}</a> <span class="govuk-body-s">${n.code}</span>`,
            n.laName,
            { content: n.imdRank.toLocaleString("en-GB"), numeric: true },
            { content: n.imdDecile, numeric: true },
            html`${n.source === "manual" ? tag("Added by hand", "purple") : ""} ${n.reason}`,
          ]),
        })}
        ${isManagerOrAbove(actor) ? priorityForms(c.get("csrfToken"), result.edition) : ""}
        <h2 class="govuk-heading-m">Neighbourhoods with our homes (${withHomes.length})</h2>
        ${table({
          caption: "Neighbourhoods with our homes",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Neighbourhood" },
            { text: "Local authority" },
            { text: "Decile", numeric: true },
            { text: "Homes", numeric: true },
            { text: "Priority" },
          ],
          rows: withHomes.map((row) => [
            html`<a class="govuk-link" href="/places/neighbourhoods/${row.code}">${row.name}</a>`,
            row.laName,
            { content: row.imdDecile, numeric: true },
            { content: row.homes, numeric: true },
            row.priority ? tag("Priority", "orange") : "",
          ]),
        })}`,
    });
  });

  app.post("/places/priority-rule", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      await setPriorityRule(c.get("services").database.db, actor, c.get("now"), values);
    } catch (error) {
      if (error instanceof Problem && error.status === 422) return badPriorityInput(c, error);
      throw error;
    }
    return c.redirect("/places/neighbourhoods?done=rule", 303);
  });

  app.post("/places/priority-overrides", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      await overridePriority(c.get("services").database.db, actor, c.get("now"), {
        ...values,
        included: values.included === "yes",
      });
    } catch (error) {
      if (error instanceof Problem && error.status === 422) return badPriorityInput(c, error);
      throw error;
    }
    return c.redirect("/places/neighbourhoods?done=override", 303);
  });
  return app;
}

function badPriorityInput(c: Parameters<typeof renderPage>[0], error: Problem) {
  return renderPage(c, {
    title: "Check the priority change",
    status: 422,
    errors: error.fieldErrors,
    backLink: "/places/neighbourhoods",
    content: html`<h1 class="govuk-heading-l">Check the priority change</h1><p class="govuk-body">${error.detail}</p><p class="govuk-body"><a class="govuk-link" href="/places/neighbourhoods">Go back and try again</a></p>`,
  });
}

function priorityForms(csrfToken: string, edition: string) {
  const csrf = html`<input type="hidden" name="_csrf" value="${csrfToken}">`;
  return html`<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Change the priority rule or add a neighbourhood by hand</span></summary><div class="govuk-details__text">
    <form method="post" action="/places/priority-rule" novalidate>${csrf}
      ${radios({ name: "edition", legend: { text: "Deprivation edition", classes: "govuk-fieldset__legend--s" }, value: edition, items: Object.entries(imdEditions).map(([value, text]) => ({ value, text })) })}
      ${textInput({ name: "maxDecile", label: "Priority if the IMD decile is at most", width: 2, inputmode: "numeric", value: "2" })}
      ${button({ text: "Save rule", variant: "secondary" })}
    </form>
    <form method="post" action="/places/priority-overrides" novalidate>${csrf}<input type="hidden" name="edition" value="${edition}">
      ${textInput({ name: "lsoaCode", label: "Neighbourhood (LSOA code)", width: 10, hint: "Like E01024532" })}
      ${radios({
        name: "included",
        legend: { text: "Change", classes: "govuk-fieldset__legend--s" },
        value: "yes",
        items: [
          { value: "yes", text: "Add as a priority neighbourhood" },
          { value: "no", text: "Remove from the priority list" },
        ],
      })}
      ${textarea({ name: "reason", label: "Reason", hint: "For example: a new estate with high need not yet reflected in the indices" })}
      ${button({ text: "Save change", variant: "secondary" })}
    </form></div></details>`;
}
