import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { csrfField, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  html,
  radios,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import type { FrameworkOutcome } from "../../investment/index.ts";
import type { CreateProgrammeInput } from "../commands/create-programme.ts";
import { poundsAsPence } from "../inputs.ts";
import { formError, staffNav } from "./page-helpers.ts";

// The new-programme form. Lists (questions, criteria, outcomes) are typed one per line
// with "|" between the parts; each bad line is reported with its line number.

function lines(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function slugId(text: string, index: number): string {
  return `${
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 30) || "item"
  }-${index + 1}`;
}

export function programmeInputFromForm(form: Record<string, string>): {
  input: CreateProgrammeInput;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const eligibilityQuestions = lines(form.eligibilityQuestions).map((line, index) => {
    const [question = "", expected = "", failureReason = ""] = line.split("|").map((part) => part.trim());
    if (!question || !["yes", "no"].includes(expected.toLowerCase()) || !failureReason)
      errors.eligibilityQuestions ??= `Line ${index + 1}: write the question, the eligible answer (yes or no) and the reason, separated by |`;
    return {
      id: slugId(question, index),
      question,
      expected: (expected.toLowerCase() === "no" ? "no" : "yes") as "yes" | "no",
      failureReason,
    };
  });
  const scoringCriteria = lines(form.scoringCriteria).map((line, index) => {
    const [name = "", weight = ""] = line.split("|").map((part) => part.trim());
    if (!name || !/^\d{1,3}$/.test(weight) || Number(weight) < 1)
      errors.scoringCriteria ??= `Line ${index + 1}: write the criterion and a whole-number weight of at least 1, like Evidence of need | 3`;
    return { id: slugId(name, index), name, weight: Number(weight) || 0 };
  });
  const outcomes = lines(form.outcomes).map((line, index) => {
    const [code = "", title = ""] = line.split("|").map((part) => part.trim());
    if (!code || !title)
      errors.outcomes ??= `Line ${index + 1}: write the outcome code and its title, like CI-1 | Residents feel less isolated`;
    return { code, title };
  });
  const budget = poundsAsPence("the budget").safeParse(form.budget ?? "");
  if (!budget.success) errors.budget = budget.error.issues[0]?.message ?? "Enter the budget";
  const maxAward = poundsAsPence("the largest award").safeParse(form.maxAward ?? "");
  if (!maxAward.success) errors.maxAward = maxAward.error.issues[0]?.message ?? "Enter the largest award";
  return {
    errors,
    input: {
      code: form.code ?? "",
      title: form.title ?? "",
      description: form.description ?? "",
      grantType: (form.grantType ?? "") as CreateProgrammeInput["grantType"],
      budgetPence: budget.success ? budget.data : 0,
      maxAwardPence: maxAward.success ? maxAward.data : 0,
      opensOn: dateFromParts(form, "opensOn"),
      closesOn: dateFromParts(form, "closesOn"),
      eligibilityQuestions,
      scoringCriteria,
      outcomes,
      frameworkOutcomeIds: (form.frameworkOutcomeIds ?? "").split(",").filter((id) => id.length > 0),
    },
  };
}

/** Field names in the command's errors that are named differently on the form. */
export function formErrorsFromCommand(errors: FieldErrors): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const top = field.split(".")[0];
    const name = top === "budgetPence" ? "budget" : top === "maxAwardPence" ? "maxAward" : top;
    renamed[name] ??= message;
  }
  return renamed;
}

export function programmeForm(
  c: Context<AppEnv>,
  form: Record<string, string>,
  framework: FrameworkOutcome[],
  errors: FieldErrors = {},
  status: 200 | FormErrorStatus = 200,
): Response {
  const dateParts = (name: string) => ({
    day: form[`${name}-day`] ?? "",
    month: form[`${name}-month`] ?? "",
    year: form[`${name}-year`] ?? "",
  });
  return renderPage(c, {
    title: "Set up a grant programme",
    errors,
    status,
    backLink: "/grants/manage/programmes",
    content: html`${staffNav("programmes")}<h1 class="govuk-heading-l">Set up a grant programme</h1>
      ${formError(errors)}
      <form method="post" action="/grants/manage/programmes/new" novalidate>${csrfField(c)}
        ${textInput({ name: "code", label: "Programme code", hint: "Letters, numbers and hyphens, like CC-2026", value: form.code, error: errors.code, width: 10, spellcheck: false })}
        ${textInput({ name: "title", label: "Title", value: form.title, error: errors.title })}
        ${textarea({ name: "description", label: "Description", value: form.description, error: errors.description, rows: 4 })}
        ${radios({
          name: "grantType",
          legend: { text: "Type of grant", classes: "govuk-fieldset__legend--s" },
          value: form.grantType,
          error: errors.grantType,
          items: [
            { value: "innovation", text: "Innovation", hint: "One-off grants, pilots and new organisations" },
            {
              value: "strategic",
              text: "Strategic",
              hint: "Longer-term funding, which may be multi-year with annual payments",
            },
          ],
        })}
        ${textInput({ name: "budget", label: "Budget", prefix: "£", value: form.budget, error: errors.budget, width: 10, inputmode: "decimal" })}
        ${textInput({ name: "maxAward", label: "Largest award", prefix: "£", value: form.maxAward, error: errors.maxAward, width: 10, inputmode: "decimal" })}
        ${dateInput({ name: "opensOn", legend: { text: "Opens for applications", classes: "govuk-fieldset__legend--s" }, hint: "For example, 1 4 2026", value: dateParts("opensOn"), error: errors.opensOn })}
        ${dateInput({ name: "closesOn", legend: { text: "Closes for applications", classes: "govuk-fieldset__legend--s" }, hint: "For example, 31 5 2026", value: dateParts("closesOn"), error: errors.closesOn })}
        ${textarea({ name: "eligibilityQuestions", label: "Eligibility questions", hint: "One per line: question | eligible answer (yes or no) | why another answer is not eligible", value: form.eligibilityQuestions, error: errors.eligibilityQuestions, rows: 4 })}
        ${textarea({ name: "scoringCriteria", label: "Scoring criteria", hint: "One per line: criterion | weight. Assessors score each from 0 to 5.", value: form.scoringCriteria, error: errors.scoringCriteria, rows: 4 })}
        ${
          framework.length > 0
            ? checkboxes({
                name: "frameworkOutcomeIds",
                legend: {
                  text: "Outcomes the programme funds, from your outcome framework",
                  classes: "govuk-fieldset__legend--s",
                },
                hint: "Grants report their monitoring against these outcomes. Select all that apply.",
                values: (form.frameworkOutcomeIds ?? "").split(","),
                error: errors.frameworkOutcomeIds,
                items: framework.map((outcome) => ({
                  value: outcome.id,
                  text: outcome.name,
                  hint: outcome.themeName,
                })),
              })
            : ""
        }
        ${textarea({ name: "outcomes", label: framework.length > 0 ? "Other outcomes the programme funds (optional)" : "Outcomes the programme funds", hint: "One per line: outcome code | title", value: form.outcomes, error: errors.outcomes, rows: 4 })}
        ${button({ text: "Create programme" })}
      </form>`,
  });
}
