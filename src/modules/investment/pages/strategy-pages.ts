import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { html, type SafeHtml, summaryList, table } from "../../../platform/ui/index.ts";
import { canManageStrategy } from "../policy.ts";
import { getStrategy, listChangeTemplates } from "../queries/portfolio.ts";
import { investmentNav } from "./investment-nav.ts";

const levelNames = { individual: "Individual", community: "Community", business: "Business" } as const;

/** Themes, intended outcomes and the options map of indicators with baselines and targets. */
export function strategyPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/investment/strategy", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const [themes, templates] = await Promise.all([getStrategy(db, actor), listChangeTemplates(db, actor)]);
    const manager = canManageStrategy(actor);
    const link = (href: string, text: string | SafeHtml): SafeHtml | string =>
      manager ? html`<a class="govuk-link" href="${href}">${text}</a>` : "";
    return renderPage(c, {
      title: "Investment strategy",
      fullWidth: true,
      notification: flashFrom(c, {
        theme: "The theme has been added.",
        outcome: "The intended outcome has been added.",
        indicator: "The indicator has been added to the options map.",
        "indicator-changed": "The indicator has been changed.",
        target: "The baseline and target have been saved.",
      }),
      content: html`${investmentNav("/investment/strategy")}<h1 class="govuk-heading-l">Investment strategy</h1>
        ${manager ? html`<p class="govuk-body">${link("/investment/strategy/themes/new", "Add a theme")} · ${link("/investment/strategy/indicators/new", "Add an indicator")}</p>` : ""}
        ${themes.map(
          (
            theme,
          ) => html`<h2 class="govuk-heading-m">${theme.name}${theme.crossCutting ? " (cross-cutting)" : ""}</h2>
            ${theme.description ? html`<p class="govuk-body">${theme.description}</p>` : ""}
            <h3 class="govuk-heading-s">Intended outcomes</h3>
            <ul class="govuk-list govuk-list--bullet">${theme.outcomes.map((o) => html`<li>${o.name}</li>`)}</ul>
            ${manager ? html`<p class="govuk-body">${link(`/investment/strategy/themes/${theme.id}/outcomes`, html`Add an intended outcome<span class="govuk-visually-hidden"> to ${theme.name}</span>`)}</p>` : ""}
            ${table({
              caption: `Options map: ${theme.name}`,
              captionClasses: "govuk-table__caption--s",
              head: [
                { text: "Code" },
                { text: "Indicator" },
                { text: "Level" },
                { text: "Baseline and targets" },
                ...(manager ? [{ text: "Change" }] : []),
              ],
              rows: theme.indicators.map((i) => [
                i.code,
                i.name,
                levelNames[i.level],
                i.targets.map((t) => `${t.period}: ${t.baseline ?? "–"} → ${t.target}`).join("; ") || "–",
                ...(manager
                  ? [
                      html`${link(`/investment/strategy/indicators/${i.id}`, html`Indicator<span class="govuk-visually-hidden"> ${i.code}</span>`)} · ${link(`/investment/strategy/indicators/${i.id}/targets`, html`Targets<span class="govuk-visually-hidden"> for ${i.code}</span>`)}`,
                    ]
                  : []),
              ]),
            })}`,
        )}
        <h2 class="govuk-heading-m">Theory of change templates</h2>
        ${templates.map(
          (t) =>
            html`<h3 class="govuk-heading-s">${t.name}</h3>${summaryList([
              { key: "Inputs", value: t.inputs },
              { key: "Activities", value: t.activities },
              { key: "Outputs", value: t.outputs },
              { key: "Outcomes", value: t.outcomes },
              { key: "Indicators", value: t.indicatorCodes.join(", ") || "–" },
            ])}`,
        )}`,
    });
  });
  return app;
}
