// An organisation's colour as a one-rule stylesheet and its logo, at URLs that carry the
// brand's version so browsers may cache them for ever. No session is needed: brands are public.
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { brandLogo, brandOf } from "./brand-of.ts";

const forever = "public, max-age=31536000, immutable";

// Shown only inside <img>, which never runs script; this policy also covers opening the
// logo's address directly, where an SVG would otherwise be a document of our origin.
export const logoContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

/** The organisation's colour replaces Kith's wherever GOV.UK Frontend and MOJ use the brand colour. */
export function brandStylesheet(colour: string): string {
  return `:root{--govuk-brand-colour:${colour}}\n`;
}

export function brandAssets(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/assets/brand/:org/:version/brand.css", async (c) => {
    const brand = await brandOf(c.get("services").database.db, c.req.param("org"));
    if (!brand?.colour || brand.stylesheetUrl !== c.req.path) return c.notFound();
    return c.body(brandStylesheet(brand.colour), 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": forever,
    });
  });

  app.get("/assets/brand/:org/:version/logo", async (c) => {
    const logo = await brandLogo(c.get("services").database.db, c.req.param("org"), c.req.param("version"));
    if (!logo) return c.notFound();
    return c.body(new Uint8Array(logo.bytes), 200, {
      "Content-Type": logo.contentType,
      "Content-Security-Policy": logoContentSecurityPolicy,
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `inline; filename="logo.${logo.contentType === "image/png" ? "png" : "svg"}"`,
      "Cache-Control": forever,
    });
  });
  return app;
}
