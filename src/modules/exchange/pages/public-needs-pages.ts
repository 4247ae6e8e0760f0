import { Hono } from "hono";
import {
  publicOrganisationBySlug as organisationBySlug,
  publicOrganisations,
} from "../../../platform/access/public-organisations.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  formatPence,
  html,
  insetText,
  select,
  summaryList,
} from "../../../platform/ui/index.ts";
import { getPublicNeed, listPublicNeeds, type PublicNeedFilter } from "../queries/public-needs.ts";
import { categoryNames, type NeedCategory, needCategories } from "../schema.ts";
import { areas, needTag } from "./exchange-display.ts";

// Public pages of the social value exchange: no sign-in. Community needs an officer has
// published, filtered by category and area, each with its own page. Addresses carry the
// organisation's slug and the need's reference, e.g. /needs/weald-and-medway-homes/SVN-1A2B3C4D.

export const publicNeedsPages = new Hono<AppEnv>();

const areaName = (laCode: string | null) => (laCode ? areas[laCode] : undefined);

publicNeedsPages.get("/needs", async (c) => {
  const organisations = await publicOrganisations(c.get("services").database.db);
  return renderPage(c, {
    title: "Community needs",
    content: html`<h1 class="govuk-heading-xl">Community needs</h1>
      <p class="govuk-body-l">Local groups say what they need. Suppliers working for their landlord or council can meet those needs as social value.</p>
      <ul class="govuk-list">${organisations.map((o) => html`<li><a class="govuk-link" href="/needs/${o.slug}">${o.name}</a></li>`)}</ul>`,
  });
});

publicNeedsPages.get("/needs/:org", async (c) => {
  const db = c.get("services").database.db;
  const organisation = await organisationBySlug(db, c.req.param("org"));
  // Filters only ever narrow the list: a value that is not one of the choices is ignored, not echoed.
  const category = needCategories.find((choice) => choice === c.req.query("category"));
  const laCode = Object.keys(areas).find((code) => code === c.req.query("area"));
  const filter: PublicNeedFilter = { category, laCode };
  const needs = await listPublicNeeds(db, organisation.id, filter);
  const filtered = category || laCode;
  return renderPage(c, {
    title: `Community needs – ${organisation.name}`,
    content: html`<h1 class="govuk-heading-xl">Community needs</h1>
      <p class="govuk-body-l">What community groups working with ${organisation.name} need. Each need has been checked by an officer.</p>
      <form method="get" action="/needs/${organisation.slug}" novalidate class="govuk-!-margin-bottom-6">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third">${select({
            name: "category",
            label: "Category",
            value: category ?? "",
            options: [
              { value: "", text: "All categories" },
              ...needCategories.map((choice) => ({ value: choice, text: categoryNames[choice] })),
            ],
          })}</div>
          <div class="govuk-grid-column-one-third">${select({
            name: "area",
            label: "Area",
            value: laCode ?? "",
            options: [
              { value: "", text: "All areas" },
              ...Object.entries(areas).map(([code, name]) => ({ value: code, text: name })),
            ],
          })}</div>
        </div>
        ${button({ text: "Show needs", variant: "secondary" })}
        ${filtered ? html` <a class="govuk-link govuk-body" href="/needs/${organisation.slug}">Clear filters</a>` : ""}
      </form>
      <h2 class="govuk-heading-m">${needs.length === 1 ? "1 need" : `${needs.length} needs`}${filtered ? " matching your filters" : ""}</h2>
      ${needs.length === 0 ? insetText("There are no published needs matching these filters.") : ""}
      <ul class="govuk-list">${needs.map(
        (need) => html`<li class="govuk-!-margin-bottom-5">
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="/needs/${organisation.slug}/${need.reference}">${need.title}</a></h3>
          <p class="govuk-body-s govuk-!-margin-bottom-1">${categoryNames[need.category]} · ${formatPence(need.valuePence)} · ${need.location}${areaName(need.laCode) ? `, ${areaName(need.laCode)}` : ""}</p>
          <p class="govuk-body-s govuk-!-margin-bottom-0">${need.communityOrgName} ${needTag(need.status)}</p>
        </li>`,
      )}</ul>`,
  });
});

publicNeedsPages.get("/needs/:org/:reference", async (c) => {
  const db = c.get("services").database.db;
  const organisation = await organisationBySlug(db, c.req.param("org"));
  const { need, pledges, pledgedPence, deliveredPence } = await getPublicNeed(
    db,
    organisation.id,
    c.req.param("reference"),
  );
  return renderPage(c, {
    title: `${need.title} – community needs`,
    breadcrumbs: [
      { href: "/needs", text: "Community needs" },
      { href: `/needs/${organisation.slug}`, text: organisation.name },
    ],
    content: html`<span class="govuk-caption-l">${need.communityOrgName}</span>
      <h1 class="govuk-heading-l">${need.title}</h1>
      <p class="govuk-body">${needTag(need.status)}</p>
      <p class="govuk-body">${need.description}</p>
      ${summaryList([
        { key: "Category", value: categoryNames[need.category as NeedCategory] },
        { key: "Estimated value", value: formatPence(need.valuePence) },
        {
          key: "Where",
          value: `${need.location}${areaName(need.laCode) ? `, ${areaName(need.laCode)}` : ""}`,
        },
        { key: "Needed by", value: need.neededBy ? formatDate(need.neededBy) : "Not given" },
        {
          key: "Pledged by suppliers",
          value:
            pledges === 0
              ? "Nothing yet"
              : `${formatPence(pledgedPence)} from ${pledges === 1 ? "1 pledge" : `${pledges} pledges`}, ${formatPence(deliveredPence)} delivered so far`,
        },
        { key: "Reference", value: need.reference },
      ])}
      ${
        need.status === "open"
          ? insetText(
              html`Suppliers bidding for ${organisation.name} contracts can pledge to meet this need. <a class="govuk-link" href="/sign-in">Sign in to pledge</a>.`,
            )
          : ""
      }`,
  });
});
