import { type Context, Hono } from "hono";
import { publicOrganisationBySlug } from "../../../platform/access/public-organisations.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  formatDate,
  html,
  panel,
  radios,
  type SafeHtml,
  textarea,
} from "../../../platform/ui/index.ts";
import { readAnswer, submitResponse } from "../commands/consultations.ts";
import { getOpenConsultation, listOpenConsultations, listYouSaidWeDid } from "../queries/engagement.ts";
import type { ConsultationQuestion } from "../schema.ts";

// "Have your say": residents answer consultations without signing in, one question per page.
// Answers so far travel in hidden fields; nothing is stored until they send them.

type Answers = Record<string, string[]>;

function questionField(question: ConsultationQuestion, value: string[], error: string | undefined): SafeHtml {
  const name = `q-${question.id}`;
  const legend = { text: question.text, classes: "govuk-fieldset__legend--l", isPageHeading: true };
  const optional = question.required ? undefined : "Optional";
  switch (question.kind) {
    case "single-choice":
      return radios({
        name,
        legend,
        hint: optional,
        items: question.options.map((o) => ({ value: o, text: o })),
        value: value[0],
        error,
      });
    case "multiple-choice":
      return checkboxes({
        name,
        legend,
        hint: optional ? "Select all that apply (optional)" : "Select all that apply",
        items: question.options.map((o) => ({ value: o, text: o })),
        values: value,
        error,
      });
    case "rating":
      return radios({
        name,
        legend,
        hint: "1 is very poor, 5 is very good",
        items: ["1", "2", "3", "4", "5"].map((o) => ({ value: o, text: o })),
        value: value[0],
        error,
        inline: true,
      });
    case "free-text":
      return textarea({
        name,
        label: question.text,
        labelClasses: "govuk-label--l",
        isPageHeading: true,
        hint: optional,
        value: value[0],
        error,
      });
  }
}

async function readAnswers(c: Context<AppEnv>): Promise<{ step: string; answers: Answers }> {
  const body = await c.req.parseBody({ all: true });
  const answers: Answers = {};
  for (const [key, raw] of Object.entries(body)) {
    if (!key.startsWith("q-")) continue;
    answers[key] = (Array.isArray(raw) ? raw : [raw]).filter(
      (v): v is string => typeof v === "string" && v.trim() !== "",
    );
  }
  return { step: typeof body.step === "string" ? body.step : "", answers };
}

export function engagementPublicPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/have-your-say/:slug", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const db = c.get("services").database.db;
    const [open, said] = await Promise.all([
      listOpenConsultations(db, org.id, c.get("now")),
      listYouSaidWeDid(db, org.id, c.get("now")),
    ]);
    return renderPage(c, {
      title: `Have your say – ${org.name}`,
      content: html`<h1 class="govuk-heading-xl">Have your say</h1>
        <h2 class="govuk-heading-m">Open consultations</h2>
        ${open.length === 0 ? html`<p class="govuk-body">There are no open consultations at the moment.</p>` : html`<ul class="govuk-list">${open.map((x) => html`<li><a class="govuk-link" href="/have-your-say/${org.slug}/${x.id}">${x.title}</a> <span class="govuk-body-s">(closes ${formatDate(x.closesOn)})</span></li>`)}</ul>`}
        <h2 class="govuk-heading-m">You said, we did</h2>
        ${said.length === 0 ? html`<p class="govuk-body">Nothing published yet.</p>` : said.map((r) => html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">${formatDate(r.publishedOn)}${r.consultationTitle ? ` – ${r.consultationTitle}` : ""}</h3></div><div class="govuk-summary-card__content"><dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">You said</dt><dd class="govuk-summary-list__value">${r.youSaid}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">We did</dt><dd class="govuk-summary-list__value">${r.weDid}</dd></div></dl></div></div>`)}`,
    });
  });

  const show = (
    c: Context<AppEnv>,
    slug: string,
    found: Awaited<ReturnType<typeof getOpenConsultation>>,
    index: number,
    answers: Answers,
    errors?: FieldErrors,
  ) => {
    const question = found.questions[index];
    const hidden = Object.entries(answers)
      .filter(([key]) => !question || key !== `q-${question.id}`)
      .flatMap(([key, values]) => values.map((v) => html`<input type="hidden" name="${key}" value="${v}">`));
    const action = `/have-your-say/${slug}/${found.consultation.id}`;
    if (!question) {
      return renderPage(c, {
        title: `Send your answers – ${found.consultation.title}`,
        errors,
        status: errors ? 422 : 200,
        content: html`<span class="govuk-caption-l">${found.consultation.title}</span><h1 class="govuk-heading-l">Send your answers</h1>
          <p class="govuk-body">Your answers are anonymous: we do not ask for your name.</p>
          <form method="post" action="${action}" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}"><input type="hidden" name="step" value="send">${hidden}${button({ text: "Send answers", preventDoubleClick: true })}</form>`,
      });
    }
    return renderPage(c, {
      title: `${question.text} – ${found.consultation.title}`,
      errors,
      status: errors ? 422 : 200,
      content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">${found.consultation.title} · question ${index + 1} of ${found.questions.length}</span>
        ${index === 0 ? html`<p class="govuk-body">${found.consultation.description}</p>` : ""}
        <form method="post" action="${action}" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}"><input type="hidden" name="step" value="${question.id}">${hidden}
          ${questionField(question, answers[`q-${question.id}`] ?? [], errors?.[`q-${question.id}`])}
          ${button({ text: "Continue" })}</form></div></div>`,
    });
  };

  app.get("/have-your-say/:slug/:id", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const found = await getOpenConsultation(
      c.get("services").database.db,
      org.id,
      c.get("now"),
      c.req.param("id"),
    );
    return show(c, org.slug, found, 0, {});
  });

  app.post("/have-your-say/:slug/:id", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    const db = c.get("services").database.db;
    const found = await getOpenConsultation(db, org.id, c.get("now"), c.req.param("id"));
    const { step, answers } = await readAnswers(c);
    if (step === "send") {
      try {
        await submitResponse(
          db,
          org.id,
          c.get("now"),
          found.consultation.id,
          Object.fromEntries(found.questions.map((q) => [q.id, answers[`q-${q.id}`]])),
        );
      } catch (error) {
        if (!(error instanceof Problem) || error.status !== 422) throw error;
        const first = found.questions.findIndex((q) => error.fieldErrors?.[`q-${q.id}`]);
        return show(
          c,
          org.slug,
          found,
          first >= 0 ? first : found.questions.length,
          answers,
          error.fieldErrors,
        );
      }
      return c.redirect(`/have-your-say/${org.slug}/${found.consultation.id}/thank-you`, 303);
    }
    const index = found.questions.findIndex((q) => q.id === step);
    const question = found.questions[index];
    if (!question) return show(c, org.slug, found, 0, answers);
    const checked = readAnswer(question, answers[`q-${question.id}`]);
    if (typeof checked === "string")
      return show(c, org.slug, found, index, answers, { [`q-${question.id}`]: checked });
    return show(c, org.slug, found, index + 1, answers);
  });

  app.get("/have-your-say/:slug/:id/thank-you", async (c) => {
    const org = await publicOrganisationBySlug(c.get("services").database.db, c.req.param("slug"));
    return renderPage(c, {
      title: "Answers sent",
      content: html`${panel({ title: "Thank you: your answers have been sent", headingLevel: 1 })}
        <p class="govuk-body">We publish what we change as a result under <a class="govuk-link" href="/have-your-say/${org.slug}">You said, we did</a>.</p>`,
    });
  });
  return app;
}
