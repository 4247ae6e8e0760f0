import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, readRoute } from "../../platform/http/command-route.ts";
import { apiValidationHook } from "../../platform/http/openapi.ts";
import { offerPledge } from "./commands/offer-pledge.ts";
import { postNeed } from "./commands/post-need.ts";
import { getContract, listNeeds } from "./queries/exchange-queries.ts";
import { exchangeReport } from "./queries/exchange-report.ts";
import { needCategories, themes } from "./schema.ts";

export const exchangeApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

const tag = "Social value exchange";
const area = "exchange";
const idParam = z.object({ id: z.string() });

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

readRoute(exchangeApi, {
  path: "/exchange/needs",
  tag,
  area,
  answer: { schema: z.object({ needs: z.array(needSchema) }), description: "Needs the caller may see" },
  run: async ({ db, actor }) => ({ needs: (await listNeeds(db, actor)).map(needJson) }),
});

commandRoute(exchangeApi, {
  method: "post",
  path: "/exchange/needs",
  tag,
  area,
  checkedBody: z.object({
    communityOrgName: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.enum(needCategories),
    valuePence: z.number().int(),
    location: z.string(),
    laCode: z.string().nullable().optional(),
    neededBy: z.string().nullable().optional(),
  }),
  answer: { status: 201, schema: needSchema, description: "Need posted, waiting for moderation" },
  run: async ({ db, actor, now, body }) => needJson(await postNeed(db, actor, now, body)),
});

readRoute(exchangeApi, {
  path: "/exchange/contracts/{id}",
  tag,
  area,
  params: idParam,
  answer: {
    schema: z.object({
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
    description: "A tender and the bids the caller may see, with points",
  },
  run: async ({ db, actor, params }) => {
    const { contract, bids } = await getContract(db, actor, params.id);
    return {
      reference: contract.reference,
      title: contract.title,
      valuePence: contract.valuePence,
      bids: bids.map((b) => ({
        supplierName: b.supplierName,
        points: b.points.points,
        maxPoints: b.points.maxPoints,
        weightedPence: b.points.weightedPence,
      })),
    };
  },
});

commandRoute(exchangeApi, {
  method: "post",
  path: "/exchange/contracts/{id}/pledges",
  tag,
  area,
  params: idParam,
  checkedBody: z.object({
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
  answer: {
    status: 201,
    schema: z.object({ reference: z.string(), status: z.string() }),
    description: "Pledge offered",
  },
  run: async ({ db, actor, now, params, body }) => {
    const pledge = await offerPledge(db, actor, now, params.id, body);
    return { reference: pledge.reference, status: pledge.status };
  },
});

readRoute(exchangeApi, {
  path: "/exchange/report",
  tag,
  area,
  answer: { schema: z.object({}).passthrough(), description: "Pledged against delivered" },
  run: ({ db, actor, now }) => exchangeReport(db, actor, now),
});
