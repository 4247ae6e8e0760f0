import { type Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { uploadImportPages } from "../../../platform/imports/upload-pages.ts";
import {
  button,
  checkboxes,
  dateInput,
  filterLayout,
  html,
  pagination,
  type SafeHtml,
  select,
  summaryList,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { createHome } from "../commands/create-home.ts";
import { tenureNames, tsmStockCategoryNames } from "../commands/home-input.ts";
import { importHomes } from "../commands/import-homes.ts";
import { updateHome } from "../commands/update-home.ts";
import { canEditPlaces, canImportPlaces } from "../policy.ts";
import { listOrganisationAreas } from "../queries/areas.ts";
import { getHome } from "../queries/get-home.ts";
import { type HomeFilters, listHomes } from "../queries/list-homes.ts";
import { type Home, tenures, tsmStockCategories } from "../schema.ts";
import { placesNav } from "./places-nav.ts";

const pageSize = 50;
const messages = { created: "The home has been added.", updated: "The home has been changed." };

function csrf(c: Context<AppEnv>): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}">`;
}

async function homeForm(
  c: Context<AppEnv>,
  options: {
    title: string;
    action: string;
    values: Record<string, string>;
    errors?: Record<string, string>;
    status?: 200 | 409 | 422;
  },
) {
  const actor = requireActor(c);
  const areas = await listOrganisationAreas(c.get("services").database.db, actor);
  const { values, errors = {} } = options;
  return renderPage(c, {
    title: options.title,
    // A date's error in the summary links to its first box, as the GOV.UK date input pattern asks.
    errors: Object.fromEntries(
      Object.entries(errors).map(([field, message]) => [
        field === "acquiredOn" || field === "disposedOn" ? `${field}-day` : field,
        message,
      ]),
    ),
    status: options.status,
    backLink: "/places/homes",
    content: html`<h1 class="govuk-heading-l">${options.title}</h1>
      <form method="post" action="${options.action}" novalidate>${csrf(c)}
        ${textInput({ name: "uprn", label: "UPRN", hint: "Unique Property Reference Number, up to 12 digits", value: values.uprn, error: errors.uprn, width: 20, inputmode: "numeric" })}
        ${textInput({ name: "addressLine1", label: "Address line 1", value: values.addressLine1, error: errors.addressLine1, autocomplete: "address-line1" })}
        ${textInput({ name: "addressLine2", label: "Address line 2 (optional)", value: values.addressLine2, error: errors.addressLine2, autocomplete: "address-line2" })}
        ${textInput({ name: "town", label: "Town or city", value: values.town, error: errors.town, width: "two-thirds", autocomplete: "address-level2" })}
        ${textInput({ name: "postcode", label: "Postcode", value: values.postcode, error: errors.postcode, width: 10, autocomplete: "postal-code" })}
        ${select({ name: "tenure", label: "Tenure", value: values.tenure, error: errors.tenure, options: [{ value: "", text: "Choose a tenure" }, ...tenures.map((t) => ({ value: t, text: tenureNames[t] }))] })}
        ${select({ name: "tsmStockCategory", label: "TSM stock category", hint: "The regulator's category for Tenant Satisfaction Measures. Leave as it is to take it from the tenure.", value: values.tsmStockCategory, error: errors.tsmStockCategory, options: [{ value: "", text: "Take it from the tenure" }, ...tsmStockCategories.map((t) => ({ value: t, text: tsmStockCategoryNames[t] }))] })}
        ${dateInput({ name: "acquiredOn", legend: "Date acquired (optional)", hint: "Leave blank only if the home was owned before these records began. NM01 counts the homes owned at the end of each reporting year.", value: dateParts(values, "acquiredOn"), error: errors.acquiredOn })}
        ${dateInput({ name: "disposedOn", legend: "Date sold or disposed of (optional)", value: dateParts(values, "disposedOn"), error: errors.disposedOn })}
        ${textInput({ name: "bedrooms", label: "Bedrooms (optional)", value: values.bedrooms, error: errors.bedrooms, width: 3, inputmode: "numeric" })}
        ${textInput({ name: "blockName", label: "Block (optional)", hint: "For flats, the name of the block", value: values.blockName, error: errors.blockName })}
        ${select({ name: "laCode", label: "Local authority", value: values.laCode, error: errors.laCode, options: [{ value: "", text: "Choose a local authority" }, ...areas.map((a) => ({ value: a.laCode, text: `${a.name} (${a.laCode})` }))] })}
        ${textInput({ name: "lsoa21Code", label: "Neighbourhood: 2021 LSOA code (optional)", hint: "Like E01024532", value: values.lsoa21Code, error: errors.lsoa21Code, width: 10 })}
        ${button({ text: "Save home" })}
      </form>`,
  });
}

/** The three boxes of a date field: as posted after an error, or split from the stored YYYY-MM-DD. */
function dateParts(values: Record<string, string>, name: string) {
  if (values[`${name}-year`] !== undefined)
    return { day: values[`${name}-day`], month: values[`${name}-month`], year: values[`${name}-year`] };
  const [year = "", month = "", day = ""] = (values[name] ?? "").split("-");
  return { day, month, year };
}

/** The posted form as the command's input: the date boxes joined into YYYY-MM-DD. */
async function readHomeForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const form = await readForm(c);
  return {
    ...form,
    acquiredOn: dateFromParts(form, "acquiredOn"),
    disposedOn: dateFromParts(form, "disposedOn"),
  };
}

function homeValues(home: Home): Record<string, string> {
  return Object.fromEntries(
    Object.entries(home).map(([key, value]) => [
      key,
      value === null || value === undefined ? "" : String(value),
    ]),
  );
}

export function homePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/places/homes", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const q = c.req.query();
    const deciles =
      c.req
        .queries("decile")
        ?.map(Number)
        .filter((d) => Number.isInteger(d) && d >= 1 && d <= 10) ?? [];
    const filters: HomeFilters = {
      search: (q.search ?? "").slice(0, 100),
      laCode: q.laCode || undefined,
      tenure: tenures.includes(q.tenure as Home["tenure"]) ? (q.tenure as Home["tenure"]) : undefined,
      deciles,
      sort: (["address", "postcode", "uprn", "decile"] as const).find((s) => s === q.sort) ?? "address",
      dir: q.dir === "desc" ? "desc" : "asc",
      page: Math.max(1, Math.min(100_000, Number.parseInt(q.page ?? "1", 10) || 1)),
      pageSize,
    };
    const [result, areas] = await Promise.all([
      listHomes(db, actor, filters),
      listOrganisationAreas(db, actor),
    ]);
    const params = (overrides: Record<string, string>) => {
      const search = new URLSearchParams({
        search: filters.search ?? "",
        laCode: filters.laCode ?? "",
        tenure: filters.tenure ?? "",
        sort: filters.sort ?? "",
        dir: filters.dir ?? "",
      });
      for (const d of deciles) search.append("decile", String(d));
      for (const [k, v] of Object.entries(overrides)) search.set(k, v);
      return `/places/homes?${search.toString()}`;
    };
    const totalPages = Math.max(1, Math.ceil(result.total / pageSize));
    return renderPage(c, {
      title: "Homes",
      fullWidth: true,
      notification: flashFrom(c, messages),
      content: html`${placesNav("/places/homes")}
        <h1 class="govuk-heading-l">Homes</h1>
        ${canEditPlaces(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/places/homes/new">Add a home</a>${canImportPlaces(actor) ? html` · <a class="govuk-link" href="/places/homes/import">Import homes from a CSV file</a>` : ""}</p>` : ""}
        ${filterLayout({
          action: "/places/homes",
          keep: { sort: filters.sort ?? "address", dir: filters.dir ?? "asc" },
          filters: html`${textInput({ name: "search", label: "Address, postcode or UPRN", value: filters.search, type: "search" })}
            ${select({ name: "laCode", label: "Local authority", value: filters.laCode, options: [{ value: "", text: "All" }, ...areas.map((a) => ({ value: a.laCode, text: a.name }))] })}
            ${select({ name: "tenure", label: "Tenure", value: filters.tenure, options: [{ value: "", text: "All" }, ...tenures.map((t) => ({ value: t, text: tenureNames[t] }))] })}
            ${checkboxes({ name: "decile", legend: { text: "Deprivation decile (IoD2025)", classes: "govuk-fieldset__legend--s" }, small: true, values: deciles.map(String), items: Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), text: `${i + 1}${i === 0 ? " (most deprived)" : i === 9 ? " (least deprived)" : ""}` })) })}`,
          results: html`<p class="govuk-body">${result.total.toLocaleString("en-GB")} homes</p>
            ${table({
              caption: "Homes",
              captionClasses: "govuk-visually-hidden",
              sort: { key: filters.sort ?? "address", dir: filters.dir ?? "asc" },
              sortHref: (key, dir) => params({ sort: key, dir, page: "1" }),
              head: [
                { text: "Address", sortKey: "address" },
                { text: "Postcode", sortKey: "postcode" },
                { text: "Tenure" },
                { text: "Local authority" },
                { text: "Decile", sortKey: "decile", numeric: true },
              ],
              rows: result.rows.map((row) => [
                html`<a class="govuk-link" href="/places/homes/${row.id}">${row.addressLine1}</a>`,
                row.postcode,
                tenureNames[row.tenure],
                row.laName ?? row.laCode,
                { content: row.imdDecile ?? "–", numeric: true },
              ]),
            })}
            ${pagination({ currentPage: filters.page ?? 1, totalPages, href: (page) => params({ page: String(page) }) })}`,
        })}`,
    });
  });

  app.get("/places/homes/new", (c) => {
    requireAllowed(canEditPlaces(requireActor(c)), "Only officers can add homes.");
    return homeForm(c, { title: "Add a home", action: "/places/homes/new", values: {} });
  });
  app.post("/places/homes/new", async (c) => {
    const actor = requireActor(c);
    const values = await readHomeForm(c);
    try {
      const created = await createHome(c.get("services").database, actor, c.get("now"), values);
      return c.redirect(`/places/homes/${created.id}?done=created`, 303);
    } catch (error) {
      if (error instanceof Problem && (error.status === 422 || error.status === 409)) {
        return homeForm(c, {
          title: "Add a home",
          action: "/places/homes/new",
          values,
          errors: error.fieldErrors ?? { uprn: error.detail },
          status: error.status as 422,
        });
      }
      throw error;
    }
  });

  app.route(
    "/",
    uploadImportPages({
      path: "/places/homes/import",
      what: "homes",
      backHref: "/places/homes",
      columnsHelp: html`Required columns: <code>uprn, address_line_1, town, postcode, tenure, la_code</code>; optional: <code>address_line_2, bedrooms, block_name, lsoa21_code, lsoa11_code, tsm_stock_category, acquired_on, disposed_on</code>.`,
      cliCommand: "npx kith import homes FILE.csv",
      mayImport: canImportPlaces,
      run: importHomes,
    }),
  );

  app.get("/places/homes/:id", async (c) => {
    const actor = requireActor(c);
    const home = await getHome(c.get("services").database.db, actor, c.req.param("id"));
    return renderPage(c, {
      title: home.addressLine1,
      notification: flashFrom(c, messages),
      breadcrumbs: [{ href: "/places/homes", text: "Homes" }],
      content: html`<span class="govuk-caption-l">Home</span><h1 class="govuk-heading-l">${home.addressLine1}</h1>
        ${summaryList([
          { key: "UPRN", value: home.uprn },
          {
            key: "Address",
            value: html`${home.addressLine1}<br>${home.addressLine2 ? html`${home.addressLine2}<br>` : ""}${home.town}<br>${home.postcode}`,
          },
          { key: "Tenure", value: tenureNames[home.tenure] },
          { key: "TSM stock category", value: tsmStockCategoryNames[home.tsmStockCategory] },
          { key: "Date acquired", value: home.acquiredOn ?? "Before these records began" },
          { key: "Date sold or disposed of", value: home.disposedOn ?? "Still owned" },
          { key: "Bedrooms", value: home.bedrooms === null ? "Not recorded" : String(home.bedrooms) },
          { key: "Block", value: home.blockName ?? "Not in a block" },
          { key: "Local authority", value: home.laCode },
          {
            key: "Neighbourhood (2021 LSOA)",
            value: home.lsoa21Code
              ? html`<a class="govuk-link" href="/places/neighbourhoods/${home.lsoa21Code}">${home.lsoa21Code}</a>`
              : "Not recorded",
          },
          { key: "Neighbourhood (2011 LSOA)", value: home.lsoa11Code ?? "Not recorded" },
        ])}
        ${canEditPlaces(actor) ? button({ text: "Change this home", href: `/places/homes/${home.id}/edit`, variant: "secondary" }) : ""}`,
    });
  });

  app.get("/places/homes/:id/edit", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canEditPlaces(actor), "Only officers can change homes.");
    const home = await getHome(c.get("services").database.db, actor, c.req.param("id"));
    return homeForm(c, {
      title: "Change a home",
      action: `/places/homes/${home.id}/edit`,
      values: homeValues(home),
    });
  });
  app.post("/places/homes/:id/edit", async (c) => {
    const actor = requireActor(c);
    const values = await readHomeForm(c);
    const id = c.req.param("id");
    try {
      await updateHome(c.get("services").database, actor, c.get("now"), id, values);
      return c.redirect(`/places/homes/${id}?done=updated`, 303);
    } catch (error) {
      if (error instanceof Problem && (error.status === 422 || error.status === 409)) {
        return homeForm(c, {
          title: "Change a home",
          action: `/places/homes/${id}/edit`,
          values,
          errors: error.fieldErrors ?? { uprn: error.detail },
          status: error.status as 422,
        });
      }
      throw error;
    }
  });
  return app;
}
