import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { requireActor } from "../../../platform/http/render.ts";
import { button, html } from "../../../platform/ui/index.ts";
import { createInvestmentProjects } from "../commands/fund-winners.ts";
import type { PbProcess } from "../schema.ts";
import { csrf, staffPath } from "./common.ts";

/** The officer's button on a finished process: winners become community investment projects. */
export function investmentForm(c: Context<AppEnv>, process: PbProcess, linked: number) {
  return html`<h2 class="govuk-heading-m">Community investment</h2>
    <p class="govuk-body">${linked > 0 ? `${linked} funded project${linked === 1 ? " is" : "s are"} already in the community investment portfolio. Creating again adds only winners that are missing.` : "Add each funded project to the community investment portfolio, with its cost as the budget, so its delivery and outcomes can be tracked."}</p>
    <form method="post" action="${staffPath(process)}/investment" novalidate>${csrf(c)}${button({ text: "Create community investment projects", variant: "secondary" })}</form>`;
}

export function investmentPages(app: Hono<AppEnv>): void {
  app.post("/budgeting/:id/investment", async (c) => {
    const actor = requireActor(c);
    await callForPage(c, createInvestmentProjects, actor, c.req.param("id"));
    return c.redirect(`/budgeting/${c.req.param("id")}?done=invested`, 303);
  });
}
