import { Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  formatPence,
  formatPounds,
  html,
  radios,
  select,
  summaryList,
  table,
  tag,
  textInput,
} from "../../../platform/ui/index.ts";
import { listPartnerOrganisations } from "../../people/index.ts";
import { getLsoa, listLocalAuthorities } from "../../places/index.ts";
import { londonToday } from "../commands/attendance-rows.ts";
import { moveProjectStage } from "../commands/change-project.ts";
import { createProject } from "../commands/create-project.ts";
import { lifeRoleNames } from "../life-model.ts";
import { canManageProjects, canRecordDelivery } from "../policy.ts";
import { getProject, getStrategy, listProjects } from "../queries/portfolio.ts";
import { type Stage, stages } from "../schema.ts";
import { errorsForForm, stageNames } from "./form-values.ts";
import { investmentNav } from "./investment-nav.ts";
import { projectErrorFields, projectForm, projectInputFromForm } from "./project-form.ts";
import { projectSummaryPanel } from "./project-summary.ts";

function editLink(actor: Actor, href: string, text: string) {
  return canManageProjects(actor)
    ? html`<p class="govuk-body"><a class="govuk-link" href="${href}">${text}</a></p>`
    : "";
}

/** "E06000035" → "Medway", and a 2021 neighbourhood code → "Medway, Gillingham North 002" (shared reference data). */
async function projectAreaNames(
  db: Db,
  areas: { laCode: string; lsoa21Code: string | null }[],
): Promise<Map<string, string>> {
  const authorities = new Map((await listLocalAuthorities(db)).map((la) => [la.gssCode, la.name]));
  const names = new Map<string, string>();
  for (const area of areas) {
    const authority = authorities.get(area.laCode) ?? area.laCode;
    const neighbourhood = area.lsoa21Code ? await getLsoa(db, "iod2025", area.lsoa21Code) : undefined;
    names.set(
      `${area.laCode}/${area.lsoa21Code ?? ""}`,
      area.lsoa21Code ? `${authority}, ${neighbourhood?.name ?? area.lsoa21Code}` : authority,
    );
  }
  return names;
}

const stageColour = { idea: "grey", pipeline: "yellow", active: "green", closed: "blue" } as const;

export function projectPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/investment", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const q = c.req.query();
    const stage = stages.find((s) => s === q.stage) as Stage | undefined;
    const themeCode = (q.theme ?? "").slice(0, 40);
    const search = (q.search ?? "").slice(0, 100);
    const [{ projects, stageCounts }, strategy] = await Promise.all([
      listProjects(db, actor, { stage, themeCode: themeCode || undefined, search: search || undefined }),
      getStrategy(db, actor),
    ]);
    return renderPage(c, {
      title: "Community investment",
      fullWidth: true,
      notification: flashFrom(c, { created: "The project has been added." }),
      content: html`${investmentNav("/investment")}<h1 class="govuk-heading-l">Projects and services</h1>
        <p class="govuk-body-l">${stageCounts.active} active, ${stageCounts.pipeline} in the pipeline, ${stageCounts.idea} ideas, ${stageCounts.closed} closed.</p>
        ${canManageProjects(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/investment/projects/new">Add a project or service</a></p>` : ""}
        <form method="get" action="/investment" class="kith-inline-filter">
          ${select({ name: "stage", label: "Stage", value: stage ?? "", options: [{ value: "", text: "All stages" }, ...stages.map((s) => ({ value: s, text: stageNames[s] }))] })}
          ${select({ name: "theme", label: "Theme", value: themeCode, options: [{ value: "", text: "All themes" }, ...strategy.map((t) => ({ value: t.code, text: t.name }))] })}
          ${textInput({ name: "search", label: "Name contains", type: "search", value: search })}
          ${button({ text: "Filter", classes: "govuk-button--secondary" })}
        </form>
        ${table({
          caption: `${projects.length} projects and services`,
          head: [
            { text: "Name" },
            { text: "Stage" },
            { text: "Themes" },
            { text: "LIFE role" },
            { text: "Budget", numeric: true },
          ],
          rows: projects.map((p) => [
            html`<a class="govuk-link" href="/investment/projects/${p.id}">${p.name}</a>`,
            tag(stageNames[p.stage], stageColour[p.stage]),
            p.themes.join(", "),
            lifeRoleNames[p.lifeRole as keyof typeof lifeRoleNames] ?? p.lifeRole,
            { content: formatPounds(p.budgetPence), numeric: true },
          ]),
        })}`,
    });
  });

  app.get("/investment/projects/new", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canManageProjects(actor), "Only officers and managers can create projects.");
    return projectForm(c, actor, { budgetYear: String(c.get("now").getUTCFullYear()) });
  });

  app.post("/investment/projects/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const { input, errors } = projectInputFromForm(values);
    if (Object.keys(errors).length > 0) return projectForm(c, actor, values, errors, 422);
    try {
      const { id } = await callForPage(c, createProject, actor, input);
      return c.redirect(`/investment/projects/${id}?done=created`, 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 422)
        return projectForm(c, actor, values, errorsForForm(error.fieldErrors, projectErrorFields), 422);
      throw error;
    }
  });

  app.get("/investment/projects/:id", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const project = await getProject(db, actor, c.req.param("id"));
    const summary = await projectSummaryPanel(db, actor, project.id, londonToday(c.get("now")));
    const partnerNames = new Map((await listPartnerOrganisations(db, actor)).map((p) => [p.id, p.name]));
    const areaNames = await projectAreaNames(db, project.areas);
    const internal = project.funding
      .filter((f) => f.kind === "internal")
      .reduce((s, f) => s + f.amountPence, 0);
    const external = project.funding
      .filter((f) => f.kind === "external")
      .reduce((s, f) => s + f.amountPence, 0);
    const answer = (a: string) => a.charAt(0).toUpperCase() + a.slice(1);
    return renderPage(c, {
      title: project.name,
      fullWidth: true,
      breadcrumbs: [{ href: "/investment", text: "Projects and services" }],
      notification: flashFrom(c, {
        created: "The project has been added.",
        moved: "The stage has been changed.",
        session: "The session has been recorded.",
        toc: "The theory of change has been saved.",
        life: "The LIFE answers have been saved.",
        funding: "The funding line has been added.",
        steering: "The steering group member has been added.",
      }),
      content: html`<span class="govuk-caption-l">${project.kind === "service" ? "Service" : "Project"}</span><h1 class="govuk-heading-l">${project.name}</h1>
        ${project.summary ? html`<p class="govuk-body">${project.summary}</p>` : ""}
        ${summary}
        ${summaryList([
          { key: "Stage", value: tag(stageNames[project.stage], stageColour[project.stage]) },
          { key: "Themes", value: project.themes.map((t) => t.name).join(", ") },
          {
            key: "Areas",
            value: project.areas
              .map((a) => areaNames.get(`${a.laCode}/${a.lsoa21Code ?? ""}`) ?? a.laCode)
              .join(", "),
          },
          { key: "Community development", value: project.communityDevelopment ? "Yes" : "No" },
          {
            key: "Lead",
            value: project.leadPartnerId
              ? (partnerNames.get(project.leadPartnerId) ?? "A partner")
              : "We lead it",
          },
          {
            key: "Partners",
            value: project.partnerIds.map((id) => partnerNames.get(id) ?? id).join(", ") || "None",
          },
          {
            key: "LIFE decision",
            value: html`Need: ${answer(project.needAnswer)}. Best placed: ${answer(project.bestPlacedAnswer)}. Can resource: ${answer(project.resourceAnswer)}. <strong>Role: ${lifeRoleNames[project.lifeRole]}</strong>`,
          },
          {
            key: "Follow-ups",
            value: project.followUpMonths.length
              ? project.followUpMonths.map((m) => `${m} months`).join(", ")
              : "None",
          },
        ])}
        ${editLink(actor, `/investment/projects/${project.id}/life`, "Change the LIFE answers")}
        <h2 class="govuk-heading-m">Theory of change</h2>
        ${editLink(actor, `/investment/projects/${project.id}/theory-of-change`, "Change the theory of change or apply a template")}
        ${summaryList([
          { key: "Inputs", value: project.tocInputs },
          { key: "Activities", value: project.tocActivities },
          { key: "Outputs", value: project.tocOutputs },
          { key: "Outcomes", value: project.tocOutcomes },
          { key: "Indicators", value: project.indicatorCodes.join(", ") || "None chosen" },
        ])}
        <h2 class="govuk-heading-m">Budget</h2>
        ${editLink(actor, `/investment/projects/${project.id}/funding`, "Change the budget")}
        <p class="govuk-body">Internal ${formatPounds(internal)}, external ${formatPounds(external)}; spent so far ${formatPounds(project.spentPence)}.</p>
        ${table({ caption: "Funding by source", head: [{ text: "Source" }, { text: "Kind" }, { text: "Year", numeric: true }, { text: "Secured" }, { text: "Amount", numeric: true }], rows: project.funding.map((f) => [f.source, f.kind === "internal" ? "Internal" : "External", { content: f.year, numeric: true }, f.secured ? "Yes" : "Not yet", { content: formatPence(f.amountPence), numeric: true }]) })}
        <h2 class="govuk-heading-m">Steering group</h2>
        ${editLink(actor, `/investment/projects/${project.id}/steering`, "Change the steering group")}
        ${project.steering.length ? html`<p class="govuk-body">${project.steering.filter((m) => m.localPerson).length} of ${project.steering.length} members are local people.</p>${table({ caption: "Steering group members", captionClasses: "govuk-visually-hidden", head: [{ text: "Name" }, { text: "Role" }, { text: "Local person" }], rows: project.steering.map((m) => [m.name, m.role, m.localPerson ? "Yes" : "No"]) })}` : html`<p class="govuk-body">No steering group yet.</p>`}
        <h2 class="govuk-heading-m">Sessions</h2>
        ${canRecordDelivery(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/investment/projects/${project.id}/sessions/new">Record a session</a> · <a class="govuk-link" href="/impact/outcomes/new?projectId=${project.id}">Record an outcome</a></p>` : ""}
        ${table({ caption: "Latest sessions", captionClasses: "govuk-visually-hidden", head: [{ text: "Date" }, { text: "Session" }, { text: "Depth" }], rows: project.sessions.map((s) => [formatDate(s.heldOn), html`<a class="govuk-link" href="/investment/sessions/${s.id}">${s.title}</a>`, s.depth === "in-depth" ? "In-depth" : "Light-touch"]) })}
        ${canManageProjects(actor) ? html`<h2 class="govuk-heading-m">Change stage</h2><form method="post" action="/investment/projects/${project.id}/stage" novalidate>${csrfField(c)}${radios({ name: "stage", legend: { text: "Move to", classes: "govuk-fieldset__legend--s" }, inline: true, value: project.stage, items: stages.map((s) => ({ value: s, text: stageNames[s] })) })}${button({ text: "Change stage", classes: "govuk-button--secondary" })}</form>` : ""}`,
    });
  });

  app.post("/investment/projects/:id/stage", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    await callForPage(c, moveProjectStage, actor, c.req.param("id"), {
      stage: values.stage ?? "",
    });
    return c.redirect(`/investment/projects/${c.req.param("id")}?done=moved`, 303);
  });
  return app;
}
