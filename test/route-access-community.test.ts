import { describe, expect, it } from "vitest";
import { openedForFile } from "./database.ts";
import {
  type AccessRule,
  crawlAgainstTable,
  crawlAreas,
  everyone,
  getRoutes,
  managers,
  nobody,
  officers,
  openCrawlWorld,
  staff,
  type Who,
} from "./route-crawl.ts";

// Issue 18 item 6: every investment, impact, volunteering and engagement GET as every role.
// Who may see what comes from each policy.ts: investment (canViewPortfolio: staff; canManageProjects,
// canRecordDelivery, canViewParticipants: officers; canManageStrategy: managers), volunteering
// (canCoordinate: officers; canViewReports: staff), engagement (canViewEngagement: staff;
// canManageEngagement: officers). Record pages use a made-up id, so allowed roles may get 404.

const world = openedForFile(openCrawlWorld);

const rules = (allowed: Who[], routes: string[]): AccessRule[] => routes.map((route) => ({ route, allowed }));
const madeUp = (allowed: Who[], routes: string[]): AccessRule[] =>
  routes.map((route) => ({ route, allowed, madeUpId: true }));

function table(): AccessRule[] {
  return [
    ...rules(staff, ["/investment", "/investment/strategy", "/investment/sessions"]),
    ...rules(officers, [
      "/investment/follow-ups",
      "/investment/participants",
      "/investment/participants/new",
      "/investment/projects/new",
    ]),
    ...rules(managers, ["/investment/strategy/indicators/new", "/investment/strategy/themes/new"]),
    ...madeUp(staff, ["/investment/projects/:id"]),
    ...madeUp(officers, [
      "/investment/evidence/:id",
      "/investment/follow-ups/:outcomeId/:months",
      "/investment/participants/:id",
      "/investment/projects/:id/funding",
      "/investment/projects/:id/life",
      "/investment/projects/:id/sessions/new",
      "/investment/projects/:id/steering",
      "/investment/projects/:id/theory-of-change",
      "/investment/sessions/:id",
      "/investment/sessions/:id/candidates",
      "/investment/sessions/:id/outcome",
    ]),
    ...madeUp(managers, [
      "/investment/strategy/indicators/:id",
      "/investment/strategy/indicators/:id/targets",
      "/investment/strategy/themes/:id/outcomes",
    ]),
    ...rules(staff, [
      "/impact",
      "/impact/assets",
      "/impact/report",
      "/impact/report/download",
      "/impact/social-value",
      "/impact/value-bank",
    ]),
    ...rules(officers, ["/impact/outcomes/new"]),
    { route: "/impact/figures/:file", allowed: staff, path: "/impact/figures/social-value-per-pound" },
    ...madeUp(staff, ["/impact/export/:file", "/impact/report/export/:file"]),
    ...rules(staff, [
      "/volunteering",
      "/volunteering/export.vds.json",
      "/volunteering/rates",
      "/volunteering/reports",
      "/volunteering/reports.csv",
      "/volunteering/reports.xlsx",
      "/volunteering/roles",
      "/volunteering/templates",
    ]),
    ...rules(officers, [
      "/volunteering/applications",
      "/volunteering/at-risk",
      "/volunteering/hours",
      "/volunteering/roles/new",
      "/volunteering/volunteers",
      "/volunteering/volunteers/new",
    ]),
    // Staff see every role (canSeeOpportunity); partners see their own.
    ...madeUp(staff, ["/volunteering/roles/:id"]),
    ...madeUp(officers, [
      "/volunteering/checks/:id/edit",
      "/volunteering/sessions/:id/hours",
      "/volunteering/sessions/:id/hours/candidates",
      "/volunteering/volunteers/:id",
      "/volunteering/volunteers/:id/certificate.pdf",
      "/volunteering/volunteers/:id/edit",
      "/volunteering/volunteers/:id/reference.pdf",
    ]),
    ...rules(everyone, ["/volunteer/:slug", "/volunteer/:slug/roles/:id/applied"]),
    ...madeUp(everyone, ["/volunteer/:slug/roles/:id", "/volunteer/:slug/roles/:id/apply"]),
    // A volunteer's own pages: none of the crawl's users is linked to a volunteer record, so each
    // finds no record of its own (404).
    ...[
      "/my-volunteering",
      "/my-volunteering/certificate.pdf",
      "/my-volunteering/hours/:id/correct",
      "/my-volunteering/log",
      "/my-volunteering/profile",
    ].map((route) => ({ route, allowed: nobody, refusal: [404] })),
    ...rules(staff, ["/engagement", "/engagement/consultations", "/engagement/you-said-we-did"]),
    ...madeUp(staff, [
      "/engagement/consultations/:id",
      "/engagement/consultations/:id/results.csv",
      "/engagement/involvement/:id",
    ]),
    ...madeUp(officers, ["/engagement/participation/:id/edit", "/engagement/questions/:id/edit"]),
    ...rules(everyone, ["/have-your-say/:slug", "/have-your-say/:slug/:id/thank-you"]),
    ...madeUp(everyone, ["/have-your-say/:slug/:id"]),
  ];
}

describe("investment, impact, volunteering and engagement pages checked on GET", () => {
  it("answers every such GET route for every role exactly as the table allows", async () => {
    const routes = getRoutes(world.app, crawlAreas.community);
    const wrong = await crawlAgainstTable(routes, table(), world.browsers, world.ids);
    expect(wrong).toEqual([]);
  }, 120_000);
});
