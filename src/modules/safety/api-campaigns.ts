import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { listCampaigns, saveCampaign } from "./commands/campaigns.ts";

// Preventative campaigns through the API: list (staff), record and change (managers).

const campaignBody = z
  .object({
    name: z.string(),
    topic: z.string(),
    laCode: z.string().nullable().optional(),
    startedOn: z.string().openapi({ example: "2026-04-01" }),
    endedOn: z.string().nullable().optional(),
    peopleReached: z.number().int(),
  })
  .openapi("SafetyCampaignInput");
const campaign = campaignBody.extend({ id: z.string() }).openapi("SafetyCampaign");
const shape = (c: z.infer<typeof campaign>) => ({
  id: c.id,
  name: c.name,
  topic: c.topic,
  laCode: c.laCode ?? null,
  startedOn: c.startedOn,
  endedOn: c.endedOn ?? null,
  peopleReached: c.peopleReached,
});
const tags = ["Community safety"];
const ok = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema } },
});

export function campaignApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/safety/campaigns",
      tags,
      summary: "Preventative campaigns",
      responses: { 200: ok("Campaigns, newest first", z.array(campaign)), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "read");
      return c.json((await listCampaigns(c.get("services").database.db, actor)).map(shape), 200);
    },
  );
  for (const [method, path] of [
    ["post", "/safety/campaigns"],
    ["put", "/safety/campaigns/{id}"],
  ] as const) {
    api.openapi(
      createRoute({
        method,
        path,
        tags,
        summary: method === "post" ? "Record a campaign" : "Change a campaign",
        request: {
          // Only the PUT's path has {id}; declaring it on the POST described a parameter that is not there.
          ...(path.includes("{id}") ? { params: z.object({ id: z.string() }) } : {}),
          body: { content: { "application/json": { schema: campaignBody } }, required: true },
        },
        responses: { 200: ok("Saved", campaign), ...problemResponses },
      }),
      async (c) => {
        const actor = requireApiActor(c, "safety", "write");
        const saved = await saveCampaign(
          c.get("services").database.db,
          actor,
          c.get("now"),
          c.req.param("id") ?? null,
          c.req.valid("json"),
        );
        return c.json(shape(saved), 200);
      },
    );
  }
}
