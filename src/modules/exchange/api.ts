import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { apiValidationHook, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { offerPledge } from "./commands/offer-pledge.ts";
import { postNeed } from "./commands/post-need.ts";
import { getContract, listNeeds } from "./queries/exchange-queries.ts";
import { exchangeReport } from "./queries/exchange-report.ts";
import { needCategories, themes } from "./schema.ts";

export const exchangeApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

const tags = ["Social value exchange"];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const needSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    communityOrgName: z.string(),
    category: z.enum(needCategories),
    valuePence: z.number().int(),
    location: z.string(),
    status: z.string(),
  })
  .openapi("Need");
type NeedRow = Awaited<ReturnType<typeof listNeeds>>[number];
const needJson = (n: NeedRow) => ({
  id: n.id,
  reference: n.reference,
  title: n.title,
  communityOrgName: n.communityOrgName,
  category: n.category,
  valuePence: n.valuePence,
  location: n.location,
  status: n.status,
});

exchangeApi.openapi(
  createRoute({
    method: "get",
    path: "/exchange/needs",
    tags,
    responses: {
      200: json(z.object({ needs: z.array(needSchema) }), "Needs the caller may see"),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "exchange", "read");
    return c.json({ needs: (await listNeeds(c.get("services").database.db, actor)).map(needJson) }, 200);
  },
);

exchangeApi.openapi(
  createRoute({
    method: "post",
    path: "/exchange/needs",
    tags,
    request: {
      body: {
        content: {
          "application/json": {
            schema: z.object({
              communityOrgName: z.string(),
              title: z.string(),
              description: z.string(),
              category: z.enum(needCategories),
              valuePence: z.number().int(),
              location: z.string(),
              laCode: z.string().nullable().optional(),
              neededBy: z.string().nullable().optional(),
            }),
          },
        },
      },
    },
    responses: { 201: json(needSchema, "Need posted, waiting for moderation"), ...problemResponses },
  }),
  async (c) => {
    const actor = requireApiActor(c, "exchange", "write");
    return c.json(
      needJson(await postNeed(c.get("services").database.db, actor, c.get("now"), c.req.valid("json"))),
      201,
    );
  },
);

exchangeApi.openapi(
  createRoute({
    method: "get",
    path: "/exchange/contracts/{id}",
    tags,
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: json(
        z.object({
          reference: z.string(),
          title: z.string(),
          valuePence: z.number().int(),
          bids: z.array(
            z.object({
              supplierName: z.string(),
              points: z.number().int().openapi({ description: "Hundredths of a mark" }),
              maxPoints: z.number().int(),
              weightedPence: z.number().int(),
            }),
          ),
        }),
        "A tender and the bids the caller may see, with points",
      ),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "exchange", "read");
    const { contract, bids } = await getContract(
      c.get("services").database.db,
      actor,
      c.req.valid("param").id,
    );
    return c.json(
      {
        reference: contract.reference,
        title: contract.title,
        valuePence: contract.valuePence,
        bids: bids.map((b) => ({
          supplierName: b.supplierName,
          points: b.points.points,
          maxPoints: b.points.maxPoints,
          weightedPence: b.points.weightedPence,
        })),
      },
      200,
    );
  },
);

exchangeApi.openapi(
  createRoute({
    method: "post",
    path: "/exchange/contracts/{id}/pledges",
    tags,
    request: {
      params: z.object({ id: z.string() }),
      body: {
        content: {
          "application/json": {
            schema: z.object({
              theme: z.enum(themes),
              resourceType: z.enum(needCategories),
              description: z.string(),
              valuePence: z.number().int(),
              dueBy: z.string(),
              needIds: z.array(z.string()).optional(),
              supplierId: z.string().optional().openapi({
                description:
                  "Only when an officer records a pledge on a supplier's behalf; a supplier's own token always pledges as that supplier",
              }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ reference: z.string(), status: z.string() }), "Pledge offered"),
      ...problemResponses,
    },
  }),
  async (c) => {
    const actor = requireApiActor(c, "exchange", "write");
    const pledge = await offerPledge(
      c.get("services").database.db,
      actor,
      c.get("now"),
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json({ reference: pledge.reference, status: pledge.status }, 201);
  },
);

exchangeApi.openapi(
  createRoute({
    method: "get",
    path: "/exchange/report",
    tags,
    responses: { 200: json(z.object({}).passthrough(), "Pledged against delivered"), ...problemResponses },
  }),
  async (c) => {
    const actor = requireApiActor(c, "exchange", "read");
    return c.json(await exchangeReport(c.get("services").database.db, actor, c.get("now")), 200);
  },
);
