import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { apiValidationHook, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { createCampaign } from "./commands/create-campaign.ts";
import { makeMatchPledge } from "./commands/make-match-pledge.ts";
import { makePledge } from "./commands/make-pledge.ts";
import { settleCampaign } from "./commands/settle-campaign.ts";
import { getCampaign, listCampaigns } from "./queries/campaign-detail.ts";
import { crowdfundingReport } from "./queries/crowdfunding-report.ts";
import { campaignStatuses } from "./schema.ts";

export const crowdfundingApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

const tags = ["Crowdfunding"];
const idParam = z.object({ id: z.string().openapi({ description: "Campaign id (UUID)" }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

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

crowdfundingApi.openapi(
  createRoute({
    method: "get",
    path: "/crowdfunding/campaigns",
    tags,
    request: { query: z.object({ status: z.enum(campaignStatuses).optional() }) },
    responses: {
      200: json(z.object({ campaigns: z.array(campaignSchema) }), "Campaigns"),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "crowdfunding", "read");
    const campaigns = await listCampaigns(c.get("services").database.db, actor, {
      status: c.req.valid("query").status,
    });
    return c.json({ campaigns: campaigns.map(campaignJson) }, 200);
  },
);

crowdfundingApi.openapi(
  createRoute({
    method: "get",
    path: "/crowdfunding/campaigns/{id}",
    tags,
    request: { params: idParam },
    responses: { 200: json(campaignSchema, "The campaign"), ...problemResponses },
  }),
  async (c) => {
    const actor = requireApiActor(c, "crowdfunding", "read");
    const detail = await getCampaign(c.get("services").database.db, actor, c.req.valid("param").id);
    return c.json(campaignJson(detail.campaign), 200);
  },
);

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

crowdfundingApi.openapi(
  createRoute({
    method: "post",
    path: "/crowdfunding/campaigns",
    tags,
    request: { body: { content: { "application/json": { schema: campaignBody } } } },
    responses: { 201: json(campaignSchema, "Draft created"), ...problemResponses },
  }),
  async (c) => {
    const actor = requireApiActor(c, "crowdfunding", "write");
    const campaign = await createCampaign(
      c.get("services").database.db,
      actor,
      c.get("now"),
      c.req.valid("json"),
    );
    return c.json(campaignJson(campaign), 201);
  },
);

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

crowdfundingApi.openapi(
  createRoute({
    method: "post",
    path: "/crowdfunding/campaigns/{id}/pledges",
    tags,
    request: { params: idParam, body: { content: { "application/json": { schema: pledgeBody } } } },
    responses: {
      201: json(pledgeSchema, "Pledge authorised"),
      409: json(z.object({}).passthrough(), "Campaign closed"),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "crowdfunding", "write");
    const pledge = await makePledge(
      c.get("services").database.db,
      actor,
      c.get("now"),
      actor.organisationId,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(
      { reference: pledge.reference, amountPence: pledge.amountPence, status: pledge.status },
      201,
    );
  },
);

crowdfundingApi.openapi(
  createRoute({
    method: "post",
    path: "/crowdfunding/campaigns/{id}/match-pledges",
    tags,
    request: {
      params: idParam,
      body: {
        content: {
          "application/json": {
            schema: z.object({
              fundId: z.string(),
              amountPence: z.number().int(),
              scores: z.record(z.string(), z.number().int()),
            }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({ id: z.string(), status: z.string(), amountPence: z.number().int() }),
        "Match pledge made",
      ),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "crowdfunding", "write");
    const match = await makeMatchPledge(
      c.get("services").database.db,
      actor,
      c.get("now"),
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json({ id: match.id, status: match.status, amountPence: match.amountPence }, 201);
  },
);

crowdfundingApi.openapi(
  createRoute({
    method: "post",
    path: "/crowdfunding/campaigns/{id}/settle",
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        z
          .object({
            status: z.string(),
            totalPence: z.number().int(),
            collectedPence: z.number().int(),
            alreadySettled: z.boolean(),
          })
          .passthrough(),
        "Settlement result",
      ),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "crowdfunding", "write");
    const result = await settleCampaign(
      c.get("services").database.db,
      actor,
      c.get("now"),
      c.req.valid("param").id,
    );
    return c.json(result, 200);
  },
);

crowdfundingApi.openapi(
  createRoute({
    method: "get",
    path: "/crowdfunding/report",
    tags,
    responses: {
      200: json(
        z.object({ leveredPerPound: z.number().nullable(), collectedPence: z.number().int() }).passthrough(),
        "Report",
      ),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "crowdfunding", "read");
    return c.json(await crowdfundingReport(c.get("services").database.db, actor), 200);
  },
);
