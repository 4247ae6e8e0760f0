import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { button, html, radios, textarea, textInput } from "../../../platform/ui/index.ts";
import { areaKinds, ballotKinds, eligibilities } from "../schema.ts";
import { completionNames, csrf, ruleNames } from "./common.ts";

const areaNames = {
  all: "All our homes",
  "local-authority": "A local authority (enter its code, like E07000105)",
  neighbourhood: "A neighbourhood (enter its LSOA 2021 code)",
  estate: "An estate or block (enter its name)",
};
const ballotNames = {
  approval: "Approval: pick any number, or between a minimum and a maximum",
  knapsack: "Knapsack: pick projects whose total cost fits the budget",
  cumulative: "Points: share a number of points between projects",
};

export function processForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: Record<string, string> = {},
  status: 200 | FormErrorStatus = 200,
): Response {
  const date = (name: string, label: string) =>
    textInput({
      name,
      label,
      hint: "As YYYY-MM-DD, for example 2026-09-01",
      value: values[name],
      error: errors[name],
      width: 10,
    });
  return renderPage(c, {
    title: "Set up a participatory budgeting process",
    errors,
    status,
    backLink: "/budgeting",
    content: html`<h1 class="govuk-heading-l">Set up a participatory budgeting process</h1>
      <form method="post" action="/budgeting/new" novalidate>${csrf(c)}
        ${textInput({ name: "title", label: "Title", value: values.title, error: errors.title })}
        ${textarea({ name: "summary", label: "What is it for? (optional)", value: values.summary, error: errors.summary, rows: 3 })}
        ${radios({ name: "areaKind", legend: { text: "Where does it run?", classes: "govuk-fieldset__legend--m" }, value: values.areaKind, error: errors.areaKind, items: areaKinds.map((k) => ({ value: k, text: areaNames[k] })) })}
        ${textInput({ name: "areaCode", label: "Area code or estate name (not needed for all homes)", value: values.areaCode, error: errors.areaCode, width: 20 })}
        ${radios({ name: "eligibility", legend: { text: "Who can vote?", classes: "govuk-fieldset__legend--m" }, value: values.eligibility, error: errors.eligibility, items: eligibilities.map((k) => ({ value: k, text: k === "residents" ? "Everyone who lives in the area" : "Tenants only" })) })}
        ${textInput({ name: "minimumAge", label: "Minimum age to vote", value: values.minimumAge ?? "16", error: errors.minimumAge, width: 3, inputmode: "numeric" })}
        ${radios({ name: "ballotKind", legend: { text: "Kind of ballot", classes: "govuk-fieldset__legend--m" }, value: values.ballotKind, error: errors.ballotKind, items: ballotKinds.map((k) => ({ value: k, text: ballotNames[k] })) })}
        ${textInput({ name: "minChoices", label: "Approval ballots: fewest projects a voter must pick (optional)", value: values.minChoices, error: errors.minChoices, width: 3, inputmode: "numeric" })}
        ${textInput({ name: "maxChoices", label: "Approval ballots: most projects a voter may pick (optional)", value: values.maxChoices, error: errors.maxChoices, width: 3, inputmode: "numeric" })}
        ${textInput({ name: "pointsTotal", label: "Points ballots: points each voter shares out", value: values.pointsTotal, error: errors.pointsTotal, width: 3, inputmode: "numeric" })}
        ${radios({ name: "rule", legend: { text: "How are votes counted?", classes: "govuk-fieldset__legend--m" }, hint: "You can change this until the first vote is cast.", value: values.rule, error: errors.rule, items: (["greedy", "mes", "phragmen"] as const).map((r) => ({ value: r, text: ruleNames[r] })) })}
        ${radios({
          name: "utility",
          legend: {
            text: "Method of Equal Shares: what does a voter gain from a project?",
            classes: "govuk-fieldset__legend--s",
          },
          value: values.utility ?? "cost",
          error: errors.utility,
          items: [
            { value: "cost", text: "Its cost (as equalshares.net)" },
            { value: "approval", text: "One for each project they support" },
          ],
        })}
        ${radios({ name: "completion", legend: { text: "Method of Equal Shares: spending money left over", classes: "govuk-fieldset__legend--s" }, value: values.completion ?? "add1", error: errors.completion, items: (["none", "add1", "add1-until-infeasible"] as const).map((k) => ({ value: k, text: completionNames[k] })) })}
        <h2 class="govuk-heading-m">Dates</h2>
        ${date("proposalsOpen", "Ideas open")}${date("reviewOpen", "Checking starts")}${date("votingOpen", "Voting opens")}${date("votingClose", "Voting closes (at the end of this day)")}${date("resultsDate", "Results published")}
        ${radios({
          name: "publishResults",
          legend: { text: "When voting has closed", classes: "govuk-fieldset__legend--m" },
          hint: "Phases move on by their dates every night. Voting closes at the end of its closing date either way.",
          value: values.publishResults ?? "officer",
          error: errors.publishResults,
          items: [
            { value: "automatic", text: "Count the votes and publish the results on the results date" },
            { value: "officer", text: "Wait for an officer to count and publish them" },
          ],
        })}
        <h2 class="govuk-heading-m">Budgets</h2>
        ${textInput({ name: "budget1Name", label: "Budget name", value: values.budget1Name, error: errors.budget1Name })}
        ${textInput({ name: "budget1Amount", label: "Amount in pounds", value: values.budget1Amount, error: errors.budget1Amount, prefix: "£", width: 10 })}
        ${textInput({ name: "budget2Name", label: "Second budget name, for example another district (optional)", value: values.budget2Name, error: errors.budget2Name })}
        ${textInput({ name: "budget2Amount", label: "Second budget amount in pounds (optional)", value: values.budget2Amount, error: errors.budget2Amount, prefix: "£", width: 10 })}
        ${button({ text: "Set up process" })}
      </form>`,
  });
}
