import { type Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { uploadImportPages } from "../../../platform/imports/upload-pages.ts";
import {
  button,
  choropleth,
  html,
  type SafeHtml,
  select,
  summaryList,
  table,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { createCommunityAsset } from "../commands/create-asset.ts";
import { importCommunityAssets } from "../commands/import-assets.ts";
import { canEditPlaces, canImportPlaces } from "../policy.ts";
import { listOrganisationAreas } from "../queries/areas.ts";
import { getCommunityAsset, listCommunityAssets } from "../queries/assets.ts";
import { boundarySource, districtBoundaries } from "../queries/district-boundaries.ts";
import { type AssetType, assetTypes } from "../schema.ts";
import { placesNav } from "./places-nav.ts";

const typeName = (type: string) => type.replace(/-/g, " ").replace(/^./, (ch) => ch.toUpperCase());

async function assetForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const actor = requireActor(c);
  const areas = await listOrganisationAreas(c.get("services").database.db, actor);
  return renderPage(c, {
    title: "Add a community asset",
    errors,
    status,
    backLink: "/places/assets",
    content: html`<h1 class="govuk-heading-l">Add a community asset</h1>
      <form method="post" action="/places/assets/new" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">
        ${textInput({ name: "name", label: "Name", value: values.name, error: errors.name })}
        ${select({ name: "assetType", label: "Type", value: values.assetType, error: errors.assetType, options: [{ value: "", text: "Choose a type" }, ...assetTypes.map((t) => ({ value: t, text: typeName(t) }))] })}
        ${textarea({ name: "description", label: "Description (optional)", value: values.description, error: errors.description })}
        ${textInput({ name: "address", label: "Address (optional)", value: values.address, error: errors.address })}
        ${textInput({ name: "postcode", label: "Postcode (optional)", value: values.postcode, error: errors.postcode, width: 10 })}
        ${select({ name: "laCode", label: "Local authority", value: values.laCode, error: errors.laCode, options: [{ value: "", text: "Choose a local authority" }, ...areas.map((a) => ({ value: a.laCode, text: a.name }))] })}
        ${textInput({ name: "owner", label: "Owned or run by", value: values.owner, error: errors.owner })}
        ${textInput({ name: "openingHours", label: "Opening hours (optional)", value: values.openingHours, error: errors.openingHours })}
        ${textInput({ name: "currentUse", label: "How it is used (optional)", value: values.currentUse, error: errors.currentUse })}
        ${textInput({ name: "capacity", label: "Capacity (optional)", value: values.capacity, error: errors.capacity, width: 5, inputmode: "numeric" })}
        ${textInput({ name: "openedOn", label: "Opened on (optional, YYYY-MM-DD)", value: values.openedOn, error: errors.openedOn, width: 10 })}
        ${button({ text: "Save asset" })}
      </form>`,
  });
}

/**
 * Community assets per district as a map over the Kent and Medway outlines that ship with Kith. A
 * count per district keeps names on the page readable (no markers to cover them); the table beside
 * the map and the register below name every asset.
 */
function assetMap(assets: { laCode: string }[]): SafeHtml {
  const counts = new Map<string, number | null>();
  for (const asset of assets) counts.set(asset.laCode, (counts.get(asset.laCode) ?? 0) + 1);
  const districts = districtBoundaries([...counts.keys()]);
  if (districts.length === 0) return html``;
  return choropleth({
    id: "asset-map",
    title: "Community assets by local authority",
    description: `How many of these assets are in each of ${districts.length} local authorities; darker areas have more.`,
    areas: districts,
    values: counts,
    valueLabel: "Assets",
    areaLabel: "Local authority",
    source: boundarySource,
    table: "details",
    areaHref: (code) => `/places/districts/${code}`,
  });
}

export function assetPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/places/assets", async (c) => {
    const actor = requireActor(c);
    const type = assetTypes.find((t) => t === c.req.query("type")) as AssetType | undefined;
    const laCode = c.req.query("laCode") || undefined;
    const assets = await listCommunityAssets(c.get("services").database.db, actor, {
      assetType: type,
      laCode,
    });
    return renderPage(c, {
      title: "Community assets",
      fullWidth: true,
      notification: flashFrom(c, { created: "The asset has been added." }),
      content: html`${placesNav("/places/assets")}<h1 class="govuk-heading-l">Community assets</h1>
        <p class="govuk-body">Halls, play areas, hubs and gardens that residents use: the starting point for asset-based community development.</p>
        ${canEditPlaces(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/places/assets/new">Add a community asset</a> · <a class="govuk-link" href="/places/assets/import">Import assets from a CSV file</a></p>` : ""}
        <form method="get" action="/places/assets">${select({ name: "type", label: "Type", value: type, options: [{ value: "", text: "All types" }, ...assetTypes.map((t) => ({ value: t, text: typeName(t) }))] })}${button({ text: "Show", variant: "secondary" })}</form>
        ${assetMap(assets)}
        ${table({
          caption: `${assets.length} assets`,
          head: [
            { text: "Name" },
            { text: "Type" },
            { text: "Local authority" },
            { text: "Run by" },
            { text: "Opened" },
          ],
          rows: assets.map((a) => [
            html`<a class="govuk-link" href="/places/assets/${a.id}">${a.name}</a>`,
            typeName(a.assetType),
            a.laName ?? a.laCode,
            a.owner,
            a.openedOn ?? "–",
          ]),
        })}`,
    });
  });

  app.route(
    "/",
    uploadImportPages({
      path: "/places/assets/import",
      what: "community assets",
      backHref: "/places/assets",
      columnsHelp: html`Required columns: <code>name, asset_type, la_code, owner</code>; optional: <code>description, address, postcode, lsoa21_code, opening_hours, current_use, capacity, opened_on, closed_on</code>.`,
      cliCommand: "npx kith import assets FILE.csv",
      mayImport: canImportPlaces,
      run: importCommunityAssets,
    }),
  );
  app.get("/places/assets/new", (c) => {
    requireAllowed(canEditPlaces(requireActor(c)), "Only officers can add community assets.");
    return assetForm(c, {});
  });
  app.post("/places/assets/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      const created = await createCommunityAsset(c.get("services").database, actor, c.get("now"), values);
      return c.redirect(`/places/assets/${created.id}?done=created`, 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 422)
        return assetForm(c, values, error.fieldErrors, 422);
      throw error;
    }
  });

  app.get("/places/assets/:id", async (c) => {
    const actor = requireActor(c);
    const asset = await getCommunityAsset(c.get("services").database.db, actor, c.req.param("id"));
    return renderPage(c, {
      title: asset.name,
      notification: flashFrom(c, { created: "The asset has been added." }),
      breadcrumbs: [{ href: "/places/assets", text: "Community assets" }],
      content: html`<span class="govuk-caption-l">${typeName(asset.assetType)}</span><h1 class="govuk-heading-l">${asset.name}</h1>
        ${summaryList([
          { key: "Description", value: asset.description ?? "–" },
          { key: "Address", value: [asset.address, asset.postcode].filter(Boolean).join(", ") || "–" },
          { key: "Local authority", value: asset.laCode },
          {
            key: "Neighbourhood",
            value: asset.lsoa21Code
              ? html`<a class="govuk-link" href="/places/neighbourhoods/${asset.lsoa21Code}">${asset.lsoa21Code}</a>`
              : "–",
          },
          { key: "Run by", value: asset.owner },
          { key: "Opening hours", value: asset.openingHours ?? "–" },
          { key: "How it is used", value: asset.currentUse ?? "–" },
          { key: "Capacity", value: asset.capacity === null ? "–" : String(asset.capacity) },
          { key: "Opened", value: asset.openedOn ?? "–" },
          { key: "Closed", value: asset.closedOn ?? "Still open" },
        ])}`,
    });
  });

  app.get("/places/local-authorities", async (c) => {
    const actor = requireActor(c);
    const areas = await listOrganisationAreas(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Local authorities",
      fullWidth: true,
      content: html`${placesNav("/places/local-authorities")}<h1 class="govuk-heading-l">Local authorities</h1>
        ${table({
          caption: "Where we have homes",
          head: [
            { text: "Local authority" },
            { text: "ONS code" },
            { text: "Tier" },
            { text: "Homes", numeric: true },
          ],
          rows: areas.map((a) => [
            html`<a class="govuk-link" href="/places/homes?laCode=${a.laCode}">${a.officialName ?? a.name}</a>`,
            a.laCode,
            a.tier ?? "–",
            { content: a.homes.toLocaleString("en-GB"), numeric: true },
          ]),
        })}`,
    });
  });
  return app;
}
