import type { Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { enforceLimit } from "../../../platform/auth/rate-limit.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts, isRealDate } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  formatDate,
  html,
  panel,
  radios,
  type SafeHtml,
  summaryList,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { submitReport } from "../commands/submit-report.ts";
import { hateStrandNames, hateStrands } from "../domain/categories.ts";
import {
  activeCategories,
  type ConfiguredCategory,
  loadSafetyConfiguration,
} from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { personById } from "../neighbours.ts";
import { canSubmitReport } from "../policy.ts";
import { attempt, csrfField } from "./common.ts";

// The resident's report: GOV.UK question pages, one question each, no JavaScript. Answers so far
// travel as hidden fields, so nothing is stored until the resident sends the report.

const steps = ["what", "hate", "when", "where", "details", "check"] as const;
type Step = (typeof steps)[number];
type Answers = Record<
  "category" | "hateStrand" | "happenedOn" | "where" | "locationDescription" | "description",
  string
>;
const answerKeys: (keyof Answers)[] = [
  "category",
  "hateStrand",
  "happenedOn",
  "where",
  "locationDescription",
  "description",
];

function answersFrom(values: Record<string, string>): Answers {
  return Object.fromEntries(answerKeys.map((key) => [key, values[key] ?? ""])) as Answers;
}

function hidden(answers: Answers, except: keyof Answers | null): SafeHtml {
  return html`${answerKeys.filter((key) => key !== except && key !== (except === "where" ? "locationDescription" : null)).map((key) => html`<input type="hidden" name="${key}" value="${answers[key]}">`)}`;
}

const hateQuestion = "Do you think it happened because of who you are?";
/** What residents can report: the organisation's categories in use, except exploitation (staff record those). */
async function residentCategories(c: Context<AppEnv>): Promise<ConfiguredCategory[]> {
  const actor = requireActor(c);
  const configuration = await loadSafetyConfiguration(c.get("services").database.db, actor.organisationId);
  return activeCategories(configuration).filter((category) => category.code !== "exploitation");
}
const offeredCategory = (offered: ConfiguredCategory[], code: string) =>
  offered.find((cat) => cat.code === code);

function question(
  c: Context<AppEnv>,
  offered: ConfiguredCategory[],
  step: Step,
  answers: Answers,
  errors: FieldErrors = {},
) {
  const form = (field: keyof Answers | null, body: SafeHtml, submit = "Continue") =>
    html`<form method="post" action="/report" novalidate>${csrfField(c)}<input type="hidden" name="step" value="${step}">${hidden(answers, field)}${body}${button({ text: submit })}</form>`;
  const [year = "", month = "", day = ""] = answers.happenedOn.split("-");
  const content: Record<Step, { title: string; body: SafeHtml }> = {
    what: {
      title: "What do you want to report?",
      body: form(
        "category",
        radios({
          name: "category",
          legend: {
            text: "What do you want to report?",
            classes: "govuk-fieldset__legend--l",
            isPageHeading: true,
          },
          value: answers.category,
          error: errors.category,
          items: offered.map((cat) => ({ value: cat.code, text: cat.name })),
        }),
      ),
    },
    hate: {
      title: hateQuestion,
      body: form(
        "hateStrand",
        radios({
          name: "hateStrand",
          legend: { text: hateQuestion, classes: "govuk-fieldset__legend--l", isPageHeading: true },
          hint: "This helps us treat it as a hate incident. You do not have to answer.",
          value: answers.hateStrand || "none",
          error: errors.hateStrand,
          items: [
            ...hateStrands.map((s) => ({ value: s, text: `Yes: my ${hateStrandNames[s].toLowerCase()}` })),
            { divider: "or" },
            { value: "none", text: "No, or I would rather not say" },
          ],
        }),
      ),
    },
    when: {
      title: "When did it happen?",
      body: form(
        "happenedOn",
        dateInput({
          name: "happenedOn",
          legend: { text: "When did it happen?", classes: "govuk-fieldset__legend--l", isPageHeading: true },
          hint: "If it keeps happening, tell us the most recent time. For example, 27 3 2026",
          error: errors.happenedOn,
          value: { year, month, day },
        }),
      ),
    },
    where: {
      title: "Where did it happen?",
      body: form(
        "where",
        html`${radios({
          name: "where",
          legend: { text: "Where did it happen?", classes: "govuk-fieldset__legend--l", isPageHeading: true },
          value: answers.where,
          error: errors.where,
          items: [
            { value: "home", text: "At or near my home" },
            { value: "elsewhere", text: "Somewhere else" },
          ],
        })}${textInput({ name: "locationDescription", label: "If somewhere else, where?", hint: "For example, the car park behind Kestrel House", value: answers.locationDescription, error: errors.locationDescription })}`,
      ),
    },
    details: {
      title: "What happened?",
      body: form(
        "description",
        textarea({
          name: "description",
          label: "What happened?",
          labelClasses: "govuk-label--l",
          isPageHeading: true,
          hint: "Tell us what happened and who was involved, if you know. Do not include anything you would not want the person you are reporting to read if it came to court.",
          value: answers.description,
          error: errors.description,
          rows: 8,
        }),
      ),
    },
    check: {
      title: "Check your report before sending it",
      body: html`<h1 class="govuk-heading-l">Check your report before sending it</h1>${summaryList([
        { key: "What", value: offeredCategory(offered, answers.category)?.name ?? "" },
        {
          key: "Because of who you are",
          value:
            answers.hateStrand && answers.hateStrand !== "none"
              ? hateStrandNames[answers.hateStrand as keyof typeof hateStrandNames]
              : "No",
        },
        { key: "When", value: isRealDate(answers.happenedOn) ? formatDate(answers.happenedOn) : "" },
        {
          key: "Where",
          value: answers.where === "home" ? "At or near my home" : answers.locationDescription,
        },
        { key: "What happened", value: answers.description },
      ])}<p class="govuk-body">To change an answer, start the report again: nothing has been sent yet.</p>${form(null, html`<input type="hidden" name="send" value="yes">`, "Send report")}`,
    },
  };
  const page = content[step];
  return renderPage(c, {
    title: page.title,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: "/my-cases",
    content: page.body,
  });
}

function check(offered: ConfiguredCategory[], step: Step, answers: Answers, today: string): FieldErrors {
  if (step === "what" && !offeredCategory(offered, answers.category))
    return { category: "Select what you want to report" };
  if (
    step === "hate" &&
    answers.hateStrand !== "none" &&
    !(hateStrands as readonly string[]).includes(answers.hateStrand)
  )
    return { hateStrand: "Select an answer" };
  if (step === "when") {
    if (!answers.happenedOn) return { "happenedOn-day": "Enter the date it happened" };
    if (!isRealDate(answers.happenedOn))
      return { "happenedOn-day": "The date it happened must be a real date" };
    if (answers.happenedOn > today)
      return { "happenedOn-day": "The date it happened must be today or in the past" };
  }
  if (step === "where") {
    if (answers.where !== "home" && answers.where !== "elsewhere")
      return { where: "Select where it happened" };
    if (answers.where === "elsewhere" && !answers.locationDescription.trim())
      return { locationDescription: "Tell us where it happened" };
  }
  if (step === "details") {
    if (!answers.description.trim()) return { description: "Tell us what happened" };
    if (answers.description.length > 5000)
      return { description: "What happened must be 5,000 characters or fewer" };
  }
  return {};
}

function nextStep(offered: ConfiguredCategory[], step: Step, answers: Answers): Step {
  const index = steps.indexOf(step);
  const next = steps[index + 1] ?? "check";
  const personal = offeredCategory(offered, answers.category)?.nsirType === "personal";
  return next === "hate" && !personal ? "when" : next;
}

export function reportJourney(app: Hono<AppEnv>): void {
  app.get("/report", async (c) => {
    const actor = requireActor(c);
    if (!canSubmitReport(actor))
      return renderPage(c, {
        title: "You cannot report here",
        status: 403,
        content: html`<h1 class="govuk-heading-l">You cannot report here</h1><p class="govuk-body">This account cannot send reports.</p>`,
      });
    return question(c, await residentCategories(c), "what", answersFrom({}));
  });

  app.post("/report", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const step = steps.find((s) => s === values.step) ?? "what";
    const answers = answersFrom({
      ...values,
      happenedOn: step === "when" ? dateFromParts(values, "happenedOn") : (values.happenedOn ?? ""),
    });
    if (answers.where === "home") answers.locationDescription = "";
    const offered = await residentCategories(c);
    const errors = check(offered, step, answers, londonDay(c.get("now")));
    if (Object.keys(errors).length > 0) return question(c, offered, step, answers, errors);
    if (step !== "check" || values.send !== "yes")
      return question(c, offered, nextStep(offered, step, answers), answers);
    await enforceLimit(c, "public-report");
    const db = c.get("services").database.db;
    const person =
      actor.kind === "user" && actor.personId
        ? await personById(db, actor, actor.personId, c.get("now"))
        : undefined;
    const homeId = answers.where === "home" ? (person?.homeId ?? null) : null;
    const result = await attempt(
      () =>
        submitReport(
          db,
          actor,
          c.get("now"),
          {
            category: answers.category,
            hateStrand:
              answers.hateStrand && answers.hateStrand !== "none"
                ? (answers.hateStrand as (typeof hateStrands)[number])
                : null,
            description: answers.description,
            happenedOn: answers.happenedOn,
            homeId,
            locationDescription: homeId ? null : answers.locationDescription || "At or near my home",
          },
          "portal",
        ),
      (problemErrors) => question(c, offered, "check", answers, problemErrors),
    );
    if (result instanceof Response) return result;
    return c.redirect("/report/sent", 303);
  });

  app.get("/report/sent", (c) => {
    requireAllowed(canSubmitReport(requireActor(c)), "This account cannot send reports.");
    return renderPage(c, {
      title: "Report sent",
      content: html`${panel({ title: "Report sent", body: "We will contact you within 2 working days" })}
        <h2 class="govuk-heading-m">What happens next</h2>
        <p class="govuk-body">An officer will read your report and either open a case or add it to the case you already have. You can follow it in <a class="govuk-link" href="/my-cases">your cases</a>.</p>
        <p class="govuk-body">If you are in danger now, call 999.</p>`,
    });
  });
}
