import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, readRoute } from "../../platform/http/command-route.ts";
import { area, tag } from "./api-schemas.ts";
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

export function campaignApi(api: OpenAPIHono<AppEnv>): void {
  readRoute(api, {
    path: "/safety/campaigns",
    tag,
    area,
    summary: "Preventative campaigns",
    answer: { schema: z.array(campaign), description: "Campaigns, newest first" },
    run: async ({ db, actor }) => (await listCampaigns(db, actor)).map(shape),
  });
  const saved = { status: 200, schema: campaign, description: "Saved" } as const;
  commandRoute(api, {
    method: "post",
    path: "/safety/campaigns",
    tag,
    area,
    summary: "Record a campaign",
    checkedBody: campaignBody,
    bodyRequired: true,
    answer: saved,
    run: async ({ db, actor, now, body }) => shape(await saveCampaign(db, actor, now, null, body)),
  });
  // Only the PUT's path has {id}; declaring it on the POST described a parameter that is not there.
  commandRoute(api, {
    method: "put",
    path: "/safety/campaigns/{id}",
    tag,
    area,
    summary: "Change a campaign",
    params: z.object({ id: z.string() }),
    checkedBody: campaignBody,
    bodyRequired: true,
    answer: saved,
    run: async ({ db, actor, now, params, body }) =>
      shape(await saveCampaign(db, actor, now, params.id, body)),
  });
}
