import { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { fieldErrorsOf } from "../../../platform/http/form-commands.ts";
import type { FormValues } from "../../../platform/http/forms.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  formatPence,
  html,
  radios,
  select,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { makeMatchPledge } from "../commands/make-match-pledge.ts";
import { postUpdate } from "../commands/post-update.ts";
import { reviewCampaign, reviewChecklist } from "../commands/review-campaign.ts";
import { poundsToPence, shareOf } from "../money.ts";
import { canMatchPledge, canReviewCampaign } from "../policy.ts";
import { getCampaign, getCampaignToEdit, listFunds } from "../queries/campaign-detail.ts";

// Officer actions on one campaign: verify, match pledge, post an update.

export const staffActionPages = new Hono<AppEnv>();

type Detail = Awaited<ReturnType<typeof getCampaign>>;
const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

function reviewPage(
  c: import("hono").Context<AppEnv>,
  detail: Detail,
  values: FormValues,
  ticked: string[],
  errors: Record<string, string>,
) {
  const { campaign } = detail;
  return renderPage(c, {
    title: `Verify ${campaign.title}`,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: `/crowdfunding/campaigns/${campaign.id}`,
    content: html`<span class="govuk-caption-l">${campaign.reference} · ${campaign.groupName}</span>
      <h1 class="govuk-heading-l">Verify the campaign</h1>
      <form method="post" novalidate>${csrfField(c.get("csrfToken"))}
      ${checkboxes({
        name: "checks",
        legend: "Verification checklist",
        hint: "Confirm each check. A campaign can only be approved when every check is confirmed.",
        values: ticked,
        error: errors.checks,
        items: reviewChecklist.map((item) => ({ value: item.key, text: item.text })),
      })}
      ${radios({
        name: "decision",
        legend: "Decision",
        value: values.decision,
        error: errors.decision,
        items: [
          { value: "approve", text: "Approve and launch the campaign" },
          { value: "return", text: "Return it to the group with notes" },
        ],
      })}
      ${textarea({ name: "notes", label: "Notes for the group", hint: "Required when returning the campaign.", value: values.notes, error: errors.notes })}
      ${button({ text: "Record decision" })}</form>`,
  });
}

staffActionPages.get("/crowdfunding/campaigns/:id/review", async (c) => {
  const actor = requireActor(c);
  requireAllowed(canReviewCampaign(actor), "Only officers can verify campaigns.");
  const detail = await getCampaign(c.get("services").database.db, actor, c.req.param("id"));
  return reviewPage(c, detail, {}, [], {});
});

staffActionPages.post("/crowdfunding/campaigns/:id/review", async (c) => {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const detail = await getCampaign(db, actor, c.req.param("id"));
  const form = await readForm(c);
  const checks = await readFormList(c, "checks");
  try {
    await reviewCampaign(db, actor, c.get("now"), detail.campaign.id, {
      decision: form.decision as "approve",
      checks,
      notes: form.notes,
    });
    return c.redirect(`/crowdfunding/campaigns/${detail.campaign.id}?done=reviewed`, 303);
  } catch (error) {
    return reviewPage(c, detail, form, checks, fieldErrorsOf(error));
  }
});

async function matchPage(
  c: import("hono").Context<AppEnv>,
  detail: Detail,
  values: FormValues,
  errors: Record<string, string>,
) {
  const actor = requireActor(c);
  const funds = (await listFunds(c.get("services").database.db, actor)).filter((fund) => fund.open);
  const { campaign } = detail;
  const chosen = funds.find((fund) => fund.id === values.fundId) ?? funds[0];
  return renderPage(c, {
    title: `Match pledge to ${campaign.title}`,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: `/crowdfunding/campaigns/${campaign.id}`,
    content: html`<span class="govuk-caption-l">${campaign.reference} · target ${formatPence(campaign.targetPence)}</span>
      <h1 class="govuk-heading-l">Make a match pledge</h1>
      ${
        funds.length === 0
          ? html`<p class="govuk-body">There are no open match funds. A manager can <a class="govuk-link" href="/crowdfunding/funds/new">set one up</a>.</p>`
          : html`
      <form method="post" novalidate>${csrfField(c.get("csrfToken"))}
      ${select({
        name: "fundId",
        label: "Match fund",
        value: chosen?.id,
        error: errors.fundId,
        options: funds.map((fund) => ({
          value: fund.id,
          text: `${fund.name} (${fund.funderName}): up to ${fund.maxShareBp / 100}% of target and ${formatPence(fund.maxAmountPence)}, all funders ≤ ${fund.combinedCapBp / 100}%, released at ${fund.minBackers} backers`,
        })),
      })}
      ${chosen ? html`<p class="govuk-body">For this campaign, ${chosen.name} may pledge at most ${formatPence(Math.min(shareOf(campaign.targetPence, chosen.maxShareBp), chosen.maxAmountPence))} before the combined cap is applied.</p>` : ""}
      ${textInput({ name: "amount", label: "Match pledge in pounds", prefix: "£", width: 10, inputmode: "decimal", value: values.amount, error: errors.amountPence })}
      <fieldset class="govuk-fieldset" aria-describedby="scores-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Eligibility scores</legend>
        <div class="govuk-hint" id="scores-hint">Score the campaign against ${chosen?.name ?? "the fund"}'s criteria. Pass mark: ${chosen?.passMark ?? 0}.</div>
        ${errors.scores ? html`<p class="govuk-error-message" id="scores"><span class="govuk-visually-hidden">Error:</span> ${errors.scores}</p>` : ""}
        ${(chosen?.criteria ?? []).map((criterion) => textInput({ name: `score-${criterion.key}`, label: `${criterion.label} (0 to ${criterion.max})`, width: 2, inputmode: "numeric", value: values[`score-${criterion.key}`] }))}
      </fieldset>
      ${button({ text: "Record match pledge" })}</form>`
      }`,
  });
}

staffActionPages.get("/crowdfunding/campaigns/:id/match", async (c) => {
  const actor = requireActor(c);
  requireAllowed(canMatchPledge(actor), "Only officers can make match pledges.");
  const detail = await getCampaign(c.get("services").database.db, actor, c.req.param("id"));
  return matchPage(c, detail, { fundId: c.req.query("fund") ?? "" }, {});
});

staffActionPages.post("/crowdfunding/campaigns/:id/match", async (c) => {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const detail = await getCampaign(db, actor, c.req.param("id"));
  const form = await readForm(c);
  const amountPence = poundsToPence(form.amount ?? "");
  if (amountPence === null) {
    return matchPage(c, detail, form, {
      amountPence: form.amount?.trim()
        ? "Match pledge must be an amount in pounds, like 2500"
        : "Enter the match amount",
    });
  }
  const scores: Record<string, number> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith("score-") && value.trim() !== "")
      scores[key.slice(6)] = /^\d+$/.test(value.trim()) ? Number(value.trim()) : -1;
  }
  try {
    await makeMatchPledge(db, actor, c.get("now"), detail.campaign.id, {
      fundId: form.fundId ?? "",
      amountPence,
      scores,
    });
    return c.redirect(`/crowdfunding/campaigns/${detail.campaign.id}?done=matched`, 303);
  } catch (error) {
    return matchPage(c, detail, form, fieldErrorsOf(error));
  }
});

function updatePage(
  c: import("hono").Context<AppEnv>,
  detail: Detail,
  values: FormValues,
  errors: Record<string, string>,
) {
  const { campaign } = detail;
  return renderPage(c, {
    title: `Post an update on ${campaign.title}`,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: `/crowdfunding/campaigns/${campaign.id}`,
    content: html`<span class="govuk-caption-l">${campaign.reference}</span>
      <h1 class="govuk-heading-l">Post an update</h1>
      <form method="post" novalidate>${csrfField(c.get("csrfToken"))}
      ${textInput({ name: "title", label: "Title", value: values.title, error: errors.title })}
      ${textarea({ name: "body", label: "Update for backers", value: values.body, error: errors.body, rows: 6 })}
      ${campaign.status === "successful" ? checkboxes({ name: "delivered", legend: "Delivery", error: errors.delivered, values: values.delivered ? ["yes"] : [], items: [{ value: "yes", text: "The project has been delivered" }] }) : ""}
      ${button({ text: "Post update" })}</form>`,
  });
}

staffActionPages.get("/crowdfunding/campaigns/:id/update", async (c) => {
  const detail = await getCampaignToEdit(
    c.get("services").database.db,
    requireActor(c),
    c.req.param("id"),
    "Only the group running this campaign or an officer can post updates.",
  );
  return updatePage(c, detail, {}, {});
});

staffActionPages.post("/crowdfunding/campaigns/:id/update", async (c) => {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const detail = await getCampaign(db, actor, c.req.param("id"));
  const form = await readForm(c);
  try {
    await postUpdate(db, actor, c.get("now"), detail.campaign.id, {
      title: form.title ?? "",
      body: form.body ?? "",
      delivered: form.delivered === "yes",
    });
    return c.redirect(`/crowdfunding/campaigns/${detail.campaign.id}?done=updated`, 303);
  } catch (error) {
    return updatePage(c, detail, form, fieldErrorsOf(error));
  }
});
