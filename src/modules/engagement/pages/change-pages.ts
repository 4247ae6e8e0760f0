import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, html, radios, textarea, textInput, warningText } from "../../../platform/ui/index.ts";
import {
  getParticipation,
  getQuestion,
  updateParticipation,
  updateQuestion,
} from "../commands/change-records.ts";
import { consultationResults } from "../queries/engagement.ts";
import { consultationResultsCsv } from "../results-csv.ts";
import { questionKinds } from "../schema.ts";

// Changing a participation or a consultation question, and the results download.

type Values = Record<string, string>;

/** The question fields, shared with the "add a question" form. */
export function questionFields(values: Values, errors: FieldErrors | undefined) {
  return html`
    ${textInput({ name: "text", label: "Question", value: values.text, error: errors?.text })}
    ${radios({ name: "kind", legend: { text: "Kind of answer", classes: "govuk-fieldset__legend--s" }, items: Object.entries(questionKinds).map(([value, text]) => ({ value, text })), value: values.kind, error: errors?.kind, small: true })}
    ${textarea({ name: "options", label: "Answers to choose from", hint: "One on each line, for choice questions only", value: values.options, error: errors?.options, rows: 4 })}
    ${radios({
      name: "required",
      legend: { text: "Must it be answered?", classes: "govuk-fieldset__legend--s" },
      items: [
        { value: "no", text: "No" },
        { value: "yes", text: "Yes" },
      ],
      value: values.required ?? "no",
      error: errors?.required,
      inline: true,
      small: true,
    })}`;
}

export function engagementChangePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const showParticipation = async (c: Context<AppEnv>, values: Values | null, errors?: FieldErrors) => {
    const actor = requireActor(c);
    const row = await callForPage(c, getParticipation, actor, c.req.param("id") ?? "");
    const shown = values ?? { role: row.role ?? "", startedOn: row.startedOn, endedOn: row.endedOn ?? "" };
    return renderPage(c, {
      title: `Change ${row.name}'s participation`,
      errors,
      status: errors ? 422 : 200,
      backLink: `/engagement/involvement/${row.opportunityId}`,
      content: html`<span class="govuk-caption-l">${row.name}</span><h1 class="govuk-heading-l">Change participation</h1>
        <form method="post" action="/engagement/participation/${row.id}/edit" novalidate>${csrfField(c)}
          ${textInput({ name: "role", label: "Role (optional)", hint: "For example, chair", width: 20, value: shown.role, error: errors?.role })}
          ${textInput({ name: "startedOn", label: "Started on", hint: "For example, 2026-04-01", width: 10, value: shown.startedOn, error: errors?.startedOn })}
          ${textInput({ name: "endedOn", label: "Stopped on (optional)", hint: "Leave blank while they still take part", width: 10, value: shown.endedOn, error: errors?.endedOn })}
          ${button({ text: "Save changes", preventDoubleClick: true })}</form>`,
    });
  };
  app.get("/engagement/participation/:id/edit", (c) => showParticipation(c, null));
  app.post("/engagement/participation/:id/edit", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const db = c.get("services").database.db;
    const result = await attemptForForm(
      () => updateParticipation(db, actor, c.get("now"), c.req.param("id"), form),
      { field: "text" },
    );
    if (!result.ok) return showParticipation(c, form, result.errors);
    const row = await getParticipation(db, actor, c.get("now"), c.req.param("id"));
    return c.redirect(`/engagement/involvement/${row.opportunityId}?done=changed`, 303);
  });

  const showQuestion = async (c: Context<AppEnv>, values: Values | null, errors?: FieldErrors) => {
    const actor = requireActor(c);
    const { question, consultation, changeable } = await getQuestion(
      c.get("services").database.db,
      actor,
      c.req.param("id") ?? "",
    );
    const shown = values ?? {
      text: question.text,
      kind: question.kind,
      options: question.options.join("\n"),
      required: question.required ? "yes" : "no",
    };
    return renderPage(c, {
      title: "Change a question",
      errors,
      status: errors ? 422 : 200,
      backLink: `/engagement/consultations/${consultation.id}`,
      content: html`<span class="govuk-caption-l">${consultation.title}</span><h1 class="govuk-heading-l">Change a question</h1>
        ${
          changeable
            ? html`<form method="post" action="/engagement/questions/${question.id}/edit" novalidate>${csrfField(c)}
          ${questionFields(shown, errors)}
          ${button({ text: "Save question", preventDoubleClick: true })}</form>`
            : warningText(
                "People have already answered, or the consultation has closed, so this question cannot change.",
              )
        }`,
    });
  };
  app.get("/engagement/questions/:id/edit", (c) => showQuestion(c, null));
  app.post("/engagement/questions/:id/edit", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const db = c.get("services").database.db;
    const result = await attemptForForm(
      () => updateQuestion(db, actor, c.get("now"), c.req.param("id"), form),
      { field: "text" },
    );
    if (!result.ok) return showQuestion(c, form, result.errors);
    const { consultation } = await getQuestion(db, actor, c.req.param("id"));
    return c.redirect(`/engagement/consultations/${consultation.id}?done=question`, 303);
  });

  app.get("/engagement/consultations/:id/results.csv", async (c) => {
    const actor = requireActor(c);
    const results = await consultationResults(c.get("services").database.db, actor, c.req.param("id"));
    return c.body(consultationResultsCsv(results), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="consultation-results-${results.consultation.id}.csv"`,
      "Cache-Control": "no-store",
    });
  });
  return app;
}
