import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { campaignApi } from "./api-campaigns.ts";
import { configurationApi } from "./api-configuration.ts";
import { publishRiskMatrix } from "./commands/record-assessment.ts";
import { updateSafetySettings } from "./commands/settings.ts";

// Configuration through the API (managers): risk matrix versions and thresholds.

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const settingsSchema = z
  .object({
    repeatWindowMonths: z.number().int(),
    repeatMinIncidents: z.number().int(),
    triggerWindowMonths: z.number().int(),
    triggerMinReports: z.number().int(),
    triggerMinHateReports: z.number().int(),
    retentionYears: z.number().int(),
    actionTargetDays: z.record(z.string(), z.number().int()),
  })
  .openapi("SafetySettings");

export function configApi(api: OpenAPIHono<AppEnv>): void {
  configurationApi(api);
  campaignApi(api);
  api.openapi(
    createRoute({
      method: "post",
      path: "/safety/risk-matrices",
      tags: ["Community safety"],
      summary: "Publish a new risk matrix version (questions, weights, bands, review days)",
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({ name: z.string(), definition: z.record(z.string(), z.unknown()) }),
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(z.object({ version: z.number().int(), name: z.string() }), "Published"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "write");
      const body = c.req.valid("json");
      const matrix = await publishRiskMatrix(c.get("services").database.db, actor, c.get("now"), body);
      return c.json({ version: matrix.version, name: matrix.name }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/safety/settings",
      tags: ["Community safety"],
      summary: "Change repeat, Community Trigger and retention thresholds",
      request: {
        body: { content: { "application/json": { schema: settingsSchema.partial() } }, required: true },
      },
      responses: { 200: json(settingsSchema, "The settings now in force"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "write");
      return c.json(
        await updateSafetySettings(c.get("services").database.db, actor, c.get("now"), c.req.valid("json")),
        200,
      );
    },
  );
}
