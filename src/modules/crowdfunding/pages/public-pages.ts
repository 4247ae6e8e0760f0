import { Hono } from "hono";
import {
  publicOrganisationBySlug as organisationBySlug,
  publicOrganisations,
} from "../../../platform/access/public-organisations.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  button,
  formatDate,
  formatPence,
  html,
  insetText,
  summaryList,
  table,
} from "../../../platform/ui/index.ts";
import { districtCountMap } from "../../places/index.ts";
import { getPublicImage, listPublicCampaigns } from "../queries/campaign-detail.ts";
import { campaignProgress, raisedPence, statusNames } from "./campaign-display.ts";
import { loadPublic } from "./load-public.ts";

// Public crowdfunding pages: no sign-in. Addresses carry the organisation's slug
// and the campaign's reference, e.g. /campaigns/weald-and-medway-homes-1a2b3c/CF-1A2B3C4D.

export const publicPages = new Hono<AppEnv>();

const _csrf = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

/**
 * Live campaigns counted by district on the district outlines (no markers over place names), with
 * the table beside it. Every district where the organisation has run a campaign is drawn, so an
 * empty one shows as none rather than vanishing.
 */
function liveCampaignsMap(
  live: { laCode: string | null }[],
  all: { laCode: string | null }[],
): ReturnType<typeof districtCountMap> {
  const counts = new Map<string, number>();
  for (const campaign of live)
    if (campaign.laCode) counts.set(campaign.laCode, (counts.get(campaign.laCode) ?? 0) + 1);
  return districtCountMap({
    id: "live-campaigns-map",
    title: "Live campaigns by district",
    description: "Darker districts have more live campaigns.",
    valueLabel: "Live campaigns",
    counts,
    districtCodes: all.flatMap((campaign) => (campaign.laCode ? [campaign.laCode] : [])),
  });
}

publicPages.get("/campaigns", async (c) => {
  const organisations = await publicOrganisations(c.get("services").database.db);
  return renderPage(c, {
    title: "Community crowdfunding",
    content: html`<h1 class="govuk-heading-xl">Community crowdfunding</h1>
      <p class="govuk-body-l">Back local, community-led projects. Choose whose campaigns to see.</p>
      <ul class="govuk-list">${organisations.map((o) => html`<li><a class="govuk-link" href="/campaigns/${o.slug}">${o.name}</a></li>`)}</ul>`,
  });
});

publicPages.get("/campaigns/:org", async (c) => {
  const db = c.get("services").database.db;
  const organisation = await organisationBySlug(db, c.req.param("org"));
  const campaigns = await listPublicCampaigns(db, organisation.id);
  const live = campaigns.filter((campaign) => campaign.status === "live");
  const finished = campaigns.filter((campaign) => campaign.status !== "live");
  const numbered = live.map((campaign, index) => ({ campaign, number: index + 1 }));
  return renderPage(c, {
    title: `Crowdfunding campaigns – ${organisation.name}`,
    fullWidth: true,
    content: html`<h1 class="govuk-heading-xl">Crowdfunding campaigns</h1>
      <p class="govuk-body-l">Local projects backed by residents, businesses and ${organisation.name}. ${organisation.name} is one of many contributors.</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">Live campaigns (${live.length})</h2>
          ${live.length === 0 ? html`<p class="govuk-body">There are no live campaigns right now.</p>` : ""}
          <ol class="govuk-list govuk-list--number">${numbered.map(
            ({
              campaign,
            }) => html`<li class="govuk-!-margin-bottom-4"><a class="govuk-link govuk-!-font-weight-bold" href="/campaigns/${organisation.slug}/${campaign.reference}">${campaign.title}</a><br>
              <span class="govuk-body-s">${campaign.location}. ${formatPence(raisedPence(campaign))} of ${formatPence(campaign.targetPence)} raised from ${campaign.backerCount} backers${
                campaign.closesAt ? html`, closes ${formatDate(campaign.deadline)}` : ""
              }.</span></li>`,
          )}</ol>
        </div>
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">Where they are</h2>
          ${liveCampaignsMap(live, campaigns)}
        </div>
      </div>
      <h2 class="govuk-heading-m">Finished campaigns</h2>
      ${table({
        caption: "Finished campaigns",
        captionClasses: "govuk-visually-hidden",
        head: [{ text: "Campaign" }, { text: "Result" }, ...numericHeads("Raised", "Target", "Backers")],
        rows: finished.map((campaign) => [
          html`<a class="govuk-link" href="/campaigns/${organisation.slug}/${campaign.reference}">${campaign.title}</a>`,
          statusNames[campaign.status],
          formatPence(raisedPence(campaign)),
          formatPence(campaign.targetPence),
          campaign.backerCount,
        ]),
      })}`,
  });
});

publicPages.get("/campaigns/:org/:ref", async (c) => {
  const { organisation, detail, base } = await loadPublic(c);
  const { campaign } = detail;
  const now = c.get("now");
  const open = campaign.status === "live" && campaign.closesAt !== null && now < campaign.closesAt;
  return renderPage(c, {
    title: campaign.title,
    breadcrumbs: [
      { href: "/campaigns", text: "Crowdfunding" },
      { href: `/campaigns/${organisation.slug}`, text: organisation.name },
    ],
    content: html`<span class="govuk-caption-l">${campaign.groupName}</span>
      <h1 class="govuk-heading-xl">${campaign.title}</h1>
      <p class="govuk-body-l">${campaign.summary}</p>
      ${detail.images.map((image) => html`<img src="${base}/images/${image.id}" alt="${image.altText}" class="govuk-!-width-full govuk-!-margin-bottom-4">`)}
      ${campaignProgress(campaign, now)}
      ${open ? button({ text: "Back this campaign", href: `${base}/pledge`, isStartButton: true }) : insetText(campaign.status === "live" ? "This campaign has closed and is being settled." : `This campaign is ${statusNames[campaign.status].toLowerCase()}.`)}
      <h2 class="govuk-heading-m">The story</h2>
      ${campaign.story.split(/\n{2,}/).map((paragraph) => html`<p class="govuk-body">${paragraph}</p>`)}
      <h2 class="govuk-heading-m">How the community benefits</h2>
      <p class="govuk-body">${campaign.communityBenefit}</p>
      <h2 class="govuk-heading-m">Where</h2>
      <p class="govuk-body">${campaign.location}</p>
      ${table({
        caption: "What the money pays for",
        head: [{ text: "Item" }, { text: "Cost", numeric: true }],
        rows: [
          ...detail.budgetLines.map((line) => [line.description, formatPence(line.amountPence)]),
          [html`<strong>Target</strong>`, html`<strong>${formatPence(campaign.targetPence)}</strong>`],
        ],
      })}
      ${
        detail.matchPledges.length > 0
          ? table({
              caption: "Funders",
              head: [{ text: "Funder" }, { text: "Pledge", numeric: true }, { text: "Status" }],
              rows: detail.matchPledges.map((match) => [
                match.funderName,
                formatPence(match.amountPence),
                match.status === "conditional"
                  ? `Released at ${match.minBackers} backers`
                  : match.status === "lapsed"
                    ? "Not collected"
                    : match.status === "collected"
                      ? "Collected"
                      : "Counting towards the target",
              ]),
            })
          : ""
      }
      ${
        detail.rewardTiers.length > 0
          ? html`<h2 class="govuk-heading-m">Rewards</h2>${summaryList(detail.rewardTiers.map((tier) => ({ key: `${tier.title} (from ${formatPence(tier.minPence)})`, value: tier.description })))}`
          : ""
      }
      ${
        detail.updates.length > 0
          ? html`<h2 class="govuk-heading-m">Updates</h2>${detail.updates.map(
              (update) =>
                html`<h3 class="govuk-heading-s govuk-!-margin-bottom-1">${update.title}</h3><p class="govuk-body-s govuk-!-margin-bottom-1">${formatDate(update.postedAt)}, ${update.authorName}</p><p class="govuk-body">${update.body}</p>`,
            )}`
          : ""
      }
      <h2 class="govuk-heading-m">Backers</h2>
      ${
        detail.backers.length === 0
          ? html`<p class="govuk-body">Nobody has backed this campaign yet. Be the first.</p>`
          : html`<ul class="govuk-list">${detail.backers.map(
              (backer) =>
                html`<li><strong>${backer.name}</strong> pledged ${formatPence(backer.amountPence)}${backer.message ? html`: “${backer.message}”` : ""}</li>`,
            )}</ul>`
      }`,
  });
});

publicPages.get("/campaigns/:org/:ref/images/:image", async (c) => {
  const db = c.get("services").database.db;
  const organisation = await organisationBySlug(db, c.req.param("org"));
  const imageId = c.req.param("image");
  if (!isUuid(imageId)) throw new Problem(404, "not-found", "Image not found", "Check the address.");
  const image = await getPublicImage(db, organisation.id, c.req.param("ref"), imageId);
  return c.body(new Uint8Array(image.bytes), 200, {
    "Content-Type": image.contentType,
    "Cache-Control": "public, max-age=3600",
    "X-Content-Type-Options": "nosniff",
  });
});
