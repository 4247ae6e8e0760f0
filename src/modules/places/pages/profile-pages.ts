import type { Context } from "hono";
import { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import {
  type ProfilePlace,
  placeProfileSections,
  profileSection,
} from "../../../platform/http/place-profile.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { choropleth, html, type SafeHtml, summaryList, table, tag } from "../../../platform/ui/index.ts";
import { tenureNames } from "../commands/home-input.ts";
import { canViewPlaces } from "../policy.ts";
import { listNeighbourhoods } from "../queries/areas.ts";
import { boundarySource, lsoaBoundariesInDistricts } from "../queries/district-boundaries.ts";
import { type PlaceStock, placeStock } from "../queries/place-profile.ts";
import { getLsoa, listLocalAuthorities } from "../queries/reference.ts";

// One view of a neighbourhood or a district: deprivation and homes from places, then a section from
// each module (platform/http/place-profile.ts), each with its own policy checks and links to its register.

function stockSection(place: ProfilePlace, stock: PlaceStock): SafeHtml {
  const homes = stock.homesByTenure.reduce((sum, row) => sum + row.homes, 0);
  const filter = place.level === "lad" ? `?laCode=${place.code}` : "";
  return html`${profileSection(
    "Homes",
    homes === 0
      ? html`<p class="govuk-body">We have no homes recorded here.</p>`
      : table({
          caption: `${homes.toLocaleString("en-GB")} homes by tenure`,
          captionClasses: "govuk-table__caption--s",
          head: [{ text: "Tenure" }, { text: "Homes", numeric: true }],
          rows: stock.homesByTenure.map((row) => [
            tenureNames[row.tenure],
            { content: row.homes.toLocaleString("en-GB"), numeric: true },
          ]),
        }),
    { href: `/places/homes${filter}`, text: "Open the homes register" },
  )}${profileSection(
    "Community assets",
    stock.assets.length === 0
      ? html`<p class="govuk-body">No community assets are recorded here.</p>`
      : html`<ul class="govuk-list govuk-list--bullet">${stock.assets.map(
          (asset) =>
            html`<li><a class="govuk-link" href="/places/assets/${asset.id}">${asset.name}</a>${asset.closedOn ? html` ${tag("Closed", "grey")}` : ""}</li>`,
        )}</ul>`,
    { href: `/places/assets${filter}`, text: "Open the asset register" },
  )}`;
}

async function profilePage(
  c: Context<AppEnv>,
  place: ProfilePlace,
  stock: PlaceStock,
  caption: string,
  top: SafeHtml,
  breadcrumbs: { href: string; text: string }[],
) {
  const sections = await placeProfileSections(c, place);
  return renderPage(c, {
    title: `${place.name}: neighbourhood profile`,
    breadcrumbs,
    content: html`<span class="govuk-caption-l">${caption}</span><h1 class="govuk-heading-l">${place.name}</h1>
      ${top}${stockSection(place, stock)}${sections}`,
  });
}

export function profilePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/places/neighbourhoods/:code", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canViewPlaces(actor), "Only staff can see neighbourhoods.");
    const db = c.get("services").database.db;
    const code = c.req.param("code").toUpperCase();
    const [current, older] = await Promise.all([getLsoa(db, "iod2025", code), getLsoa(db, "iod2019", code)]);
    const lsoa = current ?? older;
    if (!lsoa) throw notFound("Neighbourhood not found", `There is no LSOA with the code ${code}.`);
    const place: ProfilePlace = { level: "lsoa", code: lsoa.code, name: lsoa.name, laCode: lsoa.ladCode };
    const stock = await placeStock(db, actor, place);
    const priority = stock.priority[0];
    const domains: [string, number][] = [
      ["Income", lsoa.incomeDecile],
      ["Employment", lsoa.employmentDecile],
      ["Education, skills and training", lsoa.educationDecile],
      ["Health and disability", lsoa.healthDecile],
      ["Crime", lsoa.crimeDecile],
      ["Barriers to housing and services", lsoa.barriersDecile],
      ["Living environment", lsoa.livingEnvDecile],
    ];
    const top = html`${summaryList([
      {
        key: "Local authority",
        value: html`<a class="govuk-link" href="/places/districts/${lsoa.ladCode}">${lsoa.ladName}</a>`,
      },
      {
        key: "IoD2025 IMD decile and rank",
        value: current
          ? `Decile ${current.imdDecile}, rank ${current.imdRank.toLocaleString("en-GB")} of 33,755`
          : "Not a 2021 LSOA",
      },
      {
        key: "IoD2019 IMD decile and rank",
        value: older
          ? `Decile ${older.imdDecile}, rank ${older.imdRank.toLocaleString("en-GB")} of 32,844`
          : "Not a 2011 LSOA",
      },
      { key: "Priority neighbourhood", value: priority ? `Yes: ${priority.reason}` : "No" },
    ])}
      ${table({ caption: `Domain deciles (${current ? "IoD2025" : "IoD2019"})`, captionClasses: "govuk-table__caption--m", head: [{ text: "Domain" }, { text: "Decile", numeric: true }], rows: domains.map(([name, decile]) => [name, { content: decile, numeric: true }]) })}
      <p class="govuk-body-s">Decile 1 is the most deprived 10% of neighbourhoods in England. Counts of 1 to 4 below are shown as "fewer than 5" so that no household can be identified.</p>`;
    return profilePage(c, place, stock, `Neighbourhood ${lsoa.code}`, top, [
      { href: "/places/neighbourhoods", text: "Neighbourhoods" },
      { href: `/places/districts/${lsoa.ladCode}`, text: lsoa.ladName },
    ]);
  });

  app.get("/places/districts/:code", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canViewPlaces(actor), "Only staff can see local authorities.");
    const db = c.get("services").database.db;
    const code = c.req.param("code").toUpperCase();
    const district = (await listLocalAuthorities(db)).find((la) => la.gssCode === code);
    if (!district)
      throw notFound("Local authority not found", `There is no local authority with the code ${code}.`);
    const place: ProfilePlace = { level: "lad", code, name: district.name, laCode: code };
    const [stock, neighbourhoods, outlines] = await Promise.all([
      placeStock(db, actor, place),
      listNeighbourhoods(db, actor, { laCode: code, onlyWithHomes: true }),
      lsoaBoundariesInDistricts(db, [code]),
    ]);
    const rows = neighbourhoods.rows;
    const map =
      outlines.length > 0
        ? choropleth({
            id: "district-homes-map",
            title: `Our homes by neighbourhood in ${district.name}`,
            description: `Homes in each of ${outlines.length} neighbourhoods; darker areas have more of our homes.`,
            areas: outlines,
            values: new Map(rows.map((row) => [row.code, row.homes])),
            valueLabel: "Homes",
            areaLabel: "Neighbourhood",
            source: boundarySource,
            table: "details",
            areaHref: (areaCode) => `/places/neighbourhoods/${areaCode}`,
          })
        : "";
    const top = html`${map}${table({
      caption: `Neighbourhoods with our homes (${rows.length}), most deprived first`,
      captionClasses: "govuk-table__caption--m",
      head: [
        { text: "Neighbourhood" },
        { text: "IMD decile", numeric: true },
        { text: "Homes", numeric: true },
        { text: "Priority" },
      ],
      rows: rows.map((row) => [
        html`<a class="govuk-link" href="/places/neighbourhoods/${row.code}">${row.name}</a>`,
        { content: row.imdDecile, numeric: true },
        { content: row.homes, numeric: true },
        row.priority ? tag("Priority", "orange") : "",
      ]),
    })}
      <p class="govuk-body-s">Counts of 1 to 4 below are shown as "fewer than 5" so that no household can be identified.</p>`;
    return profilePage(c, place, stock, "Local authority", top, [
      { href: "/places/neighbourhoods", text: "Neighbourhoods" },
    ]);
  });
  return app;
}
