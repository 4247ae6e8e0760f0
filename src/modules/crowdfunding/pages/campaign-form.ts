import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import type { FormValues } from "../../../platform/http/forms.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { button, dateInput, html, radios, select, textarea, textInput } from "../../../platform/ui/index.ts";
import type { CampaignInput } from "../commands/campaign-input.ts";
import { poundsToPence } from "../money.ts";
import { laCentres } from "./la-centres.ts";

// The "start a campaign" form: pounds typed by people become pence for the command,
// and the command's field names map back to the form's fields for the error summary.

export const budgetRows = 5;
export const rewardRows = 3;

/** Pence from a pounds box, or NaN so the command reports "must be an amount" against that field. */
function pence(text: string | undefined): number {
  if (!text?.trim()) return Number.NaN;
  return poundsToPence(text) ?? Number.NaN;
}

export function campaignInputFromForm(form: FormValues): {
  input: CampaignInput;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const money = (field: string, what: string): number => {
    const value = pence(form[field]);
    if (Number.isNaN(value))
      errors[field] = form[field]?.trim()
        ? `${what} must be an amount in pounds, like 250 or 250.50`
        : `Enter ${what.toLowerCase()}`;
    return value;
  };
  const budgetLines = [];
  for (let i = 0; i < budgetRows; i++) {
    const description = form[`budget-${i}-description`]?.trim() ?? "";
    const amount = form[`budget-${i}-amount`]?.trim() ?? "";
    if (!description && !amount) continue;
    budgetLines.push({ description, amountPence: money(`budget-${i}-amount`, "The amount") });
  }
  const rewardTiers = [];
  for (let i = 0; i < rewardRows; i++) {
    const title = form[`reward-${i}-title`]?.trim() ?? "";
    const description = form[`reward-${i}-description`]?.trim() ?? "";
    const min = form[`reward-${i}-min`]?.trim() ?? "";
    if (!title && !description && !min) continue;
    rewardTiers.push({ title, description, minPence: money(`reward-${i}-min`, "The minimum pledge") });
  }
  const input: CampaignInput = {
    groupName: form.groupName ?? "",
    title: form.title ?? "",
    summary: form.summary ?? "",
    story: form.story ?? "",
    communityBenefit: form.communityBenefit ?? "",
    targetPence: money("target", "The target"),
    deadline: dateFromParts(form, "deadline"),
    fundingModel: form.fundingModel === "keep-what-you-raise" ? "keep-what-you-raise" : "all-or-nothing",
    location: form.location ?? "",
    laCode: form.laCode || null,
    budgetLines,
    rewardTiers,
  };
  return { input, errors };
}

/** Command field paths (budgetLines.0.amountPence) → form field ids (budget-0-amount). */
export function formErrorsFromCommand(errors: Record<string, string>): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const field = key
      .replace(/^targetPence$/, "target")
      .replace(/^deadline$/, "deadline-day")
      .replace(/^budgetLines\.(\d+)\.description$/, "budget-$1-description")
      .replace(/^budgetLines\.(\d+)\.amountPence$/, "budget-$1-amount")
      .replace(/^budgetLines$/, "budget-0-description")
      .replace(/^rewardTiers\.(\d+)\.title$/, "reward-$1-title")
      .replace(/^rewardTiers\.(\d+)\.description$/, "reward-$1-description")
      .replace(/^rewardTiers\.(\d+)\.minPence$/, "reward-$1-min");
    mapped[field] ??= message;
  }
  return mapped;
}

export function campaignFormPage(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string>,
  editing?: { id: string; title: string },
): Response {
  const csrfToken = c.get("csrfToken");
  const budgetError = errors["budget-0-description"];
  const heading = editing ? `Change ${editing.title}` : "Start a crowdfunding campaign";
  return renderPage(c, {
    title: heading,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: editing ? `/crowdfunding/campaigns/${editing.id}` : "/crowdfunding",
    content: html`<h1 class="govuk-heading-l">${heading}</h1>
      <p class="govuk-body">The campaign is saved as a draft. When it is ready, send it for verification: an officer checks the group and the project before it goes live.</p>
      <form method="post" novalidate><input type="hidden" name="_csrf" value="${csrfToken}">
      ${textInput({ name: "groupName", label: "Community group", value: values.groupName, error: errors.groupName })}
      ${textInput({ name: "title", label: "Campaign title", value: values.title, error: errors.title })}
      ${textInput({ name: "summary", label: "Summary in one line", value: values.summary, error: errors.summary })}
      ${textarea({ name: "story", label: "The story", hint: "What you want to do, why, and who is involved.", value: values.story, error: errors.story, rows: 8 })}
      ${textarea({ name: "communityBenefit", label: "How the wider community benefits", value: values.communityBenefit, error: errors.communityBenefit })}
      ${textInput({ name: "target", label: "Target in pounds", hint: "The total of the budget lines below.", prefix: "£", width: 10, inputmode: "decimal", value: values.target, error: errors.target })}
      ${dateInput({ name: "deadline", id: "deadline", legend: "Deadline", hint: "Between 7 days and 12 weeks after launch. Pledges close at midnight at the end of this day.", error: errors["deadline-day"], value: { day: values["deadline-day"], month: values["deadline-month"], year: values["deadline-year"] } })}
      ${radios({
        name: "fundingModel",
        legend: "If the target is not reached",
        value: values.fundingModel ?? "all-or-nothing",
        error: errors.fundingModel,
        items: [
          { value: "all-or-nothing", text: "All or nothing: release every pledge (recommended)" },
          { value: "keep-what-you-raise", text: "Keep what you raise: collect backers' pledges anyway" },
        ],
      })}
      ${textInput({ name: "location", label: "Where the project happens", value: values.location, error: errors.location })}
      ${select({ name: "laCode", label: "Local authority area", value: values.laCode, error: errors.laCode, options: [{ value: "", text: "Choose an area" }, ...Object.entries(laCentres).map(([code, la]) => ({ value: code, text: la.name }))] })}
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="budget-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Budget</legend>
        <div id="budget-hint" class="govuk-hint">Up to ${budgetRows} lines. They must add up to the target.</div>
        ${budgetError ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${budgetError}</p>` : ""}
        ${Array.from({ length: budgetRows }, (_, i) => html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${textInput({ name: `budget-${i}-description`, label: `Budget line ${i + 1}: what it pays for`, value: values[`budget-${i}-description`], error: i === 0 ? undefined : errors[`budget-${i}-description`] })}</div><div class="govuk-grid-column-one-third">${textInput({ name: `budget-${i}-amount`, label: `Budget line ${i + 1}: cost in pounds`, prefix: "£", inputmode: "decimal", value: values[`budget-${i}-amount`], error: errors[`budget-${i}-amount`] })}</div></div>`)}
      </fieldset>
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Rewards for backers (optional)</legend>
        ${Array.from({ length: rewardRows }, (_, i) => html`${textInput({ name: `reward-${i}-title`, label: `Reward ${i + 1}: name`, value: values[`reward-${i}-title`], error: errors[`reward-${i}-title`] })}${textInput({ name: `reward-${i}-description`, label: `Reward ${i + 1}: what backers get`, value: values[`reward-${i}-description`], error: errors[`reward-${i}-description`] })}${textInput({ name: `reward-${i}-min`, label: `Reward ${i + 1}: minimum pledge in pounds`, prefix: "£", width: 5, inputmode: "decimal", value: values[`reward-${i}-min`], error: errors[`reward-${i}-min`] })}`)}
      </fieldset>
      ${button({ text: "Save draft" })}
      </form>`,
  });
}

/** The form's values for an existing draft, so the group can change it after it is returned. */
export function formValuesOf(detail: {
  campaign: {
    groupName: string;
    title: string;
    summary: string;
    story: string;
    communityBenefit: string;
    targetPence: number;
    deadline: string;
    fundingModel: string;
    location: string;
    laCode: string | null;
  };
  budgetLines: { description: string; amountPence: number }[];
  rewardTiers: { title: string; description: string; minPence: number }[];
}): FormValues {
  const pounds = (pence: number) => (pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2));
  const [year, month, day] = detail.campaign.deadline.split("-");
  const values: FormValues = {
    groupName: detail.campaign.groupName,
    title: detail.campaign.title,
    summary: detail.campaign.summary,
    story: detail.campaign.story,
    communityBenefit: detail.campaign.communityBenefit,
    target: pounds(detail.campaign.targetPence),
    "deadline-day": String(Number(day)),
    "deadline-month": String(Number(month)),
    "deadline-year": year,
    fundingModel: detail.campaign.fundingModel,
    location: detail.campaign.location,
    laCode: detail.campaign.laCode ?? "",
  };
  detail.budgetLines.forEach((line, i) => {
    values[`budget-${i}-description`] = line.description;
    values[`budget-${i}-amount`] = pounds(line.amountPence);
  });
  detail.rewardTiers.forEach((tier, i) => {
    values[`reward-${i}-title`] = tier.title;
    values[`reward-${i}-description`] = tier.description;
    values[`reward-${i}-min`] = pounds(tier.minPence);
  });
  return values;
}
