import type { Context } from "hono";
import { Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  formatDate,
  html,
  radios,
  select,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { listOrganisationAreas } from "../../places/index.ts";
import { recordSession } from "../commands/record-session.ts";
import { canRecordDelivery } from "../policy.ts";
import { listSessions } from "../queries/delivery.ts";
import { getProject } from "../queries/portfolio.ts";
import { errorsForForm } from "./form-values.ts";
import { investmentNav } from "./investment-nav.ts";

async function sessionForm(
  c: Context<AppEnv>,
  actor: Actor,
  projectId: string,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
) {
  // The role before the look-up, so a refused role gets 403 for any id (issue 18 item 6).
  requireAllowed(canRecordDelivery(actor), "Only officers can record sessions.");
  const db = c.get("services").database.db;
  const [project, areas] = await Promise.all([
    getProject(db, actor, projectId),
    listOrganisationAreas(db, actor),
  ]);
  const [year, month, day] = (values.heldOn ?? "").split("-");
  return renderPage(c, {
    title: "Record a session",
    errors,
    status,
    backLink: `/investment/projects/${projectId}`,
    content: html`<span class="govuk-caption-l">${project.name}</span><h1 class="govuk-heading-l">Record a session</h1>
      <form method="post" action="/investment/projects/${projectId}/sessions/new" novalidate>${csrfField(c)}
        ${textInput({ name: "title", label: "Session title", value: values.title, error: errors.title })}
        ${dateInput({ name: "heldOn", legend: { text: "Date of the session", classes: "govuk-fieldset__legend--s" }, hint: "For example, 27 3 2026", error: errors["heldOn-day"], value: { day, month, year } })}
        ${textInput({ name: "durationMinutes", label: "Length in minutes", value: values.durationMinutes, error: errors.durationMinutes, width: 4, inputmode: "numeric" })}
        ${radios({
          name: "depth",
          legend: { text: "Kind of contact", classes: "govuk-fieldset__legend--s" },
          value: values.depth,
          error: errors.depth,
          items: [
            { value: "light", text: "Light-touch", hint: "A drop-in, an event, a one-off contact" },
            { value: "in-depth", text: "In-depth", hint: "Specialist support, a course, casework" },
          ],
        })}
        ${select({ name: "laCode", label: "Area where it was held", value: values.laCode ?? project.areas[0]?.laCode, error: errors.laCode, options: areas.map((a) => ({ value: a.laCode, text: a.name })) })}
        ${textInput({ name: "lsoa21Code", label: "Neighbourhood code (optional)", hint: "The 2021 LSOA code, like E01016012", value: values.lsoa21Code ?? project.areas.find((a) => a.lsoa21Code)?.lsoa21Code, error: errors.lsoa21Code, width: 10 })}
        ${button({ text: "Save session" })}
      </form>`,
  });
}

export function sessionPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/investment/sessions", async (c) => {
    const actor = requireActor(c);
    const sessions = await listSessions(c.get("services").database.db, actor, { limit: 100 });
    return renderPage(c, {
      title: "Sessions",
      fullWidth: true,
      content: html`${investmentNav("/investment/sessions")}<h1 class="govuk-heading-l">Sessions</h1>
        ${table({ caption: "The latest 100 sessions", head: [{ text: "Date" }, { text: "Session" }, { text: "Project" }, { text: "Attendees", numeric: true }], rows: sessions.map((s) => [formatDate(s.heldOn), canRecordDelivery(actor) ? html`<a class="govuk-link" href="/investment/sessions/${s.id}">${s.title}</a>` : s.title, s.projectName, { content: s.attendees, numeric: true }]) })}`,
    });
  });

  app.get("/investment/projects/:id/sessions/new", async (c) =>
    sessionForm(c, requireActor(c), c.req.param("id"), {}),
  );
  app.post("/investment/projects/:id/sessions/new", async (c) => {
    const actor = requireActor(c);
    const projectId = c.req.param("id");
    const values = await readForm(c);
    const heldOn = dateFromParts(values, "heldOn");
    const merged = { ...values, heldOn };
    try {
      const { id } = await callForPage(c, recordSession, actor, {
        projectId,
        title: values.title ?? "",
        heldOn,
        durationMinutes: values.durationMinutes as unknown as number,
        depth: values.depth as "light",
        laCode: values.laCode ?? "",
        lsoa21Code: values.lsoa21Code?.trim() ? values.lsoa21Code.trim().toUpperCase() : null,
      });
      return c.redirect(`/investment/sessions/${id}?done=created`, 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 422)
        return sessionForm(
          c,
          actor,
          projectId,
          merged,
          errorsForForm(error.fieldErrors, { heldOn: "heldOn-day" }),
          422,
        );
      throw error;
    }
  });

  return app;
}
