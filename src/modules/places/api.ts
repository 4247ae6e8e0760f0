import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, idParam, readRoute } from "../../platform/http/command-route.ts";
import { pageQuery, problemResponses } from "../../platform/http/openapi.ts";
import { assetInput, createCommunityAsset } from "./commands/create-asset.ts";
import { createHome } from "./commands/create-home.ts";
import { updateHome } from "./commands/update-home.ts";
import { listNeighbourhoods, listPriorityNeighbourhoods } from "./queries/areas.ts";
import { getCommunityAsset, listCommunityAssets } from "./queries/assets.ts";
import { getHome } from "./queries/get-home.ts";
import { listHomes } from "./queries/list-homes.ts";
import { listLocalAuthorities } from "./queries/reference.ts";
import { assetTypes, tenures } from "./schema.ts";

const homeSchema = z
  .object({
    id: z.uuid(),
    uprn: z.string().openapi({ example: "200003001234" }),
    addressLine1: z.string(),
    addressLine2: z.string().nullable(),
    town: z.string(),
    postcode: z.string().openapi({ example: "ME4 5AB" }),
    tenure: z.enum(tenures),
    bedrooms: z.number().int().nullable(),
    blockName: z.string().nullable(),
    laCode: z.string().openapi({ example: "E06000035" }),
    lsoa21Code: z.string().nullable(),
    lsoa11Code: z.string().nullable(),
  })
  .openapi("Home");

const homeBody = z
  .object({
    uprn: z.string(),
    addressLine1: z.string(),
    addressLine2: z.string().optional(),
    town: z.string(),
    postcode: z.string(),
    tenure: z.string().openapi({ enum: [...tenures] }),
    bedrooms: z.union([z.number(), z.string()]).optional(),
    blockName: z.string().optional(),
    laCode: z.string(),
    lsoa21Code: z.string().optional(),
    lsoa11Code: z.string().optional(),
  })
  .openapi("HomeInput");

const assetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    assetType: z.enum(assetTypes),
    description: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    laCode: z.string(),
    lsoa21Code: z.string().nullable(),
    owner: z.string(),
    openingHours: z.string().nullable(),
    currentUse: z.string().nullable(),
    capacity: z.number().nullable(),
    openedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
  })
  .openapi("CommunityAsset");

function toHome(row: unknown) {
  return homeSchema.parse(row);
}

const tag = "Places";
const area = "places";

export function placesApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();

  readRoute(api, {
    path: "/homes",
    tag,
    area,
    summary: "List homes",
    query: pageQuery.extend({
      search: z.string().max(100).optional(),
      laCode: z.string().optional(),
      tenure: z.enum(tenures).optional(),
    }),
    answer: {
      schema: z.object({ total: z.number(), page: z.number(), items: z.array(homeSchema) }),
      description: "Homes",
    },
    run: async ({ db, actor, query }) => {
      const result = await listHomes(db, actor, { ...query });
      return { total: result.total, page: query.page, items: result.rows.map(toHome) };
    },
  });
  readRoute(api, {
    path: "/homes/{id}",
    tag,
    area,
    summary: "Get a home",
    params: idParam,
    answer: { schema: homeSchema, description: "The home" },
    run: async ({ db, actor, params }) => toHome(await getHome(db, actor, params.id)),
  });
  commandRoute(api, {
    method: "post",
    path: "/homes",
    tag,
    area,
    summary: "Add a home",
    checkedBody: homeBody,
    bodyRequired: true,
    answer: { status: 201, schema: homeSchema, description: "Created" },
    otherAnswers: { 409: problemResponses[422] },
    run: async ({ database, actor, now, body }) => toHome(await createHome(database, actor, now, body)),
  });
  commandRoute(api, {
    method: "put",
    path: "/homes/{id}",
    tag,
    area,
    summary: "Change a home",
    params: idParam,
    checkedBody: homeBody,
    bodyRequired: true,
    answer: { status: 200, schema: homeSchema, description: "Changed" },
    run: async ({ database, actor, now, params, body }) =>
      toHome(await updateHome(database, actor, now, params.id, body)),
  });
  readRoute(api, {
    path: "/local-authorities",
    tag,
    area,
    summary: "Local authorities (reference data)",
    answer: {
      schema: z.array(
        z.object({
          gssCode: z.string(),
          name: z.string(),
          officialName: z.string().nullable(),
          current: z.boolean(),
        }),
      ),
      description: "Local authorities",
    },
    run: async ({ db }) =>
      (await listLocalAuthorities(db)).map((r) => ({
        gssCode: r.gssCode,
        name: r.name,
        officialName: r.officialName,
        current: r.current,
      })),
  });
  readRoute(api, {
    path: "/neighbourhoods",
    tag,
    area,
    summary: "Neighbourhoods (LSOAs) in the organisation's areas, with deprivation",
    query: z.object({ laCode: z.string().optional() }),
    answer: {
      schema: z.object({
        edition: z.string(),
        items: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            laName: z.string(),
            imdDecile: z.number(),
            imdRank: z.number(),
            homes: z.number(),
            priority: z.boolean(),
          }),
        ),
      }),
      description: "Neighbourhoods",
    },
    run: async ({ db, actor, query }) => {
      const result = await listNeighbourhoods(db, actor, query);
      return { edition: result.edition, items: result.rows };
    },
  });
  readRoute(api, {
    path: "/priority-neighbourhoods",
    tag,
    area,
    summary: "Priority neighbourhoods by the organisation's rule and manual changes",
    answer: {
      schema: z.array(
        z.object({
          edition: z.string(),
          code: z.string(),
          name: z.string(),
          laCode: z.string(),
          laName: z.string(),
          imdDecile: z.number(),
          imdRank: z.number(),
          source: z.enum(["rule", "manual"]),
          reason: z.string(),
        }),
      ),
      description: "Priority neighbourhoods",
    },
    run: ({ db, actor }) => listPriorityNeighbourhoods(db, actor.organisationId),
  });
  readRoute(api, {
    path: "/assets",
    tag,
    area,
    summary: "Community assets",
    answer: { schema: z.array(assetSchema), description: "Assets" },
    run: async ({ db, actor }) => (await listCommunityAssets(db, actor)).map((row) => assetSchema.parse(row)),
  });
  readRoute(api, {
    path: "/assets/{id}",
    tag,
    area,
    summary: "A community asset",
    params: idParam,
    answer: { schema: assetSchema, description: "The asset" },
    run: async ({ db, actor, params }) => assetSchema.parse(await getCommunityAsset(db, actor, params.id)),
  });
  commandRoute(api, {
    method: "post",
    path: "/assets",
    tag,
    area,
    summary: "Add a community asset",
    input: { name: "CommunityAssetInput", schema: assetInput },
    answer: { status: 201, schema: assetSchema, description: "Created" },
    run: async ({ database, actor, now, body }) =>
      assetSchema.parse(await createCommunityAsset(database, actor, now, body)),
  });
  return api;
}
