import { Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { fieldErrorsOf } from "../../../platform/http/form-commands.ts";
import { readForm, validate } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { conflict } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  button,
  formatDate,
  formatDateTime,
  formatPence,
  html,
  summaryList,
  table,
  timeline,
} from "../../../platform/ui/index.ts";
import { campaignInput } from "../commands/campaign-input.ts";
import { createCampaign } from "../commands/create-campaign.ts";
import { editCampaign } from "../commands/edit-campaign.ts";
import { settleCampaign } from "../commands/settle-campaign.ts";
import { submitCampaign } from "../commands/submit-campaign.ts";
import {
  canChangeCampaignNow,
  canCreateCampaign,
  canEditCampaign,
  canMatchPledge,
  canReviewCampaign,
  canSettleCampaign,
  canViewBackers,
  canViewReports,
} from "../policy.ts";
import { getCampaign, listBackers, listCampaigns } from "../queries/campaign-detail.ts";
import { type Campaign, type CampaignStatus, campaignStatuses } from "../schema.ts";
import { campaignProgress, statusNames, statusTag } from "./campaign-display.ts";
import {
  campaignFormPage,
  campaignInputFromForm,
  formErrorsFromCommand,
  formValuesOf,
} from "./campaign-form.ts";

export const staffPages = new Hono<AppEnv>();

const done = {
  created: "Campaign saved as a draft",
  edited: "Draft saved",
  submitted: "Campaign sent for verification",
  reviewed: "Review recorded",
  matched: "Match pledge recorded",
  settled: "Campaign settled",
  updated: "Update posted",
};

staffPages.get("/crowdfunding", async (c) => {
  const actor = requireActor(c);
  const statusFilter = campaignStatuses.find((s) => s === c.req.query("status"));
  const campaigns = await listCampaigns(c.get("services").database.db, actor, { status: statusFilter });
  const staff = canViewReports(actor);
  return renderPage(c, {
    title: "Crowdfunding",
    fullWidth: true,
    content: html`<h1 class="govuk-heading-xl">Crowdfunding</h1>
      ${button({ text: "Start a campaign", href: "/crowdfunding/campaigns/new" })}
      ${staff ? html`<p class="govuk-body"><a class="govuk-link" href="/crowdfunding/report">Report: funds levered, backers and delivery</a> · <a class="govuk-link" href="/crowdfunding/funds">Match funds and their rules</a> · <a class="govuk-link" href="/campaigns">Public campaign pages</a></p>` : ""}
      <nav class="govuk-body" aria-label="Filter by status"><a class="govuk-link" href="/crowdfunding">All</a>${campaignStatuses.map((s) => html` · <a class="govuk-link" href="/crowdfunding?status=${s}"${s === statusFilter ? html` aria-current="page"` : ""}>${statusNames[s]}</a>`)}</nav>
      ${table({
        caption: statusFilter
          ? `${statusNames[statusFilter]} campaigns (${campaigns.length})`
          : `All campaigns (${campaigns.length})`,
        head: [
          { text: "Reference" },
          { text: "Campaign" },
          { text: "Group" },
          { text: "Status" },
          ...numericHeads("Raised", "Target", "Backers"),
          { text: "Deadline" },
        ],
        rows: campaigns.map((campaign) => [
          campaign.reference,
          html`<a class="govuk-link" href="/crowdfunding/campaigns/${campaign.id}">${campaign.title}</a>`,
          campaign.groupName,
          statusTag(campaign.status),
          formatPence(campaign.backerPence + campaign.matchPence),
          formatPence(campaign.targetPence),
          campaign.backerCount,
          formatDate(campaign.deadline),
        ]),
      })}`,
  });
});

staffPages.get("/crowdfunding/campaigns/new", (c) => {
  requireAllowed(
    canCreateCampaign(requireActor(c)),
    "Only community groups and officers can start a campaign.",
  );
  return campaignFormPage(c, {}, {});
});

staffPages.post("/crowdfunding/campaigns/new", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  const { input, errors } = campaignInputFromForm(form);
  if (Object.keys(errors).length > 0) {
    // Amounts that are not pounds: show those, plus whatever else is wrong, and write nothing.
    const checked = validate(campaignInput, input);
    return campaignFormPage(c, form, {
      ...formErrorsFromCommand(checked.ok ? {} : checked.errors),
      ...errors,
    });
  }
  try {
    const campaign = await callForPage(c, createCampaign, actor, input);
    return c.redirect(`/crowdfunding/campaigns/${campaign.id}?done=created`, 303);
  } catch (error) {
    return campaignFormPage(c, form, { ...formErrorsFromCommand(fieldErrorsOf(error)), ...errors });
  }
});

staffPages.get("/crowdfunding/campaigns/:id", async (c) => {
  const actor = requireActor(c);
  const detail = await getCampaign(c.get("services").database.db, actor, c.req.param("id"));
  const { campaign } = detail;
  const now = c.get("now");
  const csrf = html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}">`;
  const base = `/crowdfunding/campaigns/${campaign.id}`;
  const actions = [
    campaign.status === "draft" && canEditCampaign(actor, campaign)
      ? html`<form method="post" action="${base}/submit" novalidate>${csrf}${button({ text: "Send for verification" })}</form>${button({ text: "Change the draft", href: `${base}/edit`, variant: "secondary" })}`
      : "",
    campaign.status === "in-review" && canReviewCampaign(actor)
      ? html`${button({ text: "Verify campaign", href: `${base}/review` })} ${button({ text: "Change the campaign", href: `${base}/edit`, variant: "secondary" })}`
      : "",
    (campaign.status === "in-review" || campaign.status === "live") && canMatchPledge(actor)
      ? button({ text: "Make a match pledge", href: `${base}/match`, variant: "secondary" })
      : "",
    campaign.status === "live" && canSettleCampaign(actor) && campaign.closesAt && now >= campaign.closesAt
      ? html`<form method="post" action="${base}/settle" novalidate>${csrf}${button({ text: "Settle now" })}</form>`
      : "",
    campaign.status !== "draft" && campaign.status !== "in-review" && canEditCampaign(actor, campaign)
      ? button({
          text: campaign.status === "successful" ? "Post an update or mark delivered" : "Post an update",
          href: `${base}/update`,
          variant: "secondary",
        })
      : "",
  ];
  return renderPage(c, {
    title: campaign.title,
    notification: flashFrom(c, done),
    breadcrumbs: [{ href: "/crowdfunding", text: "Crowdfunding" }],
    content: html`<span class="govuk-caption-l">${campaign.reference} · ${campaign.groupName}</span>
      <h1 class="govuk-heading-l">${campaign.title}</h1>
      <p class="govuk-body">${statusTag(campaign.status)}</p>
      ${campaign.status !== "draft" && campaign.status !== "in-review" ? campaignProgress(campaign, now) : ""}
      <div class="govuk-button-group">${actions}</div>
      ${summaryList([
        { key: "Summary", value: campaign.summary },
        { key: "Target", value: formatPence(campaign.targetPence) },
        {
          key: "Deadline",
          value: `${formatDate(campaign.deadline)}${campaign.closesAt ? ` (closes ${formatDateTime(campaign.closesAt)})` : ""}`,
        },
        {
          key: "Funding model",
          value: campaign.fundingModel === "all-or-nothing" ? "All or nothing" : "Keep what you raise",
        },
        { key: "Location", value: campaign.location },
        { key: "Backers' pledges", value: formatPence(campaign.backerPence) },
        { key: "Released match pledges", value: formatPence(campaign.matchPence) },
        ...(campaign.settledAt
          ? [{ key: "Collected at settlement", value: formatPence(campaign.collectedPence) }]
          : []),
        ...(campaign.status !== "draft" && campaign.status !== "in-review"
          ? [
              {
                key: "Public page",
                value: html`<a class="govuk-link" href="/campaigns">Find it on the public campaign pages</a>`,
              },
            ]
          : []),
      ])}
      <h2 class="govuk-heading-m">Story</h2>
      <p class="govuk-body">${campaign.story}</p>
      <h2 class="govuk-heading-m">Community benefit</h2>
      <p class="govuk-body">${campaign.communityBenefit}</p>
      ${table({ caption: "Budget", head: [{ text: "Item" }, { text: "Cost", numeric: true }], rows: detail.budgetLines.map((l) => [l.description, formatPence(l.amountPence)]) })}
      ${table({
        caption: "Match pledges",
        head: [
          { text: "Fund" },
          { text: "Amount", numeric: true },
          { text: "Score", numeric: true },
          { text: "Status" },
          { text: "By" },
        ],
        rows: detail.matchPledges.map((m) => [
          m.fundName,
          formatPence(m.amountPence),
          m.score,
          m.status === "conditional" ? `Conditional (${m.minBackers} backers)` : m.status,
          m.pledgedByName,
        ]),
      })}
      ${canEditCampaign(actor, campaign) ? html`<p class="govuk-body"><a class="govuk-link" href="${base}/images">Campaign images (${detail.images.length})</a></p>` : ""}
      ${canViewBackers(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="${base}/backers">See the backers (${campaign.backerCount})</a></p>` : ""}
      ${
        detail.reviews.length > 0
          ? html`<h2 class="govuk-heading-m">Verification</h2>${timeline(
              detail.reviews.map((r) => ({
                title: r.decision === "approve" ? "Verified and launched" : "Returned to the group",
                by: r.reviewerName,
                at: r.reviewedAt,
                description: r.notes ?? "",
              })),
              3,
            )}`
          : ""
      }
      ${
        detail.updates.length > 0
          ? html`<h2 class="govuk-heading-m">Updates</h2>${timeline(
              detail.updates.map((u) => ({
                title: u.title,
                by: u.authorName,
                at: u.postedAt,
                description: u.body,
              })),
              3,
            )}`
          : ""
      }`,
  });
});

function requireChangeable(actor: Actor, campaign: Campaign): void {
  if (!canChangeCampaignNow(actor, campaign))
    throw conflict(
      "Campaign cannot be changed",
      `This campaign is ${statusNames[campaign.status].toLowerCase()}; only drafts, and campaigns in review by an officer, can be changed.`,
    );
}

staffPages.get("/crowdfunding/campaigns/:id/edit", async (c) => {
  const actor = requireActor(c);
  requireAllowed(canCreateCampaign(actor), "Only officers and the group running a campaign can change it.");
  const detail = await getCampaign(c.get("services").database.db, actor, c.req.param("id"));
  requireChangeable(actor, detail.campaign);
  return campaignFormPage(
    c,
    formValuesOf(detail),
    {},
    { id: detail.campaign.id, title: detail.campaign.title },
  );
});

staffPages.post("/crowdfunding/campaigns/:id/edit", async (c) => {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const detail = await getCampaign(db, actor, c.req.param("id"));
  requireChangeable(actor, detail.campaign);
  const editing = { id: detail.campaign.id, title: detail.campaign.title };
  const form = await readForm(c);
  const { input, errors } = campaignInputFromForm(form);
  if (Object.keys(errors).length > 0) {
    const checked = validate(campaignInput, input);
    return campaignFormPage(
      c,
      form,
      { ...formErrorsFromCommand(checked.ok ? {} : checked.errors), ...errors },
      editing,
    );
  }
  try {
    await editCampaign(db, actor, c.get("now"), detail.campaign.id, input);
    return c.redirect(`/crowdfunding/campaigns/${detail.campaign.id}?done=edited`, 303);
  } catch (error) {
    return campaignFormPage(c, form, formErrorsFromCommand(fieldErrorsOf(error)), editing);
  }
});

staffPages.post("/crowdfunding/campaigns/:id/submit", async (c) => {
  const actor = requireActor(c);
  const campaign = await callForPage(c, submitCampaign, actor, c.req.param("id"));
  return c.redirect(`/crowdfunding/campaigns/${campaign.id}?done=submitted`, 303);
});

staffPages.post("/crowdfunding/campaigns/:id/settle", async (c) => {
  const actor = requireActor(c);
  const result = await callForPage(c, settleCampaign, actor, c.req.param("id"));
  return c.redirect(`/crowdfunding/campaigns/${result.campaignId}?done=settled`, 303);
});

staffPages.get("/crowdfunding/campaigns/:id/backers", async (c) => {
  const actor = requireActor(c);
  requireAllowed(canViewBackers(actor), "Only staff can see who backed a campaign.");
  const db = c.get("services").database.db;
  const detail = await getCampaign(db, actor, c.req.param("id"));
  const backers = await listBackers(db, actor, c.get("now"), detail.campaign.id);
  return renderPage(c, {
    title: `Backers of ${detail.campaign.title}`,
    fullWidth: true,
    breadcrumbs: [
      { href: "/crowdfunding", text: "Crowdfunding" },
      { href: `/crowdfunding/campaigns/${detail.campaign.id}`, text: detail.campaign.title },
    ],
    content: html`<h1 class="govuk-heading-l">Backers of ${detail.campaign.title}</h1>
      <p class="govuk-body">Names and email addresses are personal data. This view is recorded in the audit log.</p>
      ${table({
        caption: `${backers.length} pledges`,
        head: [
          { text: "Reference" },
          { text: "Name" },
          { text: "Email" },
          { text: "Shown as" },
          { text: "Amount", numeric: true },
          { text: "Status" },
          { text: "Pledged" },
        ],
        rows: backers.map((b) => [
          b.reference,
          b.backerName,
          b.backerEmail,
          b.anonymous ? "Anonymous" : "Named",
          formatPence(b.amountPence),
          b.status,
          formatDateTime(b.createdAt),
        ]),
      })}`,
  });
});

export function isCampaignStatus(value: string): value is CampaignStatus {
  return (campaignStatuses as readonly string[]).includes(value);
}
