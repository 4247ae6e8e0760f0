import { type Context, Hono } from "hono";
import { addDays } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  formatDate,
  html,
  radios,
  table,
  tag,
  textInput,
} from "../../../platform/ui/index.ts";
import { valueOutcomeName, valueOutcomeNames } from "../../impact/index.ts";
import { completeFollowUp } from "../commands/record-outcome.ts";
import { londonToday } from "../commands/record-session.ts";
import { followUpToRecord, listDueFollowUps } from "../queries/follow-ups.ts";
import { investmentNav } from "./investment-nav.ts";

function followUpForm(
  c: Context<AppEnv>,
  outcomeId: string,
  months: string,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
) {
  const [year, month, day] = (values.completedOn ?? "").split("-");
  return renderPage(c, {
    title: `Record the ${months}-month follow-up`,
    errors,
    status,
    backLink: "/investment/follow-ups",
    content: html`<h1 class="govuk-heading-l">Record the ${months}-month follow-up</h1>
      <form method="post" action="/investment/follow-ups/${outcomeId}/${months}" novalidate>${csrfField(c)}
        ${dateInput({ name: "completedOn", legend: { text: "Date of the follow-up", classes: "govuk-fieldset__legend--s" }, hint: "For example, 27 3 2026", error: errors["completedOn-day"], value: { day, month, year } })}
        ${radios({
          name: "sustained",
          legend: { text: "Has the outcome lasted?", classes: "govuk-fieldset__legend--s" },
          inline: true,
          value: values.sustained,
          error: errors.sustained,
          items: [
            { value: "yes", text: "Yes" },
            { value: "no", text: "No" },
          ],
        })}
        ${textInput({ name: "distanceRating", label: "Distance travelled now (optional)", hint: "Rating from 1 to 10", value: values.distanceRating, error: errors.distanceRating, width: 2, inputmode: "numeric" })}
        ${textInput({ name: "wellbeingScore", label: "Wellbeing now (optional)", hint: "Short Warwick-Edinburgh score, 7 to 35", value: values.wellbeingScore, error: errors.wellbeingScore, width: 2, inputmode: "numeric" })}
        ${button({ text: "Save follow-up" })}
      </form>`,
  });
}

const optionalNumber = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : null);

/** Outcome follow-ups at 6 and 12 months: what is due, and recording each one. */
export function followUpPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/investment/follow-ups", async (c) => {
    const actor = requireActor(c);
    const today = londonToday(c.get("now"));
    const [due, valueNames] = await Promise.all([
      callForPage(c, listDueFollowUps, actor, addDays(today, 30)),
      valueOutcomeNames(c.get("services").database.db, actor),
    ]);
    return renderPage(c, {
      title: "Follow-ups due",
      fullWidth: true,
      notification: flashFrom(c, { recorded: "The follow-up has been recorded." }),
      content: html`${investmentNav("/investment/follow-ups")}<h1 class="govuk-heading-l">Follow-ups due</h1>
        <p class="govuk-body">Outcomes to check again at 6 and 12 months, due in the next 30 days or overdue.</p>
        ${table({
          caption: `${due.length} follow-ups`,
          head: [
            { text: "Due" },
            { text: "Participant" },
            { text: "Project" },
            { text: "Outcome" },
            { text: "Follow-up" },
          ],
          rows: due.map((f) => [
            html`${formatDate(f.dueOn)}${f.dueOn < today ? html` ${tag("Overdue", "red")}` : ""}`,
            html`<a class="govuk-link" href="/investment/participants/${f.participantId}">${f.participantName}</a>`,
            f.projectName,
            valueOutcomeName(valueNames, f.valueCode),
            html`<a class="govuk-link" href="/investment/follow-ups/${f.outcomeId}/${f.months}">Record ${f.months}-month follow-up<span class="govuk-visually-hidden"> for ${f.participantName}</span></a>`,
          ]),
        })}`,
    });
  });
  app.get("/investment/follow-ups/:outcomeId/:months", async (c) => {
    const due = await followUpToRecord(
      c.get("services").database.db,
      requireActor(c),
      c.req.param("outcomeId"),
      Number(c.req.param("months")),
    );
    return followUpForm(c, due.outcomeId, String(due.months), {});
  });
  app.post("/investment/follow-ups/:outcomeId/:months", async (c) => {
    const actor = requireActor(c);
    const { outcomeId, months } = c.req.param();
    const values = await readForm(c);
    const completedOn = dateFromParts(values, "completedOn");
    try {
      await callForPage(c, completeFollowUp, actor, outcomeId, Number(months), {
        completedOn,
        sustained: values.sustained === "yes" ? true : values.sustained === "no" ? false : undefined,
        distanceRating: optionalNumber(values.distanceRating),
        wellbeingScore: optionalNumber(values.wellbeingScore),
      });
      return c.redirect("/investment/follow-ups?done=recorded", 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 422) {
        const errors = { ...(error.fieldErrors ?? {}) };
        if (errors.completedOn) {
          errors["completedOn-day"] = errors.completedOn;
          delete errors.completedOn;
        }
        return followUpForm(c, outcomeId, months, { ...values, completedOn }, errors, 422);
      }
      throw error;
    }
  });
  return app;
}
