import type { Context } from "hono";
import { Hono } from "hono";
import { listOrganisations } from "../../../platform/access/organisations.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { badRequest, notFound } from "../../../platform/http/problem.ts";
import { londonToday } from "../../investment/index.ts";
import {
  loadDirectory,
  page,
  serviceAtLocationListObjects,
  serviceObject,
  taxonomyObjects,
} from "./directory.ts";

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
    }),
  );
  app.get("/openreferral/services", async (c) => {
    const { page: p, perPage } = paging(c);
    const directory = await directoryFor(c);
    const search = (c.req.query("search") ?? "").toLowerCase().trim();
    const term = c.req.query("taxonomy_term_id");
    const services = directory.services.filter(
      (s) =>
        (!search || `${s.name} ${s.summary ?? ""}`.toLowerCase().includes(search)) &&
        (!term || s.themeIds.includes(term)),
    );
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
    return c.json(page(serviceAtLocationListObjects(await directoryFor(c)), p, perPage));
  });
  app.get("/openreferral/taxonomies", async (c) => {
    const { page: p, perPage } = paging(c);
    return c.json(page(taxonomyObjects(await directoryFor(c)), p, perPage));
  });
  return app;
}
