import type { Hono } from "hono";
import { makeHomes, makePerson } from "../src/modules/safety/testing/fixtures.ts";
import { type Role, roles } from "../src/platform/access/actor.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation } from "./fixtures.ts";

// Issue 18 item 6: a crawler shared by the per-module route-access tests. The route list comes
// from the routes Hono registered, so a new GET route without a row in its module's table fails.

export type Who = Role | "signed-out";
export const everyone: Who[] = ["signed-out", ...roles];
export const nobody: Who[] = [];
/** Staff roles by rank, as in src/platform/access/policy.ts. */
export const staff: Who[] = ["platform-admin", "organisation-admin", "manager", "officer", "read-only"];
export const officers: Who[] = ["platform-admin", "organisation-admin", "manager", "officer"];
export const managers: Who[] = ["platform-admin", "organisation-admin", "manager"];
export const admins: Who[] = ["platform-admin", "organisation-admin"];
export const signedIn: Who[] = [...roles];

/** One rule: a registered route pattern (exactly as Hono has it) and who may open it. */
export type AccessRule = {
  route: string;
  allowed: Who[];
  /** Path to request instead of the pattern filled from ids (for query strings, or a record of a kind). */
  path?: string;
  /** Where the crawl cannot seed a record, allowed roles may get 404 for the made-up id. */
  madeUpId?: boolean;
  /** Statuses a refused signed-in role gets instead of 403 (pages about the user's own record). */
  refusal?: number[];
  /** What a signed-out visitor gets instead of a redirect to sign in (routes with no sign-in step). */
  signedOut?: number[];
  /** Refused roles that may see records of this kind, only not this one: they get 404. */
  notTheirs?: Who[];
};

/** An id that exists nowhere: used for route params the test did not seed. */
export const madeUpId = "0190a0a0-0000-7000-8000-00000000beef";

/**
 * Policy before lookup: a signed-in role the rule refuses gets 403 whether the record exists or not,
 * and a signed-out visitor is sent to sign in, unless the rule names the refusal it gives instead.
 */
function refusedAsExpected(rule: AccessRule, who: Who, response: Response): boolean {
  if (who !== "signed-out") {
    if (rule.notTheirs?.includes(who)) return response.status === 404;
    return (rule.refusal ?? [403]).includes(response.status);
  }
  if (rule.signedOut) return rule.signedOut.includes(response.status);
  return response.status === 303 && (response.headers.get("location") ?? "").startsWith("/sign-in");
}

/** Every GET route Hono registered whose path starts with one of these prefixes (no middleware). */
export function getRoutes(app: Hono<AppEnv>, prefixes: string[]): string[] {
  const found = new Set<string>();
  for (const route of app.routes) {
    if (route.method !== "GET" || route.path.includes("*")) continue;
    const under = (prefix: string) =>
      prefix === "/" || route.path === prefix || route.path.startsWith(`${prefix}/`);
    if (prefixes.some(under)) found.add(route.path);
  }
  return [...found].sort();
}

/** Fills `:name` (and `:name{regex}`) params from the ids given; unknown params get a made-up id. */
export function fillPath(pattern: string, ids: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_, name: string) => ids[name] ?? madeUpId);
}

/** A browser for each role (users created in the organisation) and one signed out. */
export async function browsersFor(
  database: Database,
  app: Hono<AppEnv>,
  organisationId: string,
  existing: Partial<Record<Role, string>> = {},
): Promise<Map<Who, TestBrowser>> {
  const browsers = new Map<Who, TestBrowser>();
  for (const who of everyone) {
    const browser = new TestBrowser(app);
    if (who !== "signed-out") {
      const email = existing[who] ?? `${who}-crawl@example.org`;
      if (!existing[who]) await addUser(database, organisationId, who, email);
      const response = await browser.signIn(email);
      if (response.status !== 303) throw new Error(`${who} could not sign in`);
    }
    browsers.set(who, browser);
  }
  return browsers;
}

/**
 * Requests every route as every role and lists what differs from the table: a route with no rule,
 * a 200 the table does not allow, or a refusal where the table allows (404 allowed for made-up ids).
 */
export async function crawlAgainstTable(
  routes: string[],
  table: AccessRule[],
  browsers: Map<Who, TestBrowser>,
  ids: Record<string, string>,
  secrets: string[] = [],
): Promise<string[]> {
  const wrong: string[] = [];
  const rules = new Map(table.map((rule) => [rule.route, rule]));
  for (const rule of table)
    if (!routes.includes(rule.route)) wrong.push(`rule for ${rule.route} matches no registered route`);
  for (const route of routes) {
    const rule = rules.get(route);
    if (!rule) {
      wrong.push(`route ${route} has no access rule`);
      continue;
    }
    const path = rule.path ?? fillPath(route, ids);
    const guessed = rule.madeUpId || path.includes(madeUpId);
    for (const who of everyone) {
      const response = await (browsers.get(who) as TestBrowser).get(path);
      const body = await response.text();
      const may = rule.allowed.includes(who);
      const fine = response.status === 200 || (guessed && response.status === 404);
      if (may && !fine) wrong.push(`${who} GET ${path}: ${response.status}, expected 200`);
      if (!may && response.status === 200) wrong.push(`${who} GET ${path}: 200, expected a refusal`);
      if (!may && response.status >= 500) wrong.push(`${who} GET ${path}: ${response.status}`);
      if (!may && response.status !== 200 && !refusedAsExpected(rule, who, response))
        wrong.push(
          `${who} GET ${path}: ${response.status}, expected ${who === "signed-out" ? "sign-in" : 403}`,
        );
      if (!may && secrets.some((secret) => body.includes(secret)))
        wrong.push(`${who} GET ${path}: shows a record it may not see`);
    }
  }
  return wrong;
}

/** What every crawl file needs: an organisation, a home and a person in it, and a browser per role. */
export type CrawlWorld = {
  database: Database;
  app: Hono<AppEnv>;
  organisationId: string;
  slug: string;
  browsers: Map<Who, TestBrowser>;
  ids: Record<string, string>;
};

export async function openCrawlWorld(): Promise<CrawlWorld> {
  const database = await openTestDatabase();
  const app = await buildTestApp(database);
  const organisation = await makeOrganisation(database.db);
  const [homeId = ""] = await makeHomes(database, organisation.id, "E06000035", 1, 8800);
  const personId = await makePerson(database, organisation.id, "Ada", "Crawl", homeId);
  const browsers = await browsersFor(database, app, organisation.id);
  return {
    database,
    app,
    organisationId: organisation.id,
    slug: organisation.slug,
    browsers,
    ids: { org: organisation.slug, slug: organisation.slug, homeId, personId },
  };
}

/** Which crawl file answers for which paths; the public file takes every route no other area claims. */
export const crawlAreas = {
  funding: ["/grants", "/crowdfunding", "/campaigns", "/exchange", "/needs", "/budgeting", "/pb"],
  community: [
    "/investment",
    "/impact",
    "/volunteering",
    "/volunteer",
    "/my-volunteering",
    "/engagement",
    "/have-your-say",
  ],
  // Crawled by src/modules/safety/pages/route-access.test.ts; the API by test/route-access-api.test.ts.
  elsewhere: ["/safety", "/my-cases", "/report", "/api", "/assets"],
};

export function unclaimedRoutes(app: Hono<AppEnv>): string[] {
  const claimed = [...crawlAreas.funding, ...crawlAreas.community, ...crawlAreas.elsewhere];
  const taken = new Set(getRoutes(app, claimed));
  return getRoutes(app, ["/"]).filter((route) => !taken.has(route));
}
