import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  barChart,
  button,
  formatDate,
  html,
  radios,
  type SafeHtml,
  select,
  subNavigation,
  summaryList,
  table,
  tag,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { findPeople } from "../../people/index.ts";
import {
  addQuestion,
  createConsultation,
  recordYouSaidWeDid,
  setConsultationStatus,
} from "../commands/consultations.ts";
import { createInvolvementOpportunity, recordParticipation } from "../commands/involvement.ts";
import { canManageEngagement } from "../policy.ts";
import {
  consultationResults,
  getInvolvement,
  listConsultations,
  listInvolvement,
  listYouSaidWeDid,
} from "../queries/engagement.ts";
import { involvementKinds, questionKinds } from "../schema.ts";
import { questionFields } from "./change-pages.ts";

const tabs = (current: string) =>
  subNavigation(
    [
      { href: "/engagement", text: "Involvement", current: current === "/engagement" },
      {
        href: "/engagement/consultations",
        text: "Consultations",
        current: current === "/engagement/consultations",
      },
      {
        href: "/engagement/you-said-we-did",
        text: "You said, we did",
        current: current === "/engagement/you-said-we-did",
      },
    ],
    "Resident involvement",
  );
const options = (list: Record<string, string>) =>
  Object.entries(list).map(([value, text]) => ({ value, text }));

export function engagementStaffPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const showInvolvement = async (
    c: Context<AppEnv>,
    values: Record<string, string> = {},
    errors?: FieldErrors,
  ) => {
    const actor = requireActor(c);
    const rows = await listInvolvement(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Resident involvement",
      errors,
      status: errors ? 422 : 200,
      content: html`${tabs("/engagement")}<h1 class="govuk-heading-l">Resident involvement</h1>
        ${table({ caption: "Ways residents take part", head: [{ text: "Title" }, { text: "Kind" }, { text: "Taking part", numeric: true }, { text: "Status" }], rows: rows.map((r) => [html`<a class="govuk-link" href="/engagement/involvement/${r.id}">${r.title}</a>`, involvementKinds[r.kind], { content: r.participants, numeric: true }, tag(r.status === "open" ? "Open" : "Closed", r.status === "open" ? "green" : "grey")]) })}
        ${
          canManageEngagement(actor)
            ? html`<form method="post" action="/engagement/involvement" novalidate>${csrfField(c)}<h2 class="govuk-heading-m">Set up a way to take part</h2>
          ${select({ name: "kind", label: "Kind", options: [{ value: "", text: "Select a kind" }, ...options(involvementKinds)], value: values.kind, error: errors?.kind })}
          ${textInput({ name: "title", label: "Title", value: values.title, error: errors?.title })}
          ${textarea({ name: "description", label: "What it involves", value: values.description, error: errors?.description, rows: 3 })}
          ${button({ text: "Save" })}</form>`
            : ""
        }`,
    });
  };
  app.get("/engagement", (c) => showInvolvement(c));
  app.post("/engagement/involvement", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, createInvolvementOpportunity, actor, form));
    if (!result.ok) return showInvolvement(c, form, result.errors);
    return c.redirect(`/engagement/involvement/${result.value.id}`, 303);
  });

  const showOne = async (c: Context<AppEnv>, errors?: FieldErrors) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const { involvement, participants } = await getInvolvement(
      db,
      actor,
      c.get("now"),
      c.req.param("id") ?? "",
    );
    const search = c.req.query("search")?.trim() ?? "";
    const found =
      search && canManageEngagement(actor)
        ? (await findPeople(db, actor, { search, pageSize: 10 }, c.get("now"))).rows
        : [];
    return renderPage(c, {
      title: involvement.title,
      errors,
      status: errors ? 422 : 200,
      backLink: "/engagement",
      notification: flashFrom(c, { added: "Participation recorded.", changed: "Participation changed." }),
      content: html`<span class="govuk-caption-l">${involvementKinds[involvement.kind]}</span><h1 class="govuk-heading-l">${involvement.title}</h1>
        <p class="govuk-body">${involvement.description}</p>
        ${table({
          caption: `${participants.length} people taking part`,
          head: [{ text: "Name" }, { text: "Role" }, { text: "Since" }, { text: "Until" }, { text: "" }],
          rows: participants.map((p) => [
            p.name,
            p.role ?? "",
            formatDate(p.startedOn),
            p.endedOn ? formatDate(p.endedOn) : "Still taking part",
            canManageEngagement(actor)
              ? html`<a class="govuk-link" href="/engagement/participation/${p.id}/edit">Change<span class="govuk-visually-hidden"> ${p.name}</span></a>`
              : "",
          ]),
        })}
        ${
          canManageEngagement(actor)
            ? html`<h2 class="govuk-heading-m">Add someone</h2>
          <form method="get" action="/engagement/involvement/${involvement.id}" novalidate>${textInput({ name: "search", label: "Find a resident by name", value: search, width: 20, type: "search" })}${button({ text: "Find", variant: "secondary" })}</form>
          ${
            found.length
              ? html`<form method="post" action="/engagement/involvement/${involvement.id}/participants" novalidate>${csrfField(c)}
            ${radios({ name: "personId", legend: "Who is taking part?", items: found.map((p) => ({ value: p.id, text: `${p.givenName} ${p.familyName}`, hint: p.postcode ?? undefined })), error: errors?.personId })}
            ${textInput({ name: "role", label: "Role (optional)", hint: "For example, chair", width: 20, error: errors?.role })}
            ${textInput({ name: "startedOn", label: "Started on", hint: "For example, 2026-04-01", width: 10, value: c.req.query("startedOn") ?? "", error: errors?.startedOn })}
            ${button({ text: "Add" })}</form>`
              : search
                ? html`<p class="govuk-body">No residents match.</p>`
                : ""
          }`
            : ""
        }`,
    });
  };
  app.get("/engagement/involvement/:id", (c) => showOne(c));
  app.post("/engagement/involvement/:id/participants", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() =>
      callForPage(c, recordParticipation, actor, c.req.param("id"), form),
    );
    if (!result.ok) return showOne(c, result.errors);
    return c.redirect(`/engagement/involvement/${c.req.param("id")}?done=added`, 303);
  });

  const showConsultations = async (
    c: Context<AppEnv>,
    values: Record<string, string> = {},
    errors?: FieldErrors,
  ) => {
    const actor = requireActor(c);
    const rows = await listConsultations(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Consultations",
      errors,
      status: errors ? 422 : 200,
      content: html`${tabs("/engagement/consultations")}<h1 class="govuk-heading-l">Consultations</h1>
        ${table({ caption: `${rows.length} consultations`, head: [{ text: "Title" }, { text: "Open" }, { text: "Status" }, { text: "Responses", numeric: true }], rows: rows.map((r) => [html`<a class="govuk-link" href="/engagement/consultations/${r.id}">${r.title}</a>`, `${formatDate(r.opensOn)} to ${formatDate(r.closesOn)}`, r.status, { content: r.responses, numeric: true }]) })}
        ${
          canManageEngagement(actor)
            ? html`<form method="post" action="/engagement/consultations" novalidate>${csrfField(c)}<h2 class="govuk-heading-m">Start a consultation</h2>
          ${textInput({ name: "title", label: "Title", value: values.title, error: errors?.title })}
          ${textarea({ name: "description", label: "What it is about", value: values.description, error: errors?.description, rows: 3 })}
          ${textInput({ name: "opensOn", label: "Opens on", hint: "For example, 2026-07-01", value: values.opensOn, width: 10, error: errors?.opensOn })}
          ${textInput({ name: "closesOn", label: "Closes on", hint: "For example, 2026-07-31", value: values.closesOn, width: 10, error: errors?.closesOn })}
          ${button({ text: "Create draft" })}</form>`
            : ""
        }`,
    });
  };
  app.get("/engagement/consultations", (c) => showConsultations(c));
  app.post("/engagement/consultations", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, createConsultation, actor, form));
    if (!result.ok) return showConsultations(c, form, result.errors);
    return c.redirect(`/engagement/consultations/${result.value.id}`, 303);
  });

  const showConsultation = async (
    c: Context<AppEnv>,
    values: Record<string, string> = {},
    errors?: FieldErrors,
  ) => {
    const actor = requireActor(c);
    const { consultation, questions, responses, results } = await consultationResults(
      c.get("services").database.db,
      actor,
      c.req.param("id") ?? "",
    );
    const manage = canManageEngagement(actor);
    const statusForm = (status: "open" | "closed", text: string): SafeHtml =>
      html`<form method="post" action="/engagement/consultations/${consultation.id}/status" novalidate>${csrfField(c)}<input type="hidden" name="status" value="${status}">${button({ text, variant: status === "open" ? "primary" : "warning" })}</form>`;
    return renderPage(c, {
      title: consultation.title,
      errors,
      status: errors ? 422 : 200,
      backLink: "/engagement/consultations",
      notification: flashFrom(c, { question: "Question changed." }),
      content: html`<span class="govuk-caption-l">Consultation · ${consultation.status}</span><h1 class="govuk-heading-l">${consultation.title}</h1>
        ${summaryList([
          { key: "About", value: consultation.description },
          {
            key: "Open",
            value: `${formatDate(consultation.opensOn)} to ${formatDate(consultation.closesOn)}`,
          },
          { key: "Responses", value: String(responses) },
        ])}
        ${responses > 0 ? html`<p class="govuk-body"><a class="govuk-link" href="/engagement/consultations/${consultation.id}/results.csv" download>Download the results (CSV)</a></p>` : ""}
        ${manage && consultation.status === "draft" ? statusForm("open", "Open the consultation") : ""}
        ${manage && consultation.status === "open" ? statusForm("closed", "Close the consultation") : ""}
        <h2 class="govuk-heading-m">${consultation.status === "draft" ? "Questions" : "Results"}</h2>
        ${results.map(
          (r, index) => html`<h3 class="govuk-heading-s">${index + 1}. ${r.text}</h3>
          <p class="govuk-body-s">${questionKinds[r.kind as keyof typeof questionKinds]} · ${r.answered} answered${r.average !== null ? ` · average ${r.average.toFixed(1)} out of 5` : ""}${manage && responses === 0 && consultation.status !== "closed" ? html` · <a class="govuk-link" href="/engagement/questions/${r.id}/edit">Change<span class="govuk-visually-hidden"> question ${index + 1}</span></a>` : ""}</p>
          ${r.counts.length && r.answered > 0 ? barChart({ id: `q-${r.id}`, title: r.text, description: `${r.answered} people answered.`, bars: r.counts.map((count) => ({ label: count.label, value: count.count })), valueLabel: "Answers", categoryLabel: "Answer", table: "details" }) : ""}
          ${r.comments.length ? html`<ul class="govuk-list govuk-list--bullet">${r.comments.slice(0, 10).map((t) => html`<li>${t}</li>`)}</ul>` : ""}`,
        )}
        ${questions.length === 0 ? html`<p class="govuk-body">No questions yet.</p>` : ""}
        ${
          manage && consultation.status === "draft"
            ? html`<form method="post" action="/engagement/consultations/${consultation.id}/questions" novalidate>${csrfField(c)}
          <h3 class="govuk-heading-s">Add a question</h3>
          ${questionFields(values, errors)}
          ${button({ text: "Add question", variant: "secondary" })}</form>`
            : ""
        }`,
    });
  };
  app.get("/engagement/consultations/:id", (c) => showConsultation(c));
  app.post("/engagement/consultations/:id/questions", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, addQuestion, actor, c.req.param("id"), form));
    if (!result.ok) return showConsultation(c, form, result.errors);
    return c.redirect(`/engagement/consultations/${c.req.param("id")}`, 303);
  });
  app.post("/engagement/consultations/:id/status", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() =>
      callForPage(
        c,
        setConsultationStatus,
        actor,
        c.req.param("id"),
        form.status === "closed" ? "closed" : "open",
      ),
    );
    if (!result.ok) return showConsultation(c, {}, result.errors);
    return c.redirect(`/engagement/consultations/${c.req.param("id")}`, 303);
  });

  const showYouSaid = async (
    c: Context<AppEnv>,
    actor: Actor,
    values: Record<string, string> = {},
    errors?: FieldErrors,
  ) => {
    const db = c.get("services").database.db;
    const [records, consultations] = await Promise.all([
      listYouSaidWeDid(db, actor.organisationId, c.get("now")),
      listConsultations(db, actor),
    ]);
    return renderPage(c, {
      title: "You said, we did",
      errors,
      status: errors ? 422 : 200,
      notification: flashFrom(c, { saved: "Published." }),
      content: html`${tabs("/engagement/you-said-we-did")}<h1 class="govuk-heading-l">You said, we did</h1>
        ${table({ caption: "Published", head: [{ text: "You said" }, { text: "We did" }, { text: "Published" }], rows: records.map((r) => [r.youSaid, r.weDid, formatDate(r.publishedOn)]) })}
        ${
          canManageEngagement(actor)
            ? html`<form method="post" action="/engagement/you-said-we-did" novalidate>${csrfField(c)}<h2 class="govuk-heading-m">Publish a response to feedback</h2>
          ${textarea({ name: "youSaid", label: "You said", value: values.youSaid, error: errors?.youSaid, rows: 2 })}
          ${textarea({ name: "weDid", label: "We did", value: values.weDid, error: errors?.weDid, rows: 2 })}
          ${select({ name: "consultationId", label: "From consultation (optional)", options: [{ value: "", text: "None" }, ...consultations.map((x) => ({ value: x.id, text: x.title }))], value: values.consultationId, error: errors?.consultationId })}
          ${textInput({ name: "publishedOn", label: "Publish on", hint: "For example, 2026-07-01", value: values.publishedOn, width: 10, error: errors?.publishedOn })}
          ${button({ text: "Publish" })}</form>`
            : ""
        }`,
    });
  };
  app.get("/engagement/you-said-we-did", (c) => showYouSaid(c, requireActor(c)));
  app.post("/engagement/you-said-we-did", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, recordYouSaidWeDid, actor, form));
    if (!result.ok) return showYouSaid(c, actor, form, result.errors);
    return c.redirect("/engagement/you-said-we-did?done=saved", 303);
  });
  return app;
}
