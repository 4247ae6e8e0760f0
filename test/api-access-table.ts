import { roles } from "../src/platform/access/actor.ts";

// Issue 18 item 6: who may read what through the JSON API, by role and token scope. The crawl in
// test/route-access-api.test.ts holds every GET operation to this table, and docs/security.md shows
// it (rendered by apiAccessMarkdown below, so the two cannot drift).

/** The roles that may hold an API token (createApiToken): officers and above, partner agencies, suppliers. */
export const tokenRoles = [
  "platform-admin",
  "organisation-admin",
  "manager",
  "officer",
  "partner-agency",
  "supplier",
] as const;
export type TokenRole = (typeof tokenRoles)[number];

/** One GET operation (as the OpenAPI document spells its path), its scope's area and who may read it. */
export type ApiRule = {
  route: string;
  area: string;
  allowed: readonly TokenRole[];
  /** A query string the operation needs to answer 200 (without it, 422). */
  query?: string;
};

const officers: TokenRole[] = ["platform-admin", "organisation-admin", "manager", "officer"];
const managers: TokenRole[] = ["platform-admin", "organisation-admin", "manager"];
const partners: TokenRole[] = ["partner-agency"];
const nobody: TokenRole[] = [];
const period = "from=2026-04-01&to=2026-06-30";

const rows = (area: string, allowed: readonly TokenRole[], routes: string[], query?: string): ApiRule[] =>
  routes.map((route) => ({ route, area, allowed, ...(query ? { query } : {}) }));

export const apiReadTable: ApiRule[] = [
  ...rows("places", officers, ["/homes", "/homes/{id}", "/assets", "/assets/{id}", "/neighbourhoods"]),
  // Reference data and the organisation's priority areas: any token with places:read.
  ...rows("places", [...officers, ...partners], ["/local-authorities", "/priority-neighbourhoods"]),
  ...rows("people", officers, [
    "/people",
    "/people/{id}",
    "/partner-organisations",
    "/partner-organisations/{id}",
  ]),
  ...rows("safety", officers, ["/safety/campaigns", "/safety/cases", "/safety/cases/{id}"]),
  ...rows("safety", managers, ["/safety/configuration"]),
  ...rows("safety", officers, ["/safety/nm01"], period),
  // Cases shared with the partner agency the token's user belongs to.
  ...rows("safety", partners, ["/safety/shared-cases", "/safety/shared-cases/{id}"]),
  // A tenant's own cases, read with their session: no token can carry the portal scope.
  ...rows("portal", nobody, ["/portal/cases", "/portal/cases/{id}"]),
  ...rows("investment", officers, [
    "/investment/projects",
    "/investment/projects/{id}",
    "/investment/strategy",
  ]),
  ...rows("impact", officers, ["/impact/dashboard", "/impact/social-value", "/impact/sroi"], period),
  ...rows("impact", officers, ["/impact/value-bank"]),
  ...rows("grants", officers, [
    "/grants/applications/{id}",
    "/grants/grants",
    "/grants/grants/{id}",
    "/grants/programmes",
  ]),
  ...rows("crowdfunding", officers, [
    "/crowdfunding/campaigns",
    "/crowdfunding/campaigns/{id}",
    "/crowdfunding/report",
  ]),
  ...rows("budgeting", officers, ["/budgeting/processes", "/budgeting/processes/{id}/results"]),
  // Suppliers read tenders and open needs to pledge against them.
  ...rows("exchange", [...officers, "supplier"], ["/exchange/contracts/{id}", "/exchange/needs"]),
  ...rows("exchange", officers, ["/exchange/report"]),
  // A partner sees the volunteering roles it posted.
  ...rows("volunteering", [...officers, ...partners], ["/volunteering/opportunities"]),
  ...rows("volunteering", officers, ["/volunteering/export/vds"]),
  ...rows("volunteering", officers, ["/volunteering/report"], period),
];

/**
 * The answers a token may get: 403 without the route's scope or for a role the table refuses;
 * 200 for an allowed role on a seeded record, 404 on a made-up id.
 */
export function expectedAnswer(rule: ApiRule, role: TokenRole, scopes: string[], seeded: boolean): number[] {
  if (!scopes.includes(`${rule.area}:read`) && !scopes.includes(`${rule.area}:write`)) return [403];
  if (!rule.allowed.includes(role)) return [403];
  return rule.route.includes("{") && !seeded ? [404] : [200];
}

const noTokens = roles.filter((role) => !(tokenRoles as readonly string[]).includes(role));

/** The table as Markdown for docs/security.md. */
export function apiAccessMarkdown(): string {
  const head = `| GET /api/v1… | Scope | ${tokenRoles.join(" | ")} |\n|---|---|${tokenRoles.map(() => "---").join("|")}|\n`;
  const lines = apiReadTable.map(
    (rule) =>
      `| \`${rule.route}\` | \`${rule.area}:read\` | ${tokenRoles.map((role) => (rule.allowed.includes(role) ? "yes" : "403")).join(" | ")} |`,
  );
  return [
    "`portal` is not a scope a token can be given: tenants read their own cases with their session.",
    "Each cell is the answer to a token of that role that carries the scope. A token without the scope",
    "gets 403 naming it; no token gets 401; `area:write` includes `area:read`. An allowed role gets 404",
    `for a record that is not in its organisation. ${noTokens.join(", ")} users cannot hold a token,`,
    "and a supplier's token can carry only `exchange` scopes.",
    "",
    head + lines.join("\n"),
    "",
  ].join("\n");
}
