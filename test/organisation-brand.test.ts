import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { modules } from "../src/modules/registry.ts";
import type { Organisation } from "../src/platform/access/organisations.ts";
import { loadSigningSecret } from "../src/platform/auth/secret.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { useGovukBrand } from "../src/platform/ui/layout.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation, testNow } from "./fixtures.ts";

// An organisation's brand on its public pages, set by its administrator; and Kith's own brand
// everywhere else, with nothing of GOV.UK's (crown, crest, font, name) in any page or asset.

let database: Database;
let riverside: Organisation;
let admin: TestBrowser;
let officer: TestBrowser;
let visitor: TestBrowser;

const logoSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#7a1f5c"/></svg>';

async function uploadLogo(browser: TestBrowser, content: string, type: string): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", await browser.csrfToken("/admin/brand"));
  form.set("logo", new File([content], "logo", { type }));
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return browser.app.request("/admin/brand/logo", { method: "POST", body: form, headers: { cookie } });
}

beforeAll(async () => {
  database = await openTestDatabase();
  riverside = await makeOrganisation(database.db, "Riverside Housing");
  await addUser(database, riverside.id, "organisation-admin", "admin@riverside.example");
  await addUser(database, riverside.id, "officer", "officer@riverside.example");
  const app = await buildTestApp(database);
  admin = new TestBrowser(app);
  officer = new TestBrowser(app);
  visitor = new TestBrowser(app);
  await admin.signIn("admin@riverside.example");
  await officer.signIn("officer@riverside.example");
});

afterAll(async () => {
  await database.close();
});

describe("organisation brand settings", () => {
  it("are only for organisation administrators", async () => {
    expect((await officer.get("/admin/brand")).status).toBe(403);
    expect(
      (await officer.post("/admin/brand", { colour: "#1d4f91" }, { csrf: await officer.csrfToken("/") }))
        .status,
    ).toBe(403);
  });

  it("refuse a colour too light for white text, showing its ratio, and keep what was typed", async () => {
    const response = await admin.post(
      "/admin/brand",
      { displayName: "Riverside", colour: "#ffdd00" },
      { csrf: await admin.csrfToken("/admin/brand") },
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("#ffdd00 has a contrast ratio of 1.3:1 with white text");
    expect(page).toContain('href="#colour"');
    expect(page).toContain('value="#ffdd00"');
    expect((await visitor.get(`/volunteer/${riverside.slug}`)).status).toBe(200);
    expect(await (await visitor.get(`/volunteer/${riverside.slug}`)).text()).not.toContain("/assets/brand/");
  });

  it("refuse an SVG logo carrying script, and a file that is not SVG or PNG", async () => {
    const scripted = await uploadLogo(
      admin,
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      "image/svg+xml",
    );
    expect(scripted.status).toBe(422);
    expect(await scripted.text()).toContain(
      "The SVG logo was refused because it contains a &lt;script&gt; element",
    );
    const gif = await uploadLogo(admin, "GIF89a....", "image/gif");
    expect(gif.status).toBe(422);
    expect(await gif.text()).toContain("The logo must be an SVG or PNG file");
  });

  it("save name, colour, contacts and logo, which then appear on the organisation's public pages", async () => {
    const saved = await admin.post(
      "/admin/brand",
      {
        displayName: "Riverside Homes",
        colour: "#7A1F5C",
        contactEmail: "help@riverside.example",
        contactPhone: "0300 123 4567",
        contactAddress: "1 Quay Street\nLeeds LS1 4AB",
        website: "https://riverside.example",
      },
      { csrf: await admin.csrfToken("/admin/brand") },
    );
    expect(saved.status).toBe(303);
    expect((await uploadLogo(admin, logoSvg, "image/svg+xml")).status).toBe(303);

    for (const path of [
      `/volunteer/${riverside.slug}`,
      `/grants/public/${riverside.slug}`,
      `/pb/${riverside.id}`,
    ]) {
      const response = await visitor.get(path);
      const page = await response.text();
      const logo = /<img class="kith-header__organisation-logo" src="([^"]+)" alt="Riverside Homes">/.exec(
        page,
      );
      expect(logo, path).not.toBeNull();
      const stylesheet = /<link rel="stylesheet" href="(\/assets\/brand\/[^"]+\/brand\.css)">/.exec(page);
      expect(stylesheet, path).not.toBeNull();
      expect(page).toContain("Contact Riverside Homes");
      expect(page).toContain("1 Quay Street\nLeeds LS1 4AB");
      expect(page).toContain('href="mailto:help@riverside.example"');
      expect(page).toContain('href="https://riverside.example"');
    }
  });

  it("serve the colour as a cacheable stylesheet and the logo under a policy that runs nothing", async () => {
    const page = await (await visitor.get(`/volunteer/${riverside.slug}`)).text();
    const cssUrl = /href="(\/assets\/brand\/[^"]+\/brand\.css)"/.exec(page)?.[1] ?? "";
    const css = await visitor.get(cssUrl);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(css.headers.get("cache-control")).toContain("immutable");
    expect(await css.text()).toBe(":root{--govuk-brand-colour:#7a1f5c}\n");

    const logoUrl = /src="(\/assets\/brand\/[^"]+\/logo)"/.exec(page)?.[1] ?? "";
    const logo = await visitor.get(logoUrl);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/svg+xml");
    expect(logo.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await logo.text()).toBe(logoSvg);
    // An old version's address no longer serves anything.
    expect((await visitor.get(logoUrl.replace(/\/[0-9a-f]+\/logo$/, "/000000000000/logo"))).status).toBe(404);
  });

  it("brand a signed-in resident's pages, but leave staff pages in Kith's brand", async () => {
    await addUser(database, riverside.id, "tenant", "tenant@riverside.example");
    const tenant = new TestBrowser(admin.app);
    await tenant.signIn("tenant@riverside.example");
    expect(await (await tenant.get("/")).text()).toContain('alt="Riverside Homes"');
    const staffPage = await (await officer.get("/")).text();
    expect(staffPage).toContain('<svg class="kith-logotype"');
    expect(staffPage).not.toContain("Riverside Homes");
  });

  it("remove the logo, leaving the name in text", async () => {
    const removed = await admin.post(
      "/admin/brand/logo/remove",
      {},
      { csrf: await admin.csrfToken("/admin/brand") },
    );
    expect(removed.status).toBe(303);
    const page = await (await visitor.get(`/volunteer/${riverside.slug}`)).text();
    expect(page).toContain('<span class="kith-header__organisation-name">Riverside Homes</span>');
  });
});

/** Every page and asset a visitor can reach from the layout: its links, stylesheets, icons, scripts, manifest. */
async function crawl(
  browser: TestBrowser,
  start: string[],
): Promise<Map<string, { type: string; body: string }>> {
  const seen = new Map<string, { type: string; body: string }>();
  const queue = [...start];
  while (queue.length > 0 && seen.size < 60) {
    const path = queue.shift() ?? "";
    if (seen.has(path)) continue;
    const response = await browser.get(path);
    const type = response.headers.get("content-type") ?? "";
    const body = /font|image\/(png|x-icon)/.test(type) ? `binary ${type}` : await response.text();
    seen.set(path, { type, body });
    if (response.status !== 200) continue;
    const references = [...body.matchAll(/(?:href|src)="(\/[^"#?]*)"|url\((\/[^)]+)\)|"src": "(\/[^"]+)"/g)];
    for (const [, a, b, c] of references) {
      const next = a ?? b ?? c;
      if (next && !seen.has(next) && !next.startsWith("/sign-out")) queue.push(next);
    }
  }
  return seen;
}

describe("Kith's own brand", () => {
  it("serves no GOV.UK crown, crest, font or name in any page or asset a visitor reaches", async () => {
    const reached = await crawl(visitor, ["/", "/sign-in", "/accessibility"]);
    const paths = [...reached.keys()];
    expect(paths).toContain("/assets/kith/kith-frontend.css");
    expect(paths).toContain("/assets/kith/icons/favicon.svg");
    expect(paths).toContain("/assets/kith/icons/manifest.json");
    expect(paths).toContain("/assets/kith/icons/icon-512.png");
    for (const [path, { type, body }] of reached) {
      expect(type, path).not.toMatch(/font/);
      expect(path).not.toMatch(/govuk-crest|govuk-icon|\/assets\/fonts\//);
      // Credit to the design system is not branding: the scripts name their library in developer
      // messages ("GOV.UK Frontend"), and the accessibility statement says what pages are built from.
      const branding = body.replace(/GOV\.UK (Frontend|and MOJ Design System)/g, "");
      expect(branding, path).not.toMatch(/GOV\.UK|GDS Transport|@font-face|\.woff|govuk-crest|govuk-icon/);
      // Stylesheets keep GOV.UK Frontend's class names (e.g. .govuk-footer__crown); pages never use them.
      if (type.startsWith("text/html"))
        expect(body, path).not.toMatch(/govuk-logotype|crown|govuk-header__/i);
    }
  });

  it("stops serving GOV.UK's fonts, crest, crown icons and manifest, and MOJ's crest", async () => {
    for (const path of [
      "/assets/fonts/bold-b542beb274-v2.woff2",
      "/assets/govuk/assets/fonts/bold-b542beb274-v2.woff2",
      "/assets/govuk/assets/images/govuk-crest.svg",
      "/assets/govuk/assets/images/favicon.ico",
      "/assets/govuk/assets/manifest.json",
      "/assets/govuk/govuk-frontend.min.css",
      "/assets/images/govuk-crest.svg",
      "/assets/images/moj-logotype-crest-2024.svg",
    ]) {
      expect((await visitor.get(path)).status, path).toBe(404);
    }
    // Still served: the packages' scripts and MOJ's icons.
    expect((await visitor.get("/assets/govuk/govuk-frontend.min.js")).status).toBe(200);
    expect((await visitor.get("/assets/images/icon-progress-tick.svg")).status).toBe(200);
  });

  it("serves GOV.UK's font and stylesheet when an operator on GOV.UK sets KITH_GOVUK_BRAND=true", async () => {
    const config = {
      ...loadConfig({ ...process.env, DATABASE_URL: "", KITH_GOVUK_BRAND: "true" }),
      database: { kind: "pglite" as const, dataDir: "(test)" },
    };
    expect(config.govukBrand).toBe(true);
    try {
      const app = createApp(
        { database, config, signingSecret: await loadSigningSecret(database.db), clock: () => testNow },
        modules,
      );
      const govuk = new TestBrowser(app);
      expect(await (await govuk.get("/accessibility")).text()).toContain(
        "/assets/govuk/govuk-frontend.min.css",
      );
      expect((await govuk.get("/assets/fonts/bold-b542beb274-v2.woff2")).status).toBe(200);
    } finally {
      useGovukBrand(false);
    }
  });
});
