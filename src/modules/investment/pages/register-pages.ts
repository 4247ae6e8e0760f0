import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { liveSearchResults } from "../../../platform/http/live-search.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  foundHeading,
  html,
  liveSearchForm,
  select,
  textInput,
} from "../../../platform/ui/index.ts";
import { addToRegister } from "../commands/add-to-register.ts";
import { removeFromRegister } from "../commands/remove-from-register.ts";
import { saveRegisterAsGroup } from "../commands/save-register-group.ts";
import { getSession } from "../queries/delivery.ts";
import {
  distinguishingDetails,
  groupCandidates,
  lastSessionCandidates,
  listRegisterGroups,
  searchForRegister,
} from "../queries/register.ts";
import {
  type CandidateList,
  candidatePanel,
  outcomeChooser,
  type RegisterView,
  registerTable,
  viewQuery,
} from "./register-view.ts";

type Session = Awaited<ReturnType<typeof getSession>>;

function viewFrom(values: Record<string, string | undefined>): RegisterView {
  return {
    q: values.q?.slice(0, 100) || undefined,
    from: values.from === "last" ? "last" : undefined,
    group: values.group || undefined,
  };
}

/** The candidates the view asks for: a search, the last session, or a group; none by default. */
async function candidatesFor(
  c: Context<AppEnv>,
  session: Session,
  view: RegisterView,
): Promise<CandidateList | null> {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const now = c.get("now");
  const onRegister = new Set(session.register.map((r) => r.participantId));
  if (view.q !== undefined) {
    const found = await searchForRegister(db, actor, now, view.q, onRegister);
    return {
      heading: foundHeading(found.length, 25, view.q),
      candidates: found,
    };
  }
  if (view.from === "last") {
    const last = await lastSessionCandidates(db, actor, now, session, onRegister);
    return last
      ? {
          heading: `From the last session, ${last.title} on ${formatDate(last.heldOn)}`,
          candidates: last.candidates,
        }
      : { heading: "There is no earlier session of this project", candidates: [] };
  }
  if (view.group) {
    const group = await groupCandidates(db, actor, now, view.group, onRegister);
    return { heading: `The group ${group.name}`, candidates: group.candidates };
  }
  return null;
}

async function registerPage(
  c: Context<AppEnv>,
  view: RegisterView,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
) {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const session = await getSession(db, actor, c.get("now"), c.req.param("id") ?? "");
  let list: CandidateList | null = null;
  try {
    list = await candidatesFor(c, session, view);
  } catch (error) {
    if (!(error instanceof Problem && error.status === 422)) throw error;
    errors = { ...errors, ...error.fieldErrors };
    status = 422;
  }
  const [details, groups] = await Promise.all([
    distinguishingDetails(
      db,
      actor,
      c.get("now"),
      session.register.map((r) => ({ ...r, id: r.participantId })),
    ),
    listRegisterGroups(db, actor, session.projectId),
  ]);
  const base = `/investment/sessions/${session.id}`;
  return renderPage(c, {
    title: `${errors.q || errors.add || errors.present || errors.name ? "Error: " : ""}${session.title}: register`,
    errors,
    status,
    breadcrumbs: [
      { href: "/investment", text: "Projects and services" },
      { href: `/investment/projects/${session.projectId}`, text: session.projectName },
    ],
    notification: flashFrom(c, {
      created: "The session has been recorded. Now record who came.",
      added: "The register has been saved.",
      removed: "The register has been saved.",
      unchanged: "The register has been saved. Nobody was taken off.",
      group: "The register has been saved as a group.",
    }),
    content: html`<span class="govuk-caption-l">${session.projectName}, ${formatDate(session.heldOn)}</span><h1 class="govuk-heading-l">${session.title}</h1>
      <p class="govuk-body">${session.register.length} people recorded. ${session.depth === "in-depth" ? "In-depth" : "Light-touch"} session of ${session.durationMinutes} minutes.</p>
      <h2 class="govuk-heading-m">Add people</h2>
      ${liveSearchForm({ action: base, resultsUrl: `${base}/candidates`, resultsId: "register-candidates", value: view.q, error: errors.q })}
      <p class="govuk-body"><a class="govuk-link" href="${base}?from=last">Copy from the last session</a></p>
      ${groups.length ? html`<form method="get" action="${base}">${select({ name: "group", label: "Add a group", value: view.group, options: groups.map((g) => ({ value: g.id, text: `${g.name} (${g.members})` })) })}${button({ text: "Show the group", variant: "secondary" })}</form>` : ""}
      <div id="register-candidates" aria-live="polite">${candidatePanel(c, session.id, list, view, errors)}</div>
      ${registerTable(
        c,
        session,
        session.register.map((r) => ({ ...r, detail: details.get(r.participantId) ?? null })),
        errors,
      )}
      ${session.register.length ? html`<form method="post" action="${base}/register/group" novalidate>${csrfField(c)}${textInput({ name: "name", label: "Save this register as a group", hint: "For example, Tuesday class. Next time, add the whole group at once.", error: errors.name, width: 20 })}${button({ text: "Save as a group", variant: "secondary" })}</form>` : ""}
      <p class="govuk-body"><a class="govuk-link" href="/investment/participants/new?return=${base}">Register someone who is not on record</a></p>`,
  });
}

/** Runs a register command; bad input shows the page again with the errors, anything else redirects. */
async function registerCommand(
  c: Context<AppEnv>,
  view: RegisterView,
  done: string,
  work: () => Promise<unknown>,
  fieldFor: (path: string) => string,
) {
  try {
    await work();
    return c.redirect(`/investment/sessions/${c.req.param("id")}?done=${done}${viewQuery(view)}`, 303);
  } catch (error) {
    if (!(error instanceof Problem && error.status === 422)) throw error;
    const errors: FieldErrors = {};
    for (const [path, message] of Object.entries(error.fieldErrors ?? {})) errors[fieldFor(path)] ??= message;
    return registerPage(c, view, errors, 422);
  }
}

export function registerPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/investment/sessions/:id", (c) => registerPage(c, viewFrom(c.req.query())));

  // The as-you-type script asks for the results alone: a few kilobytes, not the whole page.
  app.get("/investment/sessions/:id/candidates", async (c) => {
    const actor = requireActor(c);
    const session = await callForPage(c, getSession, actor, c.req.param("id"));
    const view = viewFrom(c.req.query());
    return liveSearchResults(
      c,
      async () => candidatePanel(c, session.id, await candidatesFor(c, session, view), view),
      (errors) => candidatePanel(c, session.id, null, view, errors),
    );
  });

  app.post("/investment/sessions/:id/register/add", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const view = viewFrom(values);
    const keys = await readFormList(c, values.mode === "all" ? "listed" : "add");
    return registerCommand(
      c,
      view,
      "added",
      () =>
        callForPage(c, addToRegister, actor, c.req.param("id"), {
          keys,
          role: values.role === "volunteer" ? "volunteer" : "participant",
        }),
      (path) => (path === "role" ? "role" : "add"),
    );
  });

  // Everyone on the register is posted ticked; whoever was unticked comes off it.
  app.post("/investment/sessions/:id/register/remove", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const present = new Set(await readFormList(c, "present"));
    const session = await getSession(db, actor, c.get("now"), c.req.param("id"));
    const participantIds = session.register.map((r) => r.participantId).filter((id) => !present.has(id));
    if (participantIds.length === 0)
      return c.redirect(`/investment/sessions/${session.id}?done=unchanged`, 303);
    return registerCommand(
      c,
      {},
      "removed",
      () => removeFromRegister(db, actor, c.get("now"), session.id, { participantIds }),
      () => "present",
    );
  });

  app.get("/investment/sessions/:id/outcome", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const session = await getSession(db, actor, c.get("now"), c.req.param("id"));
    const details = await distinguishingDetails(
      db,
      actor,
      c.get("now"),
      session.register.map((r) => ({ ...r, id: r.participantId })),
    );
    return renderPage(c, {
      title: `Record an outcome: ${session.title}`,
      backLink: `/investment/sessions/${session.id}`,
      content: html`<span class="govuk-caption-l">${session.title}, ${formatDate(session.heldOn)}</span><h1 class="govuk-heading-l">Record an outcome</h1>
        ${outcomeChooser(
          session,
          session.register.map((r) => ({ ...r, detail: details.get(r.participantId) ?? null })),
        )}`,
    });
  });

  app.post("/investment/sessions/:id/register/group", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    return registerCommand(
      c,
      {},
      "group",
      () =>
        callForPage(c, saveRegisterAsGroup, actor, c.req.param("id"), {
          name: values.name ?? "",
        }),
      () => "name",
    );
  });
  return app;
}
