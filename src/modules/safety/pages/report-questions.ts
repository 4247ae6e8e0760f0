import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  fileUpload,
  formatDate,
  html,
  radios,
  type SafeHtml,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { hateStrandNames, hateStrands } from "../domain/categories.ts";
import type { ConfiguredCategory } from "../domain/configuration.ts";
import { tenantHint } from "../domain/tenant-categories.ts";
import { csrfField } from "./common.ts";

// The resident's report: GOV.UK question pages, one question each, no JavaScript. Answers so far
// travel as hidden fields, so nothing is stored until the resident sends the report. A Change
// link on the check page is a button in a small form that carries the answers back to one
// question, which then returns to the check page.

export const steps = ["what", "hate", "when", "where", "details", "check"] as const;
export type Step = (typeof steps)[number];
export type Answers = Record<
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

export function answersFrom(values: Record<string, string>): Answers {
  return Object.fromEntries(answerKeys.map((key) => [key, values[key] ?? ""])) as Answers;
}

function hidden(answers: Answers, except: keyof Answers | null): SafeHtml {
  const skip = (key: keyof Answers) =>
    key === except || (except === "where" && key === "locationDescription");
  return html`${answerKeys.filter((key) => !skip(key)).map((key) => html`<input type="hidden" name="${key}" value="${answers[key]}">`)}`;
}

const hateQuestion = "Do you think it happened because of who you are?";
export const offeredCategory = (offered: ConfiguredCategory[], code: string) =>
  offered.find((cat) => cat.code === code);
export const isPersonal = (offered: ConfiguredCategory[], answers: Answers) =>
  offeredCategory(offered, answers.category)?.nsirType === "personal";

export type QuestionStep = Exclude<Step, "check">;
const fieldOf: Record<QuestionStep, keyof Answers> = {
  what: "category",
  hate: "hateStrand",
  when: "happenedOn",
  where: "where",
  details: "description",
};

function questionBody(
  offered: ConfiguredCategory[],
  step: QuestionStep,
  answers: Answers,
  errors: FieldErrors,
): { title: string; body: SafeHtml } {
  const heading = (text: string) => ({ text, classes: "govuk-fieldset__legend--l", isPageHeading: true });
  const [year = "", month = "", day = ""] = answers.happenedOn.split("-");
  if (step === "what")
    return {
      title: "What do you want to report?",
      body: radios({
        name: "category",
        legend: heading("What do you want to report?"),
        value: answers.category,
        error: errors.category,
        items: offered.map((cat) => ({ value: cat.code, text: cat.name, hint: tenantHint(cat) })),
      }),
    };
  if (step === "hate")
    return {
      title: hateQuestion,
      body: radios({
        name: "hateStrand",
        legend: heading(hateQuestion),
        hint: "This helps us treat it as a hate incident. You do not have to answer.",
        value: answers.hateStrand || "none",
        error: errors.hateStrand,
        items: [
          ...hateStrands.map((s) => ({ value: s, text: `Yes: my ${hateStrandNames[s].toLowerCase()}` })),
          { divider: "or" },
          { value: "none", text: "No, or I would rather not say" },
        ],
      }),
    };
  if (step === "when")
    return {
      title: "When did it happen?",
      body: dateInput({
        name: "happenedOn",
        legend: heading("When did it happen?"),
        hint: "If it keeps happening, tell us the most recent time. For example, 27 3 2026",
        error: errors["happenedOn-day"] ?? errors.happenedOn,
        value: { year, month, day },
      }),
    };
  if (step === "where")
    return {
      title: "Where did it happen?",
      body: html`${radios({
        name: "where",
        legend: heading("Where did it happen?"),
        value: answers.where,
        error: errors.where,
        items: [
          { value: "home", text: "At or near my home" },
          { value: "elsewhere", text: "Somewhere else" },
        ],
      })}${textInput({ name: "locationDescription", label: "If somewhere else, where?", hint: "For example, the car park behind Kestrel House", value: answers.locationDescription, error: errors.locationDescription })}`,
    };
  return {
    title: "What happened?",
    body: textarea({
      name: "description",
      label: "What happened?",
      labelClasses: "govuk-label--l",
      isPageHeading: true,
      hint: "Tell us what happened and who was involved, if you know. Do not include anything you would not want the person you are reporting to read if it came to court.",
      value: answers.description,
      error: errors.description,
      rows: 8,
    }),
  };
}

/** One question page. `returnToCheck` marks a question reached from a Change link. */
export function questionPage(
  c: Context<AppEnv>,
  offered: ConfiguredCategory[],
  step: QuestionStep,
  answers: Answers,
  errors: FieldErrors = {},
  returnToCheck = false,
) {
  const page = questionBody(offered, step, answers, errors);
  return renderPage(c, {
    title: page.title,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: "/report",
    content: html`<form method="post" action="/report" novalidate>${csrfField(c)}<input type="hidden" name="step" value="${step}">${returnToCheck ? html`<input type="hidden" name="return" value="check">` : ""}${hidden(answers, fieldOf[step])}${page.body}${button({ text: "Continue" })}</form>`,
  });
}

function changeButton(step: QuestionStep, what: string): SafeHtml {
  return html`<button type="submit" form="report-change" name="change" value="${step}" class="govuk-link kith-link-button">Change<span class="govuk-visually-hidden"> ${what}</span></button>`;
}

/** The check page: every answer with its Change button, then evidence and the Send button. */
export function checkPage(
  c: Context<AppEnv>,
  offered: ConfiguredCategory[],
  answers: Answers,
  errors: FieldErrors = {},
  status: 200 | 413 | 422 = Object.keys(errors).length ? 422 : 200,
) {
  const rows: { key: string; value: string; step: QuestionStep; what: string }[] = [
    {
      key: "What",
      value: offeredCategory(offered, answers.category)?.name ?? "",
      step: "what",
      what: "what you are reporting",
    },
    ...(isPersonal(offered, answers)
      ? [
          {
            key: "Because of who you are",
            value:
              answers.hateStrand && answers.hateStrand !== "none"
                ? hateStrandNames[answers.hateStrand as keyof typeof hateStrandNames]
                : "No",
            step: "hate" as const,
            what: "whether it was because of who you are",
          },
        ]
      : []),
    {
      key: "When",
      value: isRealDate(answers.happenedOn) ? formatDate(answers.happenedOn) : "",
      step: "when",
      what: "when it happened",
    },
    {
      key: "Where",
      value: answers.where === "home" ? "At or near my home" : answers.locationDescription,
      step: "where",
      what: "where it happened",
    },
    { key: "What happened", value: answers.description, step: "details", what: "what happened" },
  ];
  return renderPage(c, {
    title: "Check your report before sending it",
    errors,
    status,
    backLink: "/report",
    content: html`<h1 class="govuk-heading-l">Check your report before sending it</h1>
      <form id="report-change" method="post" action="/report" novalidate>${csrfField(c)}<input type="hidden" name="step" value="check">${hidden(answers, null)}</form>
      <dl class="govuk-summary-list">${rows.map((row) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${row.key}</dt><dd class="govuk-summary-list__value">${row.value}</dd><dd class="govuk-summary-list__actions">${changeButton(row.step, row.what)}</dd></div>`)}</dl>
      <form method="post" action="/report" enctype="multipart/form-data" novalidate>${csrfField(c)}<input type="hidden" name="step" value="check"><input type="hidden" name="send" value="yes">${hidden(answers, null)}
        <h2 class="govuk-heading-m">Photos, recordings or documents (optional)</h2>
        ${fileUpload({ name: "evidence", label: "Add evidence", hint: "Up to 5 files: PDF, JPG, PNG or MP3, each smaller than 10 MB. iPhone HEIC photos cannot be read: send them as JPG.", error: errors.evidence, accept: ".pdf,.jpg,.jpeg,.png,.mp3", multiple: true })}
        ${button({ text: "Send report" })}
      </form>`,
  });
}

/** What a question's answer must be before the resident moves on. */
export function checkStep(
  offered: ConfiguredCategory[],
  step: Step,
  answers: Answers,
  today: string,
): FieldErrors {
  if (step === "what" && !offeredCategory(offered, answers.category))
    return { category: "Select what you want to report" };
  if (
    step === "hate" &&
    // Not answered counts as "rather not say": the question says it is optional.
    answers.hateStrand !== "" &&
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

/** The question after `step`; from a Change link, straight back to the check page unless a new question now applies. */
export function stepAfter(
  offered: ConfiguredCategory[],
  step: Step,
  answers: Answers,
  returnToCheck: boolean,
): Step {
  const personal = isPersonal(offered, answers);
  if (returnToCheck) return step === "what" && personal && !answers.hateStrand ? "hate" : "check";
  const next = steps[steps.indexOf(step) + 1] ?? "check";
  return next === "hate" && !personal ? "when" : next;
}
