import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { readRoute } from "../../platform/http/command-route.ts";
import { commandBody, pageQuery, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
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

const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

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
  api.openapi(
    createRoute({
      method: "post",
      path: "/homes",
      tags: ["Places"],
      summary: "Add a home",
      request: { body: { content: { "application/json": { schema: homeBody } }, required: true } },
      responses: { 201: json(homeSchema, "Created"), ...problemResponses, 409: problemResponses[422] },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "write");
      const created = await createHome(c.get("services").database, actor, c.get("now"), c.req.valid("json"));
      return c.json(toHome(created), 201);
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/homes/{id}",
      tags: ["Places"],
      summary: "Change a home",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: homeBody } }, required: true },
      },
      responses: { 200: json(homeSchema, "Changed"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "write");
      const updated = await updateHome(
        c.get("services").database,
        actor,
        c.get("now"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json(toHome(updated), 200);
    },
  );
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
  api.openapi(
    createRoute({
      method: "post",
      path: "/assets",
      tags: ["Places"],
      summary: "Add a community asset",
      request: {
        body: commandBody("CommunityAssetInput", assetInput),
      },
      responses: { 201: json(assetSchema, "Created"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "write");
      const created = await createCommunityAsset(
        c.get("services").database,
        actor,
        c.get("now"),
        c.req.valid("json"),
      );
      return c.json(assetSchema.parse(created), 201);
    },
  );
  return api;
}
