import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { requireAllowed } from "../../platform/access/policy.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, readRoute } from "../../platform/http/command-route.ts";
import { area, tag } from "./api-schemas.ts";
import { saveCategory, saveWorkflowStatuses } from "./commands/configuration.ts";
import { nsirTypes, workflows } from "./domain/categories.ts";
import { loadSafetyConfiguration } from "./domain/configuration.ts";
import { getSafetySettings } from "./domain/settings.ts";
import { canManageSafety } from "./policy.ts";

// The organisation's categories, workflow statuses and thresholds through the API (managers).

const categorySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    workflow: z.enum(workflows),
    nsirType: z.enum(nsirTypes),
    countsAsAsb: z.boolean(),
    subCategories: z.array(z.string()),
    retired: z.boolean(),
  })
  .openapi("SafetyCategory");
const categoryBody = categorySchema.omit({ code: true }).partial({ subCategories: true, retired: true });
const statusSchema = z
  .object({ code: z.string(), name: z.string(), targetDays: z.number().int().nullable() })
  .openapi("SafetyWorkflowStatus");
const configurationSchema = z
  .object({
    categories: z.array(categorySchema),
    statuses: z.record(z.string(), z.array(statusSchema)),
    settings: z.record(z.string(), z.unknown()),
  })
  .openapi("SafetyConfiguration");

export function configurationApi(api: OpenAPIHono<AppEnv>): void {
  readRoute(api, {
    path: "/safety/configuration",
    tag,
    area,
    summary: "The organisation's categories, workflow statuses, thresholds and action target days",
    answer: { schema: configurationSchema, description: "The configuration in force" },
    run: async ({ db, actor }) => {
      requireAllowed(canManageSafety(actor), "Only managers can read community safety settings.");
      const configuration = await loadSafetyConfiguration(db, actor.organisationId);
      return { ...configuration, settings: await getSafetySettings(db, actor.organisationId) };
    },
  });
  const savedCategory = {
    status: 200,
    schema: z.object({ code: z.string() }),
    description: "Saved",
  } as const;
  commandRoute(api, {
    method: "post",
    path: "/safety/categories",
    tag,
    area,
    summary: "Add a category",
    checkedBody: categoryBody,
    bodyRequired: true,
    answer: savedCategory,
    run: async ({ db, actor, now, body }) => ({ code: await saveCategory(db, actor, now, null, body) }),
  });
  // Only the PUT's path has {code}; declaring it on the POST described a parameter that is not there.
  commandRoute(api, {
    method: "put",
    path: "/safety/categories/{code}",
    tag,
    area,
    summary: "Change or retire a category",
    params: z.object({ code: z.string() }),
    checkedBody: categoryBody,
    bodyRequired: true,
    answer: savedCategory,
    run: async ({ db, actor, now, params, body }) => ({
      code: await saveCategory(db, actor, now, params.code, body),
    }),
  });
  commandRoute(api, {
    method: "put",
    path: "/safety/workflows/{workflow}/statuses",
    tag,
    area,
    summary: "Replace a workflow's statuses and target days (first open, last closed)",
    params: z.object({ workflow: z.string() }),
    checkedBody: z.array(statusSchema),
    bodyRequired: true,
    answer: { status: 200, schema: z.array(statusSchema), description: "The statuses now in force" },
    run: ({ db, actor, now, params, body }) => saveWorkflowStatuses(db, actor, now, params.workflow, body),
  });
}
