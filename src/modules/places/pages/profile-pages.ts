import type { Context } from "hono";
import { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import {
  type ProfileFigure,
  type ProfilePlace,
  placeProfileSections,
  profileMonths,
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
import {
  type ProfileExport,
  profileFile,
  splitProfileCode,
  trendFigures,
  trendsSection,
} from "./profile-pages-export.ts";

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

function stockFigures(stock: PlaceStock, today: string): ProfileFigure[] {
  return [
    ...stock.homesByTenure.map((row) => ({
      section: "Homes",
      figure: `Homes: ${tenureNames[row.tenure]}`,
      period: today,
      value: row.homes,
    })),
    { section: "Community assets", figure: "Community assets", period: today, value: stock.assets.length },
  ];
}

/** What a profile shows above the modules' sections, and the same figures for its files. */
type ProfileView = {
  place: ProfilePlace;
  stock: PlaceStock;
  caption: string;
  top: SafeHtml;
  figures: ProfileFigure[];
  breadcrumbs: { href: string; text: string }[];
};

async function profileResponse(c: Context<AppEnv>, format: ProfileExport | "page", view: ProfileView) {
  const { place, stock } = view;
  const today = londonDay(c.get("now"));
  const { months } = profileMonths(today);
  const sections = await placeProfileSections(c, place);
  const trends = sections.flatMap((section) => section.trends);
  if (format !== "page")
    return profileFile(c, format, place, [
      ...view.figures,
      ...stockFigures(stock, today),
      ...sections.flatMap((section) => section.figures),
      ...trendFigures(months, trends),
    ]);
  const path = `/places/${place.level === "lsoa" ? "neighbourhoods" : "districts"}/${place.code}`;
  return renderPage(c, {
    title: `${place.name}: neighbourhood profile`,
    breadcrumbs: view.breadcrumbs,
    content: html`<span class="govuk-caption-l">${view.caption}</span><h1 class="govuk-heading-l">${place.name}</h1>
      <p class="govuk-body">Download every figure on this page: <a class="govuk-link" href="${path}.csv" download>CSV</a> or <a class="govuk-link" href="${path}.xlsx" download>Excel (XLSX)</a>.</p>
      ${view.top}${stockSection(place, stock)}${sections.map((section) => section.html)}${trendsSection(months, trends)}`,
  });
}

export function profilePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/places/neighbourhoods/:code", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canViewPlaces(actor), "Only staff can see neighbourhoods.");
    const db = c.get("services").database.db;
    const { code, format } = splitProfileCode(c.req.param("code"));
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
    const today = londonDay(c.get("now"));
    const area = "Deprivation and area";
    const figures: ProfileFigure[] = [
      { section: area, figure: "Local authority", period: "", value: lsoa.ladName },
      ...(current
        ? [
            { section: area, figure: "IoD2025 IMD decile", period: "2025", value: current.imdDecile },
            { section: area, figure: "IoD2025 IMD rank of 33,755", period: "2025", value: current.imdRank },
          ]
        : []),
      ...(older
        ? [
            { section: area, figure: "IoD2019 IMD decile", period: "2019", value: older.imdDecile },
            { section: area, figure: "IoD2019 IMD rank of 32,844", period: "2019", value: older.imdRank },
          ]
        : []),
      { section: area, figure: "Priority neighbourhood", period: today, value: priority ? "Yes" : "No" },
      ...domains.map(([name, decile]) => ({
        section: area,
        figure: `${name} decile (${current ? "IoD2025" : "IoD2019"})`,
        period: current ? "2025" : "2019",
        value: decile,
      })),
    ];
    return profileResponse(c, format, {
      place,
      stock,
      caption: `Neighbourhood ${lsoa.code}`,
      top,
      figures,
      breadcrumbs: [
        { href: "/places/neighbourhoods", text: "Neighbourhoods" },
        { href: `/places/districts/${lsoa.ladCode}`, text: lsoa.ladName },
      ],
    });
  });

  app.get("/places/districts/:code", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canViewPlaces(actor), "Only staff can see local authorities.");
    const db = c.get("services").database.db;
    const { code, format } = splitProfileCode(c.req.param("code"));
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
    const today = londonDay(c.get("now"));
    const figures: ProfileFigure[] = rows.flatMap((row) => [
      {
        section: "Neighbourhoods with our homes",
        figure: `${row.name} (${row.code}): IMD decile`,
        period: "",
        value: row.imdDecile,
      },
      {
        section: "Neighbourhoods with our homes",
        figure: `${row.name} (${row.code}): homes`,
        period: today,
        value: row.homes,
      },
    ]);
    return profileResponse(c, format, {
      place,
      stock,
      caption: "Local authority",
      top,
      figures,
      breadcrumbs: [{ href: "/places/neighbourhoods", text: "Neighbourhoods" }],
    });
  });
  return app;
}
