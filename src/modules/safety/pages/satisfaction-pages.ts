import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatDate, html, insetText, radios, table } from "../../../platform/ui/index.ts";
import { recordSatisfaction, satisfactionCheckFor } from "../commands/record-satisfaction.ts";
import { satisfactionAnswerNames, satisfactionAnswers, tsmAsbQuestion } from "../domain/satisfaction.ts";
import { londonDay } from "../domain/settings.ts";
import { satisfactionSummary } from "../queries/satisfaction.ts";
import { attempt, csrfField, safetyNav } from "./common.ts";

// The complainant's answer to the TSM handling-of-ASB question (tenant portal), and the staff report
// of answers by count.

const db = (c: Context<AppEnv>) => c.get("services").database.db;

export function satisfactionPages(app: Hono<AppEnv>): void {
  const question = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: FieldErrors,
    status: 200 | 409 | 422,
  ) => {
    const caseId = c.req.param("id") ?? "";
    const check = await satisfactionCheckFor(db(c), requireActor(c), c.get("now"), caseId);
    const answered = check?.answer
      ? satisfactionAnswerNames[check.answer as keyof typeof satisfactionAnswerNames]
      : null;
    return renderPage(c, {
      title: "How we handled your case",
      errors,
      status,
      backLink: `/my-cases/${caseId}`,
      content:
        check === null
          ? html`<h1 class="govuk-heading-l">How we handled your case</h1><p class="govuk-body">We will ask you about this when your case closes.</p>`
          : answered
            ? html`<h1 class="govuk-heading-l">How we handled your case</h1>${insetText(html`Thank you. You answered: ${answered}.`)}`
            : html`<form method="post" action="/my-cases/${caseId}/satisfaction" novalidate>${csrfField(c)}
            ${radios({ name: "answer", legend: { text: tsmAsbQuestion, classes: "govuk-fieldset__legend--l", isPageHeading: true }, value: values.answer, error: errors.answer, items: satisfactionAnswers.map((a) => ({ value: a, text: satisfactionAnswerNames[a] })) })}
            ${button({ text: "Send answer" })}</form>`,
    });
  };
  app.get("/my-cases/:id/satisfaction", (c) => question(c, {}, {}, 200));
  app.post("/my-cases/:id/satisfaction", async (c) => {
    const values = await readForm(c);
    const caseId = c.req.param("id");
    const result = await attempt(
      () => recordSatisfaction(db(c), requireActor(c), c.get("now"), caseId, values.answer),
      (errors, problem) => question(c, values, errors, problem.status as 409 | 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/my-cases/${caseId}/satisfaction`, 303);
  });

  app.get("/safety/satisfaction", async (c) => {
    const actor = requireActor(c);
    const today = londonDay(c.get("now"));
    const q = c.req.query();
    // The last 12 months by default; a date range from the query when both ends are real dates.
    const from = q.from && isRealDate(q.from) ? q.from : `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const to = q.to && isRealDate(q.to) ? q.to : today;
    const summary = await satisfactionSummary(db(c), actor, { from, to });
    return renderPage(c, {
      title: "Satisfaction with handling of anti-social behaviour",
      fullWidth: true,
      content: html`${safetyNav("/safety/satisfaction")}<h1 class="govuk-heading-l">Satisfaction with handling of anti-social behaviour</h1>
        <p class="govuk-body">Tenant Satisfaction Measure TP12: “${tsmAsbQuestion}” Asked of complainants when their case closes. Cases closed from ${formatDate(from)} to ${formatDate(to)}.</p>
        <p class="govuk-body">${summary.answered} answers from ${summary.asked} complainants asked.${summary.satisfiedPercent === null ? "" : ` ${summary.satisfiedPercent}% very or fairly satisfied (not counting “not applicable”).`}</p>
        ${table({
          caption: "Answers",
          head: [{ text: "Answer" }, { text: "Number", numeric: true }],
          rows: summary.counts.map((row) => [
            satisfactionAnswerNames[row.answer],
            { content: row.count, numeric: true },
          ]),
        })}`,
    });
  });
}
