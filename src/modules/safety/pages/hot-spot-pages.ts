import type { Hono } from "hono";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  choropleth,
  html,
  type MapArea,
  type SafeHtml,
  select,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { boundarySource, districtBoundaries, lsoaBoundariesInDistricts } from "../../places/index.ts";
import { type HotSpotArea, type HotSpots, hotSpotCategories, hotSpots } from "../queries/hot-spots.ts";
import { type HotSpotBlock, minBlockHomes } from "../queries/hot-spots-blocks.ts";
import { listHotSpotCampaigns } from "../queries/hot-spots-campaigns.ts";
import { safetyNav } from "./common.ts";
import { hotSpotCampaignList, hotSpotCampaignPages } from "./hot-spot-pages-campaigns.ts";
import { periodFrom } from "./report-pages.ts";

const rate = (value: number | null) => (value === null ? "–" : value.toFixed(2));
const change = (value: number | null) =>
  value === null ? "–" : `${value > 0 ? "+" : ""}${value.toFixed(2)}`;

/** The map: neighbourhoods when their outlines have been imported, otherwise districts. */
function hotSpotMap(spots: HotSpots, lsoaAreas: MapArea[]): SafeHtml {
  const byLsoa = lsoaAreas.length > 0;
  const areas = byLsoa ? lsoaAreas : districtBoundaries(spots.districts.map((d) => d.code));
  if (areas.length === 0) return html``;
  const ranked = byLsoa ? spots.neighbourhoods : spots.districts;
  const values = new Map(ranked.map((area) => [area.code, area.per1000Homes]));
  const top = ranked.find((area) => area.per1000Homes !== null && areas.some((a) => a.code === area.code));
  const unit = byLsoa ? "neighbourhood" : "local authority";
  return choropleth({
    id: "hot-spot-map",
    title: `ASB reports per 1,000 homes by ${unit}, ${spots.from} to ${spots.to}`,
    description: `Reports for each of ${areas.length} areas; darker areas have more reports per 1,000 homes.${top ? ` ${top.name} is highest at ${rate(top.per1000Homes)}.` : ""} Areas with none of our homes have no rate.`,
    areas,
    values,
    valueLabel: "Reports per 1,000 homes",
    areaLabel: byLsoa ? "Neighbourhood" : "Local authority",
    formatValue: (value) => (Number.isInteger(value) ? String(value) : value.toFixed(2)),
    source: boundarySource,
    table: "details",
  });
}

type AreaKind = "neighbourhood" | "district" | "block";
const areaHeadings: Record<AreaKind, string> = {
  neighbourhood: "Neighbourhood",
  district: "Local authority",
  block: "Block",
};

/** Neighbourhoods and districts link to their place profiles; blocks have none, so name their district. */
function areaCell(kind: AreaKind, area: HotSpotArea): SafeHtml {
  if (kind === "neighbourhood")
    return html`<a class="govuk-link" href="/places/neighbourhoods/${area.code}">${area.name}</a> <span class="govuk-body-s">${area.laName}</span>`;
  if (kind === "district")
    return html`<a class="govuk-link" href="/places/districts/${area.code}">${area.name}</a>`;
  return html`${area.name} <span class="govuk-body-s">${area.laName}</span>`;
}

const fewHomes = (area: HotSpotArea | HotSpotBlock) => "fewHomes" in area && area.fewHomes;

function rankedTable(caption: string, areas: (HotSpotArea | HotSpotBlock)[], kind: AreaKind): SafeHtml {
  return table({
    id: `${kind === "block" ? "blocks" : kind === "district" ? "districts" : "neighbourhoods"}`,
    caption,
    captionClasses: "govuk-table__caption--m",
    firstCellIsHeader: true,
    head: [
      { text: "Rank", numeric: true },
      { text: areaHeadings[kind] },
      { text: "Homes", numeric: true },
      { text: "Reports", numeric: true },
      { text: "Per 1,000 homes", numeric: true },
      { text: "Period before, per 1,000", numeric: true },
      { text: "Change", numeric: true },
    ],
    rows: areas.map((area, index) => [
      { content: area.per1000Homes === null ? "–" : index + 1, numeric: true },
      areaCell(kind, area),
      { content: area.homes.toLocaleString("en-GB"), numeric: true },
      { content: area.reports, numeric: true },
      {
        content: fewHomes(area)
          ? html`<span class="govuk-body-s">Under ${minBlockHomes} homes</span>`
          : rate(area.per1000Homes),
        numeric: true,
      },
      { content: rate(area.previousPer1000Homes), numeric: true },
      { content: change(area.change), numeric: true },
    ]),
  });
}

export function hotSpotPages(app: Hono<AppEnv>): void {
  hotSpotCampaignPages(app);
  app.get("/safety/hot-spots", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const period = periodFrom(c);
    const category = c.req.query("category") || undefined;
    const [spots, categories, campaigns] = await Promise.all([
      hotSpots(db, actor, { ...period, category }),
      hotSpotCategories(db, actor),
      listHotSpotCampaigns(db, actor, londonDay(c.get("now"))),
    ]);
    const reportedBlocks = spots.blocks.filter((b) => b.reports > 0 || b.previousReports > 0);
    const lsoaAreas = await lsoaBoundariesInDistricts(
      db,
      spots.districts.map((d) => d.code),
    );
    const what = spots.category ? spots.category.name.toLowerCase() : "anti-social behaviour";
    return renderPage(c, {
      title: "Hot spots: where anti-social behaviour concentrates",
      fullWidth: true,
      content: html`${safetyNav("/safety/hot-spots")}<h1 class="govuk-heading-l">Hot spots: where anti-social behaviour concentrates</h1>
        <form method="get" action="/safety/hot-spots" novalidate class="govuk-!-margin-bottom-6"><div class="govuk-grid-row">
          <div class="govuk-grid-column-one-quarter">${textInput({ name: "from", label: "From (YYYY-MM-DD)", value: spots.from, width: 10 })}</div>
          <div class="govuk-grid-column-one-quarter">${textInput({ name: "to", label: "To (YYYY-MM-DD)", value: spots.to, width: 10 })}</div>
          <div class="govuk-grid-column-one-half">${select({ name: "category", label: "Category", value: spots.category?.code ?? "", options: [{ value: "", text: "All ASB categories" }, ...categories.map((item) => ({ value: item.code, text: item.name }))] })}</div>
        </div>${button({ text: "Show", classes: "govuk-button--secondary" })}</form>
        <h2 class="govuk-heading-m">How these figures are worked out</h2>
        <p class="govuk-body">Reports of ${what} made from ${spots.from} to ${spots.to}, per 1,000 homes, compared with the ${spots.previousFrom} to ${spots.previousTo} period of the same length. Every report counts, including further reports about an open case, so repeated trouble shows; reports triaged as not ASB are left out.</p>
        <p class="govuk-body">A report is placed at its home, or at its case's home, and that home's 2021 neighbourhood (LSOA); a report with no home counts in its case's local authority only. Homes are the low-cost rental and home ownership homes owned on ${spots.to}, as for NM01. Neighbourhoods with few homes can show high rates from one or two reports: read the counts beside the rates.</p>
        <p class="govuk-body-s">Source: Kith's community safety reports and homes register. The method in full is in Kith's guide to figures (docs/figures/asb-hot-spots.md).</p>
        ${spots.unplaced.reports > 0 ? html`<p class="govuk-body">${spots.unplaced.reports} reports have no home or local authority recorded and are not on the map.</p>` : ""}
        ${hotSpotMap(spots, lsoaAreas)}
        ${rankedTable("Neighbourhoods, highest rate first", spots.neighbourhoods, "neighbourhood")}
        ${rankedTable("Local authorities, highest rate first", spots.districts, "district")}
        <p class="govuk-body">A block is our homes with the same block name in the same postcode sector and local authority. Blocks with fewer than ${minBlockHomes} homes show their reports but no rate, and are listed after the rest. Only blocks with reports in either period are listed.</p>
        ${reportedBlocks.length > 0 ? rankedTable("Blocks, highest rate first", reportedBlocks, "block") : html`<p class="govuk-body">No reports in this period or the one before were at homes in a named block.</p>`}
        ${hotSpotCampaignList(actor, campaigns)}`,
    });
  });
}
