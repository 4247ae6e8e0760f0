import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { requireActor } from "../../../platform/http/render.ts";
import { formatPence, html, type SafeHtml, table } from "../../../platform/ui/index.ts";
import { removeFunding, removeSteeringMember } from "../commands/edit-project.ts";
import type { ProjectDetail } from "../queries/portfolio.ts";

/** A remove button for one line: its own small form, so it works without JavaScript. */
function removeButton(c: Context<AppEnv>, action: string, what: string): SafeHtml {
  return html`<form method="post" action="${action}" novalidate>${csrfField(c)}<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Remove<span class="govuk-visually-hidden"> ${what}</span></button></form>`;
}

export function fundingLines(c: Context<AppEnv>, project: ProjectDetail): SafeHtml {
  if (project.funding.length === 0) return html`<p class="govuk-body">No funding lines yet.</p>`;
  return table({
    caption: "Funding by source",
    captionClasses: "govuk-table__caption--m",
    head: [
      { text: "Source" },
      { text: "Kind" },
      { text: "Year", numeric: true },
      { text: "Secured" },
      { text: "Amount", numeric: true },
      { text: "Action" },
    ],
    rows: project.funding.map((f) => [
      f.source,
      f.kind === "internal" ? "Internal" : "External",
      { content: f.year, numeric: true },
      f.secured ? "Yes" : "Not yet",
      { content: formatPence(f.amountPence), numeric: true },
      removeButton(
        c,
        `/investment/projects/${project.id}/funding/${f.id}/remove`,
        `${f.source} ${f.year} funding line`,
      ),
    ]),
  });
}

export function steeringLines(c: Context<AppEnv>, project: ProjectDetail): SafeHtml {
  if (project.steering.length === 0) return html`<p class="govuk-body">No steering group members yet.</p>`;
  const local = project.steering.filter((m) => m.localPerson).length;
  return html`<p class="govuk-body">${local} of ${project.steering.length} members are local people.</p>${table(
    {
      caption: "Members",
      captionClasses: "govuk-table__caption--m",
      head: [{ text: "Name" }, { text: "Role" }, { text: "Local person" }, { text: "Action" }],
      rows: project.steering.map((m) => [
        m.name,
        m.role,
        m.localPerson ? "Yes" : "No",
        removeButton(c, `/investment/projects/${project.id}/steering/${m.id}/remove`, m.name),
      ]),
    },
  )}`;
}

export function removeLinePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post("/investment/projects/:id/funding/:lineId/remove", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    await callForPage(c, removeFunding, actor, id, c.req.param("lineId"));
    return c.redirect(`/investment/projects/${id}/funding`, 303);
  });
  app.post("/investment/projects/:id/steering/:lineId/remove", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    await callForPage(c, removeSteeringMember, actor, id, c.req.param("lineId"));
    return c.redirect(`/investment/projects/${id}/steering`, 303);
  });
  return app;
}
