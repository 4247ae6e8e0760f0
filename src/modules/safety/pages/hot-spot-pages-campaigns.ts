import type { Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts, dateParts } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  formatDate,
  html,
  insetText,
  radios,
  type SafeHtml,
  select,
  summaryList,
  type TagColour,
  table,
  tag,
  textarea,
} from "../../../platform/ui/index.ts";
import { markHotSpotCampaign } from "../commands/mark-hot-spot-campaign.ts";
import { canMarkHotSpots } from "../policy.ts";
import { hotSpots } from "../queries/hot-spots.ts";
import { areaRef } from "../queries/hot-spots-areas.ts";
import {
  type CampaignStatus,
  campaignTypeNames,
  type HotSpotCampaignRow,
  hotSpotCampaign,
  minDaysAfter,
} from "../queries/hot-spots-campaigns.ts";
import { hotSpotCampaignTypes } from "../schema/hot-spot-campaign.ts";
import { attempt, csrfField } from "./common.ts";
import { periodFrom } from "./report-pages.ts";

// Hot-spot campaigns: the list on the hot spots page, the form a manager marks an area with, and
// each campaign's before-and-after page.

const db = (c: Context<AppEnv>) => c.get("services").database.db;
const today = (c: Context<AppEnv>) => londonDay(c.get("now"));
const rate = (value: number | null) => (value === null ? "–" : value.toFixed(2));
const signed = (value: number | null, digits: number) =>
  value === null ? "–" : `${value > 0 ? "+" : ""}${value.toFixed(digits)}`;

const statusColours: Record<CampaignStatus, TagColour> = { planned: "grey", running: "blue", ended: "green" };
const statusTag = (status: CampaignStatus) =>
  tag(status.charAt(0).toUpperCase() + status.slice(1), statusColours[status]);
const areaKindNames = {
  neighbourhood: "Neighbourhood",
  district: "Local authority",
  block: "Block",
} as const;

/** The list on the hot spots page, with the way in for managers. */
export function hotSpotCampaignList(actor: Actor, campaigns: HotSpotCampaignRow[]): SafeHtml {
  return html`<h2 class="govuk-heading-m" id="campaigns">Hot-spot campaigns</h2>
    ${campaigns.length === 0 ? html`<p class="govuk-body">No area has been marked for a campaign yet.</p>` : ""}
    ${
      campaigns.length > 0
        ? table({
            id: "hot-spot-campaigns",
            caption: "Areas marked for a campaign, latest start first",
            captionClasses: "govuk-visually-hidden",
            head: [{ text: "Area" }, { text: "Campaign" }, { text: "Runs" }, { text: "Status" }],
            rows: campaigns.map((cm) => [
              html`<a class="govuk-link" href="/safety/hot-spots/campaigns/${cm.id}">${cm.areaName}</a> <span class="govuk-body-s">${areaKindNames[cm.areaKind]}</span>`,
              campaignTypeNames[cm.campaignType],
              `${formatDate(cm.startedOn)} to ${cm.endedOn ? formatDate(cm.endedOn) : "no end date"}`,
              statusTag(cm.status),
            ]),
          })
        : ""
    }
    ${canMarkHotSpots(actor) ? html`<a class="govuk-button govuk-button--secondary" href="/safety/hot-spots/campaigns/new" data-module="govuk-button">Mark an area for a campaign</a>` : ""}`;
}

function requireHotSpotManager(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  requireAllowed(canMarkHotSpots(actor), "Only managers can mark an area for a hot-spot campaign.");
  return actor;
}

async function campaignForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
): Promise<Response> {
  const actor = requireHotSpotManager(c);
  const spots = await hotSpots(db(c), actor, periodFrom(c));
  const option = (kind: keyof typeof areaKindNames, code: string, name: string) => ({
    value: areaRef(kind, code),
    text: `${areaKindNames[kind]}: ${name}`,
  });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const areas = [
    ...[...spots.neighbourhoods]
      .sort(byName)
      .map((n) => option("neighbourhood", n.code, `${n.name} (${n.laName})`)),
    ...[...spots.blocks].sort(byName).map((b) => option("block", b.code, `${b.name} (${b.laName})`)),
    ...[...spots.districts].sort(byName).map((d) => option("district", d.code, d.name)),
  ];
  return renderPage(c, {
    title: "Mark an area for a campaign",
    errors,
    status,
    backLink: "/safety/hot-spots#campaigns",
    content: html`<h1 class="govuk-heading-l">Mark an area for a campaign</h1>
      <p class="govuk-body">The hot spots page will then compare anti-social behaviour reports in the area before and after the start date.</p>
      <form method="post" action="/safety/hot-spots/campaigns/new" novalidate>${csrfField(c)}
        ${select({ name: "area", label: "Area", hint: "Neighbourhoods, blocks and local authorities where we have homes", value: values.area, error: errors.area, options: [{ value: "", text: "Choose an area" }, ...areas] })}
        ${radios({ name: "campaignType", legend: { text: "Kind of campaign", classes: "govuk-fieldset__legend--s" }, value: values.campaignType, error: errors.campaignType, items: hotSpotCampaignTypes.map((type) => ({ value: type, text: campaignTypeNames[type] })) })}
        ${dateInput({ name: "startedOn", legend: { text: "Start date", classes: "govuk-fieldset__legend--s" }, hint: "For example, 1 3 2026. No more than a year from today.", value: dateParts(values.startedOn), error: errors.startedOn })}
        ${dateInput({ name: "endedOn", legend: { text: "End date (optional)", classes: "govuk-fieldset__legend--s" }, hint: "Leave empty while it runs", value: dateParts(values.endedOn), error: errors.endedOn })}
        ${textarea({ name: "note", label: "Note (optional)", hint: "For example, where the cameras are or who is running it", value: values.note, error: errors.note, rows: 3 })}
        ${button({ text: "Mark area" })}
      </form>`,
  });
}

function figuresSection(result: Awaited<ReturnType<typeof hotSpotCampaign>>): SafeHtml {
  const { campaign, figures } = result;
  if (!figures) {
    return insetText(
      `The campaign starts on ${formatDate(campaign.startedOn)}. Its figures appear once it has started.`,
    );
  }
  const row = (
    label: string,
    p: { from: string; to: string; reports: number; per1000Homes: number | null },
  ) => [
    label,
    `${formatDate(p.from)} to ${formatDate(p.to)}`,
    { content: p.reports, numeric: true },
    { content: rate(p.per1000Homes), numeric: true },
  ];
  return html`${
    figures.tooEarly
      ? insetText(
          html`<strong>Too early to tell.</strong> The campaign has run for ${figures.days} days; read the change once it has run for at least ${minDaysAfter / 7} weeks.`,
        )
      : ""
  }${table({
    id: "before-and-after",
    caption: `ASB reports before and after, ${figures.days} days each`,
    captionClasses: "govuk-table__caption--m",
    firstCellIsHeader: true,
    head: [
      { text: "Period" },
      { text: "Dates" },
      { text: "Reports", numeric: true },
      { text: "Per 1,000 homes", numeric: true },
    ],
    rows: [
      row("Before", figures.before),
      row("After", figures.after),
      [
        "Change",
        figures.tooEarly ? "Too early to tell" : "",
        { content: signed(figures.reportChange, 0), numeric: true },
        { content: signed(figures.rateChange, 2), numeric: true },
      ],
    ],
  })}
  <p class="govuk-body">Rates are over the ${figures.homes.toLocaleString("en-GB")} low-cost rental and home ownership homes in the area on the start date, the same homes for both periods. Reports in every ASB category count; reports triaged as not ASB do not.</p>
  <p class="govuk-body">A fall after a campaign is not proof that the campaign caused it: reports also move with the seasons, with other work in the area and with how willing people are to report. The method is in Kith's guide to figures (docs/figures/asb-hot-spots.md).</p>`;
}

export function hotSpotCampaignPages(app: Hono<AppEnv>): void {
  app.get("/safety/hot-spots/campaigns/new", (c) => campaignForm(c, { area: c.req.query("area") ?? "" }));
  app.post("/safety/hot-spots/campaigns/new", async (c) => {
    const raw = await readForm(c);
    const values: Record<string, string> = {
      ...raw,
      startedOn: dateFromParts(raw, "startedOn"),
      endedOn: dateFromParts(raw, "endedOn"),
    };
    const result = await attempt(
      () =>
        markHotSpotCampaign(db(c), requireActor(c), c.get("now"), {
          area: values.area ?? "",
          campaignType: (values.campaignType ?? "") as "other",
          startedOn: values.startedOn ?? "",
          endedOn: values.endedOn || null,
          note: values.note || null,
        }),
      (errors) => campaignForm(c, values, errors, 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/hot-spots/campaigns/${result.id}?done=saved`, 303);
  });
  app.get("/safety/hot-spots/campaigns/:id", async (c) => {
    const result = await hotSpotCampaign(db(c), requireActor(c), c.req.param("id"), today(c));
    const { campaign } = result;
    const title = `${campaignTypeNames[campaign.campaignType]}: ${campaign.areaName}`;
    return renderPage(c, {
      title,
      backLink: "/safety/hot-spots#campaigns",
      notification: flashFrom(c, { saved: "The area has been marked for the campaign." }),
      content: html`<span class="govuk-caption-l">Hot-spot campaign</span><h1 class="govuk-heading-l">${title}</h1>
        ${summaryList([
          { key: "Area", value: `${campaign.areaName} (${areaKindNames[campaign.areaKind].toLowerCase()})` },
          { key: "Campaign", value: campaignTypeNames[campaign.campaignType] },
          { key: "Starts", value: formatDate(campaign.startedOn) },
          { key: "Ends", value: campaign.endedOn ? formatDate(campaign.endedOn) : "No end date" },
          { key: "Status", value: statusTag(campaign.status) },
          { key: "Note", value: campaign.note ?? "None" },
          { key: "Marked by", value: campaign.createdBy },
        ])}
        ${figuresSection(result)}`,
    });
  });
}
