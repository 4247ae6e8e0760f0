import { beforeAll, describe, expect, it } from "vitest";
import { createProcess } from "../src/modules/budgeting/index.ts";
import { processForm } from "../src/modules/budgeting/test-support.ts";
import { createCampaign } from "../src/modules/crowdfunding/index.ts";
import { gardenCampaignInput } from "../src/modules/crowdfunding/test-support/pledge-journey.ts";
import { createPartnerOrganisation } from "../src/modules/people/index.ts";
import { openedForFile } from "./database.ts";
import { actorFor, testNow } from "./fixtures.ts";
import {
  type AccessRule,
  crawlAgainstTable,
  crawlAreas,
  everyone,
  getRoutes,
  madeUpId,
  managers,
  officers,
  openCrawlWorld,
  signedIn,
  staff,
  type Who,
} from "./route-crawl.ts";

// Issue 18 item 6: every grants, crowdfunding, exchange and budgeting GET as every role. Who may see
// what comes from each policy.ts. The crawl's community-group and supplier users belong to no partner
// organisation, so the rules that need one (canCreateCampaign, canPostNeed, canOfferPledge) refuse them.

const world = openedForFile(openCrawlWorld);
beforeAll(async () => {
  const officer = actorFor(world.organisationId, "officer");
  const group = await createPartnerOrganisation(world.database.db, officer, testNow, {
    name: "Westfield residents",
    kind: "community-group",
  });
  world.ids.campaignId = (
    await createCampaign(
      world.database.db,
      officer,
      testNow,
      gardenCampaignInput(group.id, "Westfield residents"),
    )
  ).id;
  world.ids.processId = (await createProcess(world.database.db, officer, testNow, processForm())).id;
});

const applicants: Who[] = ["partner-agency", "community-group"];
const exchangeUsers: Who[] = [...staff, "community-group", "supplier"];

function table(): AccessRule[] {
  const { campaignId, processId } = world.ids;
  const campaign = `/crowdfunding/campaigns/${campaignId}`;
  const process = `/budgeting/${processId}`;
  const made = (route: string, allowed: Who[], notTheirs: Who[] = []): AccessRule => ({
    route,
    allowed,
    madeUpId: true,
    notTheirs,
  });
  // A community group sees its own campaigns only; the crawl's campaign belongs to another group.
  const groupOwn = (route: string, allowed: Who[]): AccessRule => ({
    route,
    allowed,
    path: route.replace(":id", campaignId),
    notTheirs: ["community-group"],
  });
  return [
    { route: "/grants/apply", allowed: applicants },
    made("/grants/apply/applications/:id", applicants),
    made("/grants/apply/applications/:id/:section", applicants),
    made("/grants/apply/applications/:id/check", applicants),
    made("/grants/apply/applications/:id/confirmation", applicants),
    made("/grants/apply/applications/:id/budget", applicants),
    made("/grants/apply/applications/:id/budget/:lineId", applicants),
    made("/grants/apply/applications/:id/documents", applicants),
    // One download route for both sides: the applicant's organisation, and grant staff once sent.
    made("/grants/apply/applications/:id/documents/:documentId", [...applicants, ...staff]),
    made("/grants/manage/applications/:id/documents/:documentId", [...applicants, ...staff]),
    made("/grants/apply/grants/:id", applicants),
    ...["", "/controls", "/grants", "/programmes", "/register"].map((page) => ({
      route: `/grants/manage${page}`,
      allowed: staff,
    })),
    made("/grants/manage/applications/:id", staff),
    made("/grants/manage/grants/:id", staff),
    made("/grants/manage/programmes/:id", staff),
    { route: "/grants/manage/direct-awards/new", allowed: officers },
    { route: "/grants/manage/programmes/new", allowed: managers },
    { route: "/grants/public/:slug", allowed: everyone },
    { route: "/grants/public/:slug/register", allowed: everyone },
    // Published only once the organisation has published its register.
    made("/grants/public/:slug/register/360giving.csv", everyone),
    made("/grants/public/:slug/register/360giving.json", everyone),
    made("/grants/public/:slug/register/transparency.csv", everyone),
    { route: "/crowdfunding", allowed: [...staff, "community-group"] },
    groupOwn("/crowdfunding/campaigns/:id", staff),
    { route: "/crowdfunding/campaigns/:id/backers", allowed: staff, path: `${campaign}/backers` },
    { route: "/crowdfunding/campaigns/:id/edit", allowed: officers, path: `${campaign}/edit` },
    { route: "/crowdfunding/campaigns/:id/images", allowed: officers, path: `${campaign}/images` },
    made("/crowdfunding/campaigns/:id/images/:image", staff, ["community-group"]),
    { route: "/crowdfunding/campaigns/:id/match", allowed: officers, path: `${campaign}/match` },
    { route: "/crowdfunding/campaigns/:id/review", allowed: officers, path: `${campaign}/review` },
    { route: "/crowdfunding/campaigns/:id/update", allowed: officers, path: `${campaign}/update` },
    { route: "/crowdfunding/campaigns/new", allowed: officers },
    { route: "/crowdfunding/funds", allowed: staff },
    { route: "/crowdfunding/funds/new", allowed: managers },
    { route: "/crowdfunding/report", allowed: staff },
    { route: "/campaigns", allowed: everyone },
    { route: "/campaigns/:org", allowed: everyone },
    ...["", "/images/:image", "/pledge", "/pledge/about-you", "/pledge/check", "/pledge/confirmation"]
      .concat(["/pledge/display"])
      .map((page) => made(`/campaigns/:org/:ref${page}`, everyone)),
    { route: "/exchange", allowed: exchangeUsers },
    made("/exchange/contracts/:id", exchangeUsers),
    made("/exchange/contracts/:id/pledge", officers),
    made("/exchange/needs/:id", exchangeUsers),
    // A supplier sees its own pledges, a community group those meeting its needs.
    made("/exchange/pledges/:id", staff, ["community-group", "supplier"]),
    { route: "/exchange/contracts/new", allowed: officers },
    { route: "/exchange/needs/new", allowed: officers },
    { route: "/exchange/report", allowed: staff },
    { route: "/needs", allowed: everyone },
    { route: "/needs/:org", allowed: everyone },
    made("/needs/:org/:reference", everyone),
    { route: "/budgeting", allowed: staff },
    { route: "/budgeting/new", allowed: officers },
    { route: "/budgeting/assets/budget-bar.js", allowed: everyone },
    { route: "/budgeting/:id", allowed: staff, path: process },
    { route: "/budgeting/:id/codes", allowed: officers, path: `${process}/codes` },
    { route: "/budgeting/:id/export.pb", allowed: staff, path: `${process}/export.pb` },
    { route: "/budgeting/:id/paper", allowed: officers, path: `${process}/paper` },
    { route: "/budgeting/:id/voting-close", allowed: managers, path: `${process}/voting-close` },
    made("/budgeting/:id/proposals/:proposalId/review", officers),
    ...[
      "/pb/:org",
      "/pb/:org/:pid",
      "/pb/:org/:pid/proposals/:id",
      "/pb/:org/:pid/results",
      "/pb/:org/:pid/vote",
    ].map((route) => made(route, everyone)),
    // A draft proposal belongs to its signed-in author (canEditDraft).
    {
      ...made("/pb/:org/:pid/propose/:draft/:step{(title|description|location|cost|category)}", signedIn),
      path: `/pb/${world.ids.slug}/${processId}/propose/${madeUpId}/title`,
    },
    made("/pb/:org/:pid/propose/:draft/check", signedIn),
  ];
}

describe("grants, crowdfunding, exchange and budgeting pages checked on GET", () => {
  it("answers every such GET route for every role exactly as the table allows", async () => {
    const routes = getRoutes(world.app, crawlAreas.funding);
    const wrong = await crawlAgainstTable(routes, table(), world.browsers, world.ids, [
      "Westfield community garden",
    ]);
    expect(wrong).toEqual([]);
  }, 120_000);
});
