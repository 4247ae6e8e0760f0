import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { KithModule } from "./modules/module.ts";
import { getOrganisation } from "./platform/access/organisations.ts";
import { isOrganisationAdmin } from "./platform/access/policy.ts";
import { auditPages } from "./platform/audit/pages.ts";
import { accountPages } from "./platform/auth/pages/account-pages.ts";
import { invitationPages } from "./platform/auth/pages/invitation-pages.ts";
import { signInPages } from "./platform/auth/pages/sign-in-pages.ts";
import { userPages } from "./platform/auth/pages/user-pages.ts";
import { brandAssets } from "./platform/brand/brand-assets.ts";
import { brandPages } from "./platform/brand/brand-pages.ts";
import { pageBrand } from "./platform/brand/page-brand.ts";
import type { AppEnv, Services } from "./platform/http/app-env.ts";
import { authenticate } from "./platform/http/authenticate.ts";
import { csrfProtection } from "./platform/http/csrf.ts";
import { handleError, handleNotFound } from "./platform/http/errors.ts";
import { inputGuard } from "./platform/http/input-guard.ts";
import { apiValidationHook } from "./platform/http/openapi.ts";
import { setPlaceProfileSections } from "./platform/http/place-profile.ts";
import { Problem, unauthenticated } from "./platform/http/problem.ts";
import { setNavigation } from "./platform/http/render.ts";
import { securityHeaders } from "./platform/http/security-headers.ts";
import { serveFolder } from "./platform/http/static-assets.ts";
import { type PublicLinksFor, staticPages } from "./platform/http/static-pages.ts";
import { mailPages } from "./platform/mail/pages.ts";
import { createLogger } from "./platform/observability/logger.ts";
import { observeRequests } from "./platform/observability/observe-requests.ts";
import { operationsRoutes } from "./platform/observability/operations-routes.ts";
import { assetMountsFor } from "./platform/ui/asset-mounts.ts";
import { useGovukBrand } from "./platform/ui/layout.ts";

const organisationNames = new Map<string, string>();

export function createApp(services: Services, modules: KithModule[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  setPlaceProfileSections(modules.flatMap((module) => (module.placeProfile ? [module.placeProfile] : [])));
  setNavigation([
    ...modules.flatMap((module) => module.navigation ?? []),
    { href: "/admin/users", text: "Users", group: "Administration", visibleTo: isOrganisationAdmin },
    { href: "/admin/audit", text: "Audit log", group: "Administration", visibleTo: isOrganisationAdmin },
    { href: "/admin/outbox", text: "Outbox", group: "Administration", visibleTo: isOrganisationAdmin },
    { href: "/admin/brand", text: "Brand", group: "Administration", visibleTo: isOrganisationAdmin },
  ]);
  const govukBrand = services.config.govukBrand ?? false;
  useGovukBrand(govukBrand);
  const publicLinksFor: PublicLinksFor = (organisation) =>
    modules.flatMap((module) => module.publicLinks?.(organisation) ?? []);

  app.use(observeRequests(services.logger ?? createLogger(services.config.logLevel)));
  app.use(securityHeaders());
  app.use(
    bodyLimit({
      maxSize: services.config.maxUploadBytes,
      onError: () => {
        throw new Problem(
          413,
          "too-large",
          "The file is too large",
          `Uploads must be smaller than ${Math.round(services.config.maxUploadBytes / 1024 / 1024)} MB.`,
        );
      },
    }),
  );
  app.use(async (c, next) => {
    c.set("services", services);
    c.set("now", services.clock());
    await next();
  });
  app.use(inputGuard());

  app.route("/", operationsRoutes(services.workers));
  for (const [prefix, folders, allow] of assetMountsFor(govukBrand))
    serveFolder(app, prefix.replace(/\/$/, ""), folders, allow);
  app.route("/", brandAssets());
  app.get("/health", async (c) => {
    await services.database.query("SELECT 1");
    return c.json({ status: "ok", database: services.database.kind });
  });

  app.use(authenticate());
  app.use(csrfProtection());
  app.use(async (c, next) => {
    const actor = c.get("actor");
    if (actor) {
      let name = organisationNames.get(actor.organisationId);
      if (name === undefined) {
        name = (await getOrganisation(services.database.db, actor.organisationId))?.name ?? "";
        organisationNames.set(actor.organisationId, name);
      }
      c.set("organisationName", name);
    }
    await next();
  });
  app.use(pageBrand(publicLinksFor));

  app.route(
    "/",
    staticPages(publicLinksFor, (c) => Promise.all(modules.map((module) => module.homePanel?.(c) ?? ""))),
  );
  app.route("/", signInPages());
  app.route("/", invitationPages());
  app.route("/", accountPages());
  app.route("/", auditPages());
  app.route("/", userPages());
  app.route("/", mailPages());
  app.route("/", brandPages());

  const api = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });
  // Every API operation needs a token: refuse a caller without one before any parameter is read,
  // so an anonymous request learns nothing, not even the parameter rules (issue 18 item 6).
  api.use("*", async (c, next) => {
    if (!c.get("actor")) throw unauthenticated();
    await next();
  });
  for (const module of modules) {
    if (module.pages) app.route("/", module.pages);
    if (module.api) api.route("/", module.api);
  }
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.route("/api/v1", api);
  app.get("/api/openapi.json", (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          title: "Kith API",
          version: "1.0.0",
          description:
            "JSON API for Kith. Authenticate with an API token: `Authorization: Bearer kith_…`. Errors are application/problem+json.",
        },
        servers: [{ url: "/api/v1" }],
        security: [{ bearer: [] }],
      }),
    ),
  );

  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}
