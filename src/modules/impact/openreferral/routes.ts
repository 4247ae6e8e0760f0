import type { Context } from "hono";
import { Hono } from "hono";
import { listOrganisations } from "../../../platform/access/organisations.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { badRequest, notFound } from "../../../platform/http/problem.ts";
import { londonToday } from "../../investment/index.ts";
import {
  type Directory,
  loadDirectory,
  page,
  serviceAtLocationListObjects,
  serviceAtLocationObject,
  serviceObject,
  taxonomyId,
  taxonomyObjects,
  taxonomyTermObjects,
} from "./directory.ts";
import { placeFilters, serviceFilters, serviceMatches } from "./listing-filters.ts";
import { filterByPlace } from "./place-filter.ts";

/** Which organisation's directory: ?organisation=SLUG, or the only organisation there is. */
async function directoryFor(c: Context<AppEnv>) {
  const db = c.get("services").database.db;
  const slug = c.req.query("organisation");
  const organisations = (await listOrganisations(db)).filter((o) => o.kind !== "platform");
  const chosen = slug
    ? organisations.find((o) => o.slug === slug)
    : organisations.length === 1
      ? organisations[0]
      : undefined;
  if (!chosen) {
    if (slug) throw notFound("Directory not found", `There is no organisation "${slug}".`);
    throw badRequest(
      "Say which organisation",
      `Add ?organisation= with one of: ${organisations.map((o) => o.slug).join(", ")}.`,
    );
  }
  return loadDirectory(db, { id: chosen.id, name: chosen.name }, londonToday(c.get("now")));
}

function paging(c: Context<AppEnv>): { page: number; perPage: number } {
  const pageNumber = Number(c.req.query("page") ?? "1");
  const perPage = Number(c.req.query("per_page") ?? "50");
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > 100_000)
    throw badRequest("Bad page", "page must be a whole number from 1.");
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 500)
    throw badRequest("Bad per_page", "per_page must be a whole number from 1 to 500.");
  return { page: pageNumber, perPage };
}

/** The services that pass the ORUK list filters (listing-filters.ts says how each is read). */
function filteredServices(c: Context<AppEnv>, directory: Directory) {
  const filters = serviceFilters((name) => c.req.query(name));
  const ourTaxonomy = taxonomyId(directory.organisation.id);
  return directory.services.filter((s) =>
    serviceMatches(s, directory.listings.get(s.id), filters, ourTaxonomy),
  );
}

/**
 * The public Open Referral UK 3.0 directory of activities and services, so council and NHS social
 * prescribing directories can list them. No sign-in: it holds nothing about any person. CORS is
 * open because other directories read it from their own pages.
 */
export function openReferralRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/openreferral/*", async (c, next) => {
    await next();
    c.header("access-control-allow-origin", "*");
  });
  app.get("/openreferral", (c) =>
    c.json({
      version: "3.0",
      profile: "https://openreferraluk.org/",
      openapi_url: "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json",
      description:
        "Every ORUK 3.0 list filter is applied. postcode and proximity work to the postcode district: each place stands at its district's centroid, and unless the operator has imported real centroids those are approximations (the centroid of the local authority holding the district).",
    }),
  );
  app.get("/openreferral/services", async (c) => {
    const { page: p, perPage } = paging(c);
    // ORUK defines postcode and proximity on services at locations only: refused here rather
    // than ignored, so a client never takes an unfiltered list for a filtered one.
    for (const name of ["postcode", "proximity"])
      if (c.req.query(name) !== undefined)
        throw badRequest(
          `No ${name} filter on services`,
          `Filter by ${name} on /openreferral/service_at_locations, where each result has a place.`,
        );
    const directory = await directoryFor(c);
    const services = filteredServices(c, directory);
    return c.json(
      page(
        services.map((s) => serviceObject(directory, s)),
        p,
        perPage,
      ),
    );
  });
  app.get("/openreferral/services/:id", async (c) => {
    const directory = await directoryFor(c);
    const service = directory.services.find((s) => s.id === c.req.param("id"));
    if (!service) throw notFound("Service not found");
    return c.json(serviceObject(directory, service));
  });
  app.get("/openreferral/service_at_locations", async (c) => {
    const { page: p, perPage } = paging(c);
    const place = placeFilters((name) => c.req.query(name));
    const directory = await directoryFor(c);
    const services = filteredServices(c, directory);
    const links = serviceAtLocationListObjects({ ...directory, services });
    const placed = place
      ? await filterByPlace(c.get("services").database.db, directory, links, place)
      : links;
    return c.json(page(placed, p, perPage));
  });
  app.get("/openreferral/service_at_locations/:id", async (c) => {
    const found = serviceAtLocationObject(await directoryFor(c), c.req.param("id"));
    if (!found) throw notFound("Service at location not found");
    return c.json(found);
  });
  app.get("/openreferral/taxonomies", async (c) => {
    const { page: p, perPage } = paging(c);
    return c.json(page(taxonomyObjects(await directoryFor(c)), p, perPage));
  });
  app.get("/openreferral/taxonomies/:id", async (c) => {
    const found = taxonomyObjects(await directoryFor(c)).find((t) => t.id === c.req.param("id"));
    if (!found) throw notFound("Taxonomy not found");
    return c.json(found);
  });
  app.get("/openreferral/taxonomy_terms", async (c) => {
    const { page: p, perPage } = paging(c);
    return c.json(page(taxonomyTermObjects(await directoryFor(c)), p, perPage));
  });
  app.get("/openreferral/taxonomy_terms/:id", async (c) => {
    const found = taxonomyTermObjects(await directoryFor(c)).find((t) => t.id === c.req.param("id"));
    if (!found) throw notFound("Taxonomy term not found");
    return c.json(found);
  });
  return app;
}
