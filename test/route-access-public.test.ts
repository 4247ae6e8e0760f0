import { describe, expect, it } from "vitest";
import { openedForFile } from "./database.ts";
import {
  type AccessRule,
  admins,
  crawlAgainstTable,
  everyone,
  nobody,
  officers,
  openCrawlWorld,
  signedIn,
  staff,
  unclaimedRoutes,
} from "./route-crawl.ts";

// Issue 18 item 6: every GET outside the funding, community and safety areas (public pages, the
// account, administration, people, places, Open Referral), as every role, against who may see it.
// Allowed roles come from each module's policy.ts: people and places (canViewPeople, canViewPlaces:
// staff; canEditPeople, canEditPlaces, canImportPlaces: officers), admin pages: organisation admins.

const world = openedForFile(openCrawlWorld);

const everyoneMadeUp = (route: string): AccessRule => ({ route, allowed: everyone, madeUpId: true });

const publicPages = [
  "/",
  "/accessibility",
  "/privacy",
  "/forgot-password",
  "/signed-out",
  "/reset-password/:token",
  "/invitation/:token",
  "/health",
  "/health/live",
  "/health/ready",
  "/info",
  "/openreferral",
  "/openreferral/services",
  "/openreferral/service_at_locations",
  "/openreferral/taxonomies",
  "/openreferral/taxonomy_terms",
];

function table(): AccessRule[] {
  return [
    ...publicPages.map((route) => ({ route, allowed: everyone })),
    ...[
      "/openreferral/services/:id",
      "/openreferral/service_at_locations/:id",
      "/openreferral/taxonomies/:id",
      "/openreferral/taxonomy_terms/:id",
    ].map(everyoneMadeUp),
    // The demo's outbox reader answers only a client on this machine (decision 0009); these test
    // requests come from "test-client". src/platform/mail/pages.test.ts opens it from 127.0.0.1.
    { route: "/mail-preview", allowed: nobody, refusal: [404], signedOut: [404] },
    // Signed in, the sign-in page sends you on.
    { route: "/sign-in", allowed: ["signed-out"], refusal: [303] },
    // Operators scrape metrics with their own token; without it the route does not exist.
    { route: "/metrics", allowed: nobody, refusal: [404], signedOut: [404] },
    // Redirects only: to the resident's services, and to the homes list.
    { route: "/participate", allowed: nobody, refusal: [303] },
    { route: "/places", allowed: nobody, refusal: [303], signedOut: [303] },
    { route: "/account", allowed: signedIn },
    { route: "/account/sign-out-everywhere", allowed: signedIn },
    ...["api-tokens", "audit", "brand", "mail-sender", "outbox", "users"].map((page) => ({
      route: `/admin/${page}`,
      allowed: admins,
    })),
    { route: "/people", allowed: staff },
    { route: "/people/:id", allowed: staff, path: `/people/${world.ids.personId}` },
    { route: "/people/new", allowed: officers },
    { route: "/people/import", allowed: officers },
    { route: "/people/partners", allowed: staff },
    { route: "/people/partners/:id", allowed: staff, madeUpId: true },
    { route: "/people/partners/new", allowed: officers },
    { route: "/places/homes", allowed: staff },
    { route: "/places/homes/:id", allowed: staff, path: `/places/homes/${world.ids.homeId}` },
    { route: "/places/homes/:id/edit", allowed: officers, path: `/places/homes/${world.ids.homeId}/edit` },
    { route: "/places/homes/new", allowed: officers },
    { route: "/places/homes/import", allowed: officers },
    { route: "/places/assets", allowed: staff },
    { route: "/places/assets/:id", allowed: staff, madeUpId: true },
    { route: "/places/assets/new", allowed: officers },
    { route: "/places/assets/import", allowed: officers },
    { route: "/places/local-authorities", allowed: staff },
    { route: "/places/neighbourhoods", allowed: staff },
    { route: "/places/neighbourhoods/:code", allowed: staff, path: "/places/neighbourhoods/E01016012" },
    { route: "/places/districts/:code", allowed: staff, path: "/places/districts/E06000035" },
  ];
}

describe("public, account, admin, people and places pages checked on GET", () => {
  it("answers every such GET route for every role exactly as the table allows", async () => {
    const routes = unclaimedRoutes(world.app);
    const wrong = await crawlAgainstTable(routes, table(), world.browsers, world.ids, ["Ada Crawl"]);
    expect(wrong).toEqual([]);
  }, 120_000);
});
