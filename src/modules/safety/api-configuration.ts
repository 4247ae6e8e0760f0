import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { requireAllowed } from "../../platform/access/policy.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { saveCategory, saveWorkflowStatuses } from "./commands/configuration.ts";
import { nsirTypes, workflows } from "./domain/categories.ts";
import { loadSafetyConfiguration } from "./domain/configuration.ts";
import { getSafetySettings } from "./domain/settings.ts";
import { canManageSafety } from "./policy.ts";

// The organisation's categories, workflow statuses and thresholds through the API (managers).

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const tags = ["Community safety"];

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
  api.openapi(
    createRoute({
      method: "get",
      path: "/safety/configuration",
      tags,
      summary: "The organisation's categories, workflow statuses, thresholds and action target days",
      responses: { 200: json(configurationSchema, "The configuration in force"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "read");
      requireAllowed(canManageSafety(actor), "Only managers can read community safety settings.");
      const db = c.get("services").database.db;
      const configuration = await loadSafetyConfiguration(db, actor.organisationId);
      return c.json({ ...configuration, settings: await getSafetySettings(db, actor.organisationId) }, 200);
    },
  );
  const saveCategoryRoute = (method: "post" | "put", path: string, summary: string) =>
    createRoute({
      method,
      path,
      tags,
      summary,
      request: {
        // Only the PUT's path has {code}; declaring it on the POST described a parameter that is not there.
        ...(path.includes("{code}") ? { params: z.object({ code: z.string() }) } : {}),
        body: { content: { "application/json": { schema: categoryBody } }, required: true },
      },
      responses: { 200: json(z.object({ code: z.string() }), "Saved"), ...problemResponses },
    });
  api.openapi(saveCategoryRoute("post", "/safety/categories", "Add a category"), async (c) => {
    const actor = requireApiActor(c, "safety", "write");
    const code = await saveCategory(
      c.get("services").database.db,
      actor,
      c.get("now"),
      null,
      c.req.valid("json"),
    );
    return c.json({ code }, 200);
  });
  api.openapi(
    saveCategoryRoute("put", "/safety/categories/{code}", "Change or retire a category"),
    async (c) => {
      const actor = requireApiActor(c, "safety", "write");
      const code = await saveCategory(
        c.get("services").database.db,
        actor,
        c.get("now"),
        c.req.param("code") ?? null,
        c.req.valid("json"),
      );
      return c.json({ code }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/safety/workflows/{workflow}/statuses",
      tags,
      summary: "Replace a workflow's statuses and target days (first open, last closed)",
      request: {
        params: z.object({ workflow: z.string() }),
        body: { content: { "application/json": { schema: z.array(statusSchema) } }, required: true },
      },
      responses: { 200: json(z.array(statusSchema), "The statuses now in force"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "write");
      const saved = await saveWorkflowStatuses(
        c.get("services").database.db,
        actor,
        c.get("now"),
        c.req.valid("param").workflow,
        c.req.valid("json"),
      );
      return c.json(saved, 200);
    },
  );
}
