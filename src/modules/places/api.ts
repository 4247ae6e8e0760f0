import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
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

export function placesApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(
    createRoute({
      method: "get",
      path: "/homes",
      tags: ["Places"],
      summary: "List homes",
      request: {
        query: pageQuery.extend({
          search: z.string().max(100).optional(),
          laCode: z.string().optional(),
          tenure: z.enum(tenures).optional(),
        }),
      },
      responses: {
        200: json(z.object({ total: z.number(), page: z.number(), items: z.array(homeSchema) }), "Homes"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "read");
      const q = c.req.valid("query");
      const result = await listHomes(c.get("services").database.db, actor, { ...q });
      return c.json({ total: result.total, page: q.page, items: result.rows.map(toHome) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/homes/{id}",
      tags: ["Places"],
      summary: "Get a home",
      request: { params: idParam },
      responses: { 200: json(homeSchema, "The home"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "read");
      return c.json(
        toHome(await getHome(c.get("services").database.db, actor, c.req.valid("param").id)),
        200,
      );
    },
  );
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
  api.openapi(
    createRoute({
      method: "get",
      path: "/local-authorities",
      tags: ["Places"],
      summary: "Local authorities (reference data)",
      responses: {
        200: json(
          z.array(
            z.object({
              gssCode: z.string(),
              name: z.string(),
              officialName: z.string().nullable(),
              current: z.boolean(),
            }),
          ),
          "Local authorities",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      requireApiActor(c, "places", "read");
      const rows = await listLocalAuthorities(c.get("services").database.db);
      return c.json(
        rows.map((r) => ({
          gssCode: r.gssCode,
          name: r.name,
          officialName: r.officialName,
          current: r.current,
        })),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/neighbourhoods",
      tags: ["Places"],
      summary: "Neighbourhoods (LSOAs) in the organisation's areas, with deprivation",
      request: { query: z.object({ laCode: z.string().optional() }) },
      responses: {
        200: json(
          z.object({
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
          "Neighbourhoods",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "read");
      const result = await listNeighbourhoods(c.get("services").database.db, actor, c.req.valid("query"));
      return c.json({ edition: result.edition, items: result.rows }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/priority-neighbourhoods",
      tags: ["Places"],
      summary: "Priority neighbourhoods by the organisation's rule and manual changes",
      responses: {
        200: json(
          z.array(
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
          "Priority neighbourhoods",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "read");
      return c.json(
        await listPriorityNeighbourhoods(c.get("services").database.db, actor.organisationId),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/assets",
      tags: ["Places"],
      summary: "Community assets",
      responses: { 200: json(z.array(assetSchema), "Assets"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "read");
      const rows = await listCommunityAssets(c.get("services").database.db, actor);
      return c.json(
        rows.map((row) => assetSchema.parse(row)),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/assets/{id}",
      tags: ["Places"],
      summary: "A community asset",
      request: { params: idParam },
      responses: { 200: json(assetSchema, "The asset"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "places", "read");
      return c.json(
        assetSchema.parse(
          await getCommunityAsset(c.get("services").database.db, actor, c.req.valid("param").id),
        ),
        200,
      );
    },
  );
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
