import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { liveSearchResults } from "../../../platform/http/live-search.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  errorMessage,
  formatDateTime,
  formGroup,
  foundHeading,
  hint,
  html,
  liveSearchForm,
  type SafeHtml,
  textInput,
} from "../../../platform/ui/index.ts";
import { logSessionHours } from "../commands/log-session-hours.ts";
import { getSession } from "../queries/hours.ts";
import {
  type HoursCandidate,
  hoursLoggedForSession,
  roleTeam,
  searchHoursRegister,
  volunteersForHours,
} from "../queries/hours-register.ts";
import { getOpportunity } from "../queries/opportunities.ts";
import { hoursText } from "./page-kit.ts";

// A role's whole team is listed when it is small; past this the coordinator searches for who came.
const teamListLimit = 30;
const searchLimit = 25;

type Session = Awaited<ReturnType<typeof getSession>>;
type HoursList = { heading: string; people: HoursCandidate[] };

/** Who the hours boxes are for: a search, else the role's team when it is small, else nobody yet. */
async function listFor(
  c: Context<AppEnv>,
  session: Session,
  q: string | undefined,
): Promise<HoursList | null> {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  if (q !== undefined) {
    const found = await searchHoursRegister(db, actor, c.get("now"), session.opportunityId, q, searchLimit);
    return { heading: foundHeading(found.length, searchLimit, q), people: found };
  }
  const team = await roleTeam(db, actor, c.get("now"), session.opportunityId, teamListLimit);
  return team ? { heading: "Hours for each person", people: team } : null;
}

/**
 * The hours boxes, in their own form: rendered alone for the as-you-type script and inside the page
 * without it. The fieldset carries errors about the whole session (nobody's hours entered, a session
 * in the future), so they show beside the boxes.
 */
function hoursPanel(
  c: Context<AppEnv>,
  sessionId: string,
  list: HoursList | null,
  logged: Set<string>,
  q: string | undefined,
  values: Record<string, string> = {},
  errors: FieldErrors = {},
): SafeHtml {
  if (errors.q) return html`${errorMessage("q-results-error", errors.q)}`;
  if (!list && !errors.hours)
    return html`<p class="govuk-body">This role has more than ${teamListLimit} volunteers. Search for each person who came.</p>`;
  // Someone already logged is not offered again, unless the error about it must stand beside their box.
  const offered = (p: HoursCandidate) => !logged.has(p.id) || errors[`hours-${p.id}`] !== undefined;
  const people = (list?.people ?? []).filter(offered);
  const already = (list?.people ?? []).filter((p) => !offered(p));
  if (list && list.people.length === 0 && !errors.hours)
    return html`<h2 class="govuk-heading-m">${list.heading}</h2><p class="govuk-body">Nobody placed in this role matches. Check the spelling, or search by postcode or reference. Hours can only be logged for volunteers placed in the role.</p>`;
  const describedBy = ["hours-hint", errors.hours ? "hours-error" : ""].filter(Boolean).join(" ");
  return html`<form method="post" action="/volunteering/sessions/${sessionId}/hours" novalidate>${csrfField(c)}
    ${q ? html`<input type="hidden" name="q" value="${q}">` : ""}
    ${formGroup(
      errors.hours,
      html`<fieldset class="govuk-fieldset" id="hours" aria-describedby="${describedBy}">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${list?.heading ?? "Hours for each person"}</legend>
      ${hint("hours-hint", "Enter hours for each person who came, for example 3 or 2.5. Leave blank for anyone who did not come. These hours count as verified.")}
      ${errorMessage("hours-error", errors.hours)}
      ${people.map((p) => textInput({ name: `hours-${p.id}`, label: p.name, hint: p.detail ?? undefined, value: values[`hours-${p.id}`], width: 4, inputmode: "decimal", error: errors[`hours-${p.id}`] }))}
    </fieldset>`,
    )}
    ${already.length ? html`<p class="govuk-body">Hours already logged for this session: ${already.map((p) => p.name).join(", ")}.</p>` : ""}
    ${people.length ? button({ text: "Save hours", preventDoubleClick: true }) : ""}
  </form>`;
}

async function showSession(
  c: Context<AppEnv>,
  q: string | undefined,
  values: Record<string, string> = {},
  errors: FieldErrors = {},
  posted?: string[],
) {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const now = c.get("now");
  const session = await getSession(db, actor, c.req.param("id") ?? "");
  const { role } = await getOpportunity(db, actor, session.opportunityId);
  const logged = await hoursLoggedForSession(db, actor, now, session);
  let list: HoursList | null = null;
  let status: 200 | 422 = Object.keys(errors).length ? 422 : 200;
  const result = await attemptForForm(async () =>
    posted?.length
      ? {
          heading: "Hours for each person",
          people: await volunteersForHours(db, actor, now, role.id, posted),
        }
      : listFor(c, session, q),
  );
  if (result.ok) list = result.value;
  else {
    errors = { ...errors, ...result.errors };
    status = 422;
  }
  const base = `/volunteering/sessions/${session.id}/hours`;
  return renderPage(c, {
    title: `${Object.keys(errors).length ? "Error: " : ""}Log hours for a session`,
    errors,
    status,
    backLink: `/volunteering/roles/${role.id}`,
    notification: flashFrom(c, { hours: "Hours saved. Search for anyone else who came." }),
    content: html`<span class="govuk-caption-l">${role.title}</span><h1 class="govuk-heading-l">Log hours for ${formatDateTime(session.startsAt)}</h1>
      ${
        logged.length
          ? html`<h2 class="govuk-heading-m">Logged for this session (${logged.length})</h2><ul class="govuk-list">${logged.map((p) => html`<li>${p.name}${p.detail ? html` <span class="govuk-hint govuk-!-display-inline">(${p.detail})</span>` : ""}: ${hoursText(p.minutes)}</li>`)}</ul>`
          : html`<p class="govuk-body">No hours are logged for this session yet.</p>`
      }
      <h2 class="govuk-heading-m">Find who came</h2>
      ${liveSearchForm({ action: base, resultsUrl: `${base}/candidates`, resultsId: "hours-candidates", value: q, error: errors.q })}
      <div id="hours-candidates" aria-live="polite">${hoursPanel(c, session.id, list, new Set(logged.map((p) => p.id)), q, values, errors)}</div>`,
  });
}

export function hoursRegisterPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/volunteering/sessions/:id/hours", (c) => showSession(c, c.req.query("q")?.slice(0, 100)));

  app.get("/volunteering/sessions/:id/hours/candidates", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const session = await getSession(db, actor, c.req.param("id"));
    const q = c.req.query("q")?.slice(0, 100) ?? "";
    const logged = new Set((await hoursLoggedForSession(db, actor, c.get("now"), session)).map((p) => p.id));
    return liveSearchResults(
      c,
      async () => hoursPanel(c, session.id, await listFor(c, session, q), logged, q),
      (errors) => hoursPanel(c, session.id, null, logged, q, {}, errors),
    );
  });

  app.post("/volunteering/sessions/:id/hours", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const entries = Object.entries(form)
      .filter(([key]) => key.startsWith("hours-"))
      .map(([key, hours]) => ({ volunteerId: key.slice(6), hours }));
    const result = await attemptForForm(() =>
      callForPage(c, logSessionHours, actor, c.req.param("id"), entries),
    );
    const q = form.q?.slice(0, 100) || undefined;
    if (!result.ok)
      return showSession(
        c,
        q,
        form,
        result.errors,
        entries.map((e) => e.volunteerId),
      );
    return c.redirect(`/volunteering/sessions/${c.req.param("id")}/hours?done=hours`, 303);
  });
  return app;
}
