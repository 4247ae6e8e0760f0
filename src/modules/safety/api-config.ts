import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute } from "../../platform/http/command-route.ts";
import { campaignApi } from "./api-campaigns.ts";
import { configurationApi } from "./api-configuration.ts";
import { area, tag } from "./api-schemas.ts";
import { publishRiskMatrix } from "./commands/record-assessment.ts";
import { updateSafetySettings } from "./commands/settings.ts";

// Configuration through the API (managers): risk matrix versions and thresholds.

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
  commandRoute(api, {
    method: "post",
    path: "/safety/risk-matrices",
    tag,
    area,
    summary: "Publish a new risk matrix version (questions, weights, bands, review days)",
    checkedBody: z.object({ name: z.string(), definition: z.record(z.string(), z.unknown()) }),
    bodyRequired: true,
    answer: {
      status: 201,
      schema: z.object({ version: z.number().int(), name: z.string() }),
      description: "Published",
    },
    run: async ({ db, actor, now, body }) => {
      const matrix = await publishRiskMatrix(db, actor, now, body);
      return { version: matrix.version, name: matrix.name };
    },
  });
  commandRoute(api, {
    method: "put",
    path: "/safety/settings",
    tag,
    area,
    summary: "Change repeat, Community Trigger and retention thresholds",
    checkedBody: settingsSchema.partial(),
    bodyRequired: true,
    answer: { status: 200, schema: settingsSchema, description: "The settings now in force" },
    run: ({ db, actor, now, body }) => updateSafetySettings(db, actor, now, body),
  });
}
