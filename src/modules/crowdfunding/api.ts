import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, readRoute } from "../../platform/http/command-route.ts";
import { apiValidationHook } from "../../platform/http/openapi.ts";
import { createCampaign } from "./commands/create-campaign.ts";
import { makeMatchPledge } from "./commands/make-match-pledge.ts";
import { makePledge } from "./commands/make-pledge.ts";
import { settleCampaign } from "./commands/settle-campaign.ts";
import { getCampaign, listCampaigns } from "./queries/campaign-detail.ts";
import { crowdfundingReport } from "./queries/crowdfunding-report.ts";
import { campaignStatuses } from "./schema.ts";

export const crowdfundingApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

const tag = "Crowdfunding";
const area = "crowdfunding";
const idParam = z.object({ id: z.string().openapi({ description: "Campaign id (UUID)" }) });

const campaignSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    groupName: z.string(),
    status: z.enum(campaignStatuses),
    targetPence: z.number().int(),
    backerPence: z.number().int(),
    matchPence: z.number().int(),
    backerCount: z.number().int(),
    deadline: z.string(),
    closesAt: z.string().nullable(),
    collectedPence: z.number().int(),
  })
  .openapi("Campaign");

type CampaignRow = Awaited<ReturnType<typeof listCampaigns>>[number];
const campaignJson = (c: CampaignRow) => ({
  id: c.id,
  reference: c.reference,
  title: c.title,
  groupName: c.groupName,
  status: c.status,
  targetPence: c.targetPence,
  backerPence: c.backerPence,
  matchPence: c.matchPence,
  backerCount: c.backerCount,
  deadline: c.deadline,
  closesAt: c.closesAt ? c.closesAt.toISOString() : null,
  collectedPence: c.collectedPence,
});

readRoute(crowdfundingApi, {
  path: "/crowdfunding/campaigns",
  tag,
  area,
  query: z.object({ status: z.enum(campaignStatuses).optional() }),
  answer: { schema: z.object({ campaigns: z.array(campaignSchema) }), description: "Campaigns" },
  run: async ({ db, actor, query }) => ({
    campaigns: (await listCampaigns(db, actor, { status: query.status })).map(campaignJson),
  }),
});

readRoute(crowdfundingApi, {
  path: "/crowdfunding/campaigns/{id}",
  tag,
  area,
  params: idParam,
  answer: { schema: campaignSchema, description: "The campaign" },
  run: async ({ db, actor, params }) => campaignJson((await getCampaign(db, actor, params.id)).campaign),
});

const campaignBody = z.object({
  groupId: z.string().nullable().optional(),
  groupName: z.string(),
  title: z.string(),
  summary: z.string(),
  story: z.string(),
  communityBenefit: z.string(),
  targetPence: z
    .number()
    .int()
    .openapi({ description: "Target in pence; must equal the sum of the budget lines" }),
  deadline: z.string().openapi({ description: "YYYY-MM-DD, 7 days to 12 weeks after launch" }),
  fundingModel: z.enum(["all-or-nothing", "keep-what-you-raise"]).optional(),
  location: z.string(),
  laCode: z.string().nullable().optional(),
  budgetLines: z.array(z.object({ description: z.string(), amountPence: z.number().int() })),
  rewardTiers: z
    .array(z.object({ title: z.string(), description: z.string(), minPence: z.number().int() }))
    .optional(),
});

commandRoute(crowdfundingApi, {
  method: "post",
  path: "/crowdfunding/campaigns",
  tag,
  area,
  checkedBody: campaignBody,
  answer: { status: 201, schema: campaignSchema, description: "Draft created" },
  run: async ({ db, actor, now, body }) => campaignJson(await createCampaign(db, actor, now, body)),
});

const pledgeBody = z.object({
  amountPence: z.number().int().openapi({ description: "More than 0, at most 10,000,000 (£100,000)" }),
  backerName: z.string(),
  backerEmail: z.string(),
  anonymous: z.boolean().optional(),
  message: z.string().optional(),
  rewardTierId: z.string().nullable().optional(),
});
const pledgeSchema = z
  .object({ reference: z.string(), amountPence: z.number().int(), status: z.string() })
  .openapi("Pledge");

commandRoute(crowdfundingApi, {
  method: "post",
  path: "/crowdfunding/campaigns/{id}/pledges",
  tag,
  area,
  params: idParam,
  checkedBody: pledgeBody,
  answer: { status: 201, schema: pledgeSchema, description: "Pledge authorised" },
  otherAnswers: {
    409: {
      description: "Campaign closed",
      content: { "application/json": { schema: z.object({}).passthrough() } },
    },
  },
  run: async ({ db, actor, now, params, body }) => {
    const pledge = await makePledge(db, actor, now, actor.organisationId, params.id, body);
    return { reference: pledge.reference, amountPence: pledge.amountPence, status: pledge.status };
  },
});

commandRoute(crowdfundingApi, {
  method: "post",
  path: "/crowdfunding/campaigns/{id}/match-pledges",
  tag,
  area,
  params: idParam,
  checkedBody: z.object({
    fundId: z.string(),
    amountPence: z.number().int(),
    scores: z.record(z.string(), z.number().int()),
  }),
  answer: {
    status: 201,
    schema: z.object({ id: z.string(), status: z.string(), amountPence: z.number().int() }),
    description: "Match pledge made",
  },
  run: async ({ db, actor, now, params, body }) => {
    const match = await makeMatchPledge(db, actor, now, params.id, body);
    return { id: match.id, status: match.status, amountPence: match.amountPence };
  },
});

commandRoute(crowdfundingApi, {
  method: "post",
  path: "/crowdfunding/campaigns/{id}/settle",
  tag,
  area,
  params: idParam,
  answer: {
    status: 200,
    schema: z
      .object({
        status: z.string(),
        totalPence: z.number().int(),
        collectedPence: z.number().int(),
        alreadySettled: z.boolean(),
      })
      .passthrough(),
    description: "Settlement result",
  },
  run: ({ db, actor, now, params }) => settleCampaign(db, actor, now, params.id),
});

readRoute(crowdfundingApi, {
  path: "/crowdfunding/report",
  tag,
  area,
  answer: {
    schema: z
      .object({ leveredPerPound: z.number().nullable(), collectedPence: z.number().int() })
      .passthrough(),
    description: "Report",
  },
  run: ({ db, actor }) => crowdfundingReport(db, actor),
});
