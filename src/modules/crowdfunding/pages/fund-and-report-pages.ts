import { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { fieldErrorsOf } from "../../../platform/http/form-commands.ts";
import type { FormValues } from "../../../platform/http/forms.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  barChart,
  button,
  formatNumber,
  formatPence,
  formatPercent,
  html,
  radios,
  summaryList,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { createFund } from "../commands/create-fund.ts";
import { poundsToPence } from "../money.ts";
import { canManageFunds } from "../policy.ts";
import { listFunds } from "../queries/campaign-detail.ts";
import { crowdfundingReport } from "../queries/crowdfunding-report.ts";
import type { CampaignStatus } from "../schema.ts";
import { statusNames } from "./campaign-display.ts";

export const fundAndReportPages = new Hono<AppEnv>();

const criteriaRows = 4;

/** "62.5" per cent → 6250 basis points; anything else → NaN so the command names the field. */
function basisPoints(text: string | undefined): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec((text ?? "").trim().replace(/%$/, ""));
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0")) : Number.NaN;
}

function wholeNumber(text: string | undefined): number {
  return /^\d+$/.test((text ?? "").trim()) ? Number((text ?? "").trim()) : Number.NaN;
}

fundAndReportPages.get("/crowdfunding/funds", async (c) => {
  const actor = requireActor(c);
  const funds = await listFunds(c.get("services").database.db, actor);
  return renderPage(c, {
    title: "Match funds",
    fullWidth: true,
    notification: flashFrom(c, { created: "Match fund set up" }),
    breadcrumbs: [{ href: "/crowdfunding", text: "Crowdfunding" }],
    content: html`<h1 class="govuk-heading-l">Match funds</h1>
      <p class="govuk-body">Each fund's programme rules are checked on every match pledge: share of the target, maximum amount, the cap on all funders combined, the minimum number of unique backers before the pledge is released, and the eligibility pass mark.</p>
      ${canManageFunds(actor) ? button({ text: "Set up a match fund", href: "/crowdfunding/funds/new" }) : ""}
      ${table({
        caption: `${funds.length} funds`,
        head: [
          { text: "Fund" },
          { text: "Funder" },
          ...numericHeads("Budget", "Max share", "Max pledge", "All funders cap", "Min backers", "Pass mark"),
        ],
        rows: funds.map((fund) => [
          fund.name,
          `${fund.funderName}${fund.isOwnMoney ? " (own money)" : ""}`,
          formatPence(fund.budgetPence),
          `${fund.maxShareBp / 100}%`,
          formatPence(fund.maxAmountPence),
          `${fund.combinedCapBp / 100}%`,
          fund.minBackers,
          `${fund.passMark} of ${fund.criteria.reduce((sum, criterion) => sum + criterion.max, 0)}`,
        ]),
      })}`,
  });
});

function fundForm(c: import("hono").Context<AppEnv>, values: FormValues, errors: Record<string, string>) {
  return renderPage(c, {
    title: "Set up a match fund",
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: "/crowdfunding/funds",
    content: html`<h1 class="govuk-heading-l">Set up a match fund</h1>
      <form method="post" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">
      ${textInput({ name: "name", label: "Fund name", value: values.name, error: errors.name })}
      ${textInput({ name: "funderName", label: "Funder", value: values.funderName, error: errors.funderName })}
      ${radios({
        name: "isOwnMoney",
        legend: "Is this the organisation's own money?",
        hint: "Own money is the “£1” in the funds-levered report.",
        value: values.isOwnMoney ?? "yes",
        items: [
          { value: "yes", text: "Yes" },
          { value: "no", text: "No, another funder's" },
        ],
      })}
      ${textInput({ name: "budget", label: "Budget in pounds", prefix: "£", width: 10, value: values.budget, error: errors.budgetPence })}
      ${textInput({ name: "maxShare", label: "Maximum share of a campaign's target, in per cent", suffix: "%", width: 4, value: values.maxShare ?? "50", error: errors.maxShareBp })}
      ${textInput({ name: "maxAmount", label: "Maximum pledge to one campaign, in pounds", prefix: "£", width: 10, value: values.maxAmount ?? "5000", error: errors.maxAmountPence })}
      ${textInput({ name: "combinedCap", label: "Cap on all funders' pledges combined, in per cent of the target", suffix: "%", width: 4, value: values.combinedCap ?? "65", error: errors.combinedCapBp })}
      ${textInput({ name: "minBackers", label: "Unique backers needed before the pledge is released", width: 4, value: values.minBackers ?? "10", error: errors.minBackers })}
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-4"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Eligibility criteria</legend>
      ${errors.criteria ? html`<p class="govuk-error-message" id="criteria"><span class="govuk-visually-hidden">Error:</span> ${errors.criteria}</p>` : ""}
      ${Array.from({ length: criteriaRows }, (_, i) => html`${textInput({ name: `criterion-${i}-label`, label: `Criterion ${i + 1}`, value: values[`criterion-${i}-label`] })}${textInput({ name: `criterion-${i}-max`, label: `Criterion ${i + 1}: highest score`, width: 2, value: values[`criterion-${i}-max`] })}`)}
      </fieldset>
      ${textInput({ name: "passMark", label: "Pass mark (total score needed)", width: 4, value: values.passMark, error: errors.passMark })}
      ${button({ text: "Set up fund" })}</form>`,
  });
}

fundAndReportPages.get("/crowdfunding/funds/new", (c) => {
  requireAllowed(canManageFunds(requireActor(c)), "Only managers can set up match funds.");
  return fundForm(c, {}, {});
});

fundAndReportPages.post("/crowdfunding/funds/new", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  const criteria = Array.from({ length: criteriaRows }, (_, i) => ({
    label: form[`criterion-${i}-label`]?.trim() ?? "",
    max: wholeNumber(form[`criterion-${i}-max`]),
  }))
    .filter((criterion) => criterion.label !== "")
    .map((criterion, i) => ({ key: `criterion-${i + 1}`, ...criterion }));
  try {
    await callForPage(c, createFund, actor, {
      name: form.name ?? "",
      funderName: form.funderName ?? "",
      isOwnMoney: form.isOwnMoney !== "no",
      budgetPence: poundsToPence(form.budget ?? "") ?? Number.NaN,
      maxShareBp: basisPoints(form.maxShare),
      maxAmountPence: poundsToPence(form.maxAmount ?? "") ?? Number.NaN,
      combinedCapBp: basisPoints(form.combinedCap),
      minBackers: wholeNumber(form.minBackers),
      criteria,
      passMark: wholeNumber(form.passMark),
    });
    return c.redirect("/crowdfunding/funds?done=created", 303);
  } catch (error) {
    const errors = fieldErrorsOf(error);
    const criteriaError = Object.entries(errors).find(([key]) => key.startsWith("criteria"));
    if (criteriaError)
      errors.criteria = criteriaError[1].includes("expected")
        ? "Give each criterion a highest score from 1 to 100"
        : criteriaError[1];
    for (const key of Object.keys(errors)) if (key.startsWith("criteria.")) delete errors[key];
    return fundForm(c, form, errors);
  }
});

fundAndReportPages.get("/crowdfunding/report", async (c) => {
  const actor = requireActor(c);
  const report = await crowdfundingReport(c.get("services").database.db, actor);
  return renderPage(c, {
    title: "Crowdfunding report",
    breadcrumbs: [{ href: "/crowdfunding", text: "Crowdfunding" }],
    content: html`<h1 class="govuk-heading-l">Crowdfunding report</h1>
      ${summaryList([
        {
          key: "Funds levered per £1 of own money",
          value:
            report.leveredPerPound === null
              ? "No own match money collected yet"
              : `£${report.leveredPerPound.toFixed(2)} from others for every £1 (${formatPence(report.collectedPence - report.ownMatchPence)} ÷ ${formatPence(report.ownMatchPence)})`,
        },
        { key: "Collected in total", value: formatPence(report.collectedPence) },
        { key: "From backers", value: formatPence(report.backerCollectedPence) },
        { key: "From own match funds", value: formatPence(report.ownMatchPence) },
        { key: "From other funders", value: formatPence(report.otherMatchPence) },
        { key: "Pledges made", value: formatNumber(report.pledges) },
        { key: "Unique backers (per campaign)", value: formatNumber(report.uniqueBackers) },
        { key: "Campaigns settled", value: formatNumber(report.settled) },
        {
          key: "Successful",
          value: `${formatNumber(report.successful)}${report.settled ? ` (${formatPercent(report.successful / report.settled)})` : ""}`,
        },
        {
          key: "Delivered",
          value: `${formatNumber(report.delivered)}${report.successful ? ` of ${report.successful} successful (${formatPercent(report.delivered / report.successful)})` : ""}`,
        },
      ])}
      ${barChart({
        id: "campaigns-by-status",
        title: "Campaigns by status",
        description: `${report.campaigns.reduce((sum, row) => sum + row.count, 0)} campaigns, by where they are in their life.`,
        valueLabel: "Campaigns",
        categoryLabel: "Status",
        table: "details",
        bars: report.campaigns.map((row) => ({
          label: statusNames[row.status as CampaignStatus] ?? row.status,
          value: row.count,
        })),
      })}
      ${table({
        caption: "Match money collected by fund",
        head: [
          { text: "Fund" },
          { text: "Funder" },
          { text: "Campaigns", numeric: true },
          { text: "Collected", numeric: true },
        ],
        rows: report.byFund.map((fund) => [
          fund.fundName,
          `${fund.funderName}${fund.isOwnMoney ? " (own money)" : ""}`,
          fund.campaigns,
          formatPence(fund.collectedPence),
        ]),
      })}`,
  });
});
