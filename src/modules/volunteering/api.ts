import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandBody, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { decideOpportunity } from "./commands/decide-opportunity.ts";
import { logOwnHours } from "./commands/log-hours.ts";
import { postOpportunity } from "./commands/post-opportunity.ts";
import { reviewHours } from "./commands/review-hours.ts";
import { opportunityInput } from "./inputs.ts";
import { partnerDirectory } from "./partners.ts";
import { listOpportunities } from "./queries/opportunities.ts";
import { vdsExportFor } from "./queries/vds-export.ts";
import { volunteeringReport } from "./queries/volunteering-value.ts";

// JSON routes. Bodies are checked loosely here (objects) and exactly by the commands'
// own schemas, so the API, the pages and the CLI refuse the same things with the same words.

const tags = ["Volunteering"];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const opportunitySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    activity: z.string(),
    theme: z.string(),
    status: z.string(),
    places: z.number().int(),
    placesTaken: z.number().int().optional(),
    remote: z.boolean(),
    postcode: z.string().nullable(),
    dbsRequired: z.boolean(),
  })
  .openapi("VolunteeringOpportunity");
const valueLine = z.object({
  minutes: z.number().int(),
  hours: z.number(),
  valuePence: z.number().int(),
  activeVolunteers: z.number().int(),
});
const reportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: valueLine,
    byTheme: z.array(valueLine.extend({ theme: z.string(), themeName: z.string() })),
    byArea: z.array(valueLine.extend({ laCode: z.string().nullable(), areaName: z.string() })),
    byOrganisation: z.array(
      valueLine.extend({ partnerOrganisationId: z.string().nullable(), organisationName: z.string() }),
    ),
    rates: z.array(z.object({ year: z.number().int(), ratePence: z.number().int(), source: z.string() })),
    yearsWithoutRate: z.array(z.number().int()),
  })
  .openapi("VolunteeringReport");
const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const pick = (o: {
  id: string;
  title: string;
  activity: string;
  theme: string;
  status: string;
  places: number;
  remote: boolean;
  postcode: string | null;
  dbsRequired: boolean;
  placesTaken?: number;
}) => ({
  id: o.id,
  title: o.title,
  activity: o.activity,
  theme: o.theme,
  status: o.status,
  places: o.places,
  placesTaken: o.placesTaken,
  remote: o.remote,
  postcode: o.postcode,
  dbsRequired: o.dbsRequired,
});

export function volunteeringApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(
    createRoute({
      method: "get",
      path: "/volunteering/opportunities",
      tags,
      summary: "Volunteering roles (a partner sees only its own)",
      request: {
        query: z.object({ status: z.enum(["submitted", "approved", "rejected", "closed"]).optional() }),
      },
      responses: {
        200: json(z.object({ opportunities: z.array(opportunitySchema) }), "Roles"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "volunteering", "read");
      const rows = await listOpportunities(c.get("services").database.db, actor, c.req.valid("query").status);
      return c.json({ opportunities: rows.map(pick) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/volunteering/opportunities",
      tags,
      summary: "Post a role for approval",
      request: { body: commandBody("VolunteeringOpportunityInput", opportunityInput) },
      responses: { 201: json(opportunitySchema, "The role, waiting for approval"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "volunteering", "write");
      const created = await postOpportunity(
        c.get("services").database.db,
        actor,
        c.get("now"),
        c.req.valid("json"),
      );
      return c.json(pick(created), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/volunteering/opportunities/{id}/decision",
      tags,
      summary: "Approve, reject or close a role",
      request: {
        params: idParam,
        body: {
          content: {
            "application/json": {
              schema: z.object({
                decision: z.enum(["approve", "reject", "close"]),
                reason: z.string().max(2000).optional(),
              }),
            },
          },
        },
      },
      responses: { 200: json(opportunitySchema, "The role"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "volunteering", "write");
      const { decision, reason } = c.req.valid("json");
      const decided = await decideOpportunity(
        c.get("services").database.db,
        actor,
        c.get("now"),
        c.req.valid("param").id,
        decision,
        reason,
      );
      return c.json(pick(decided), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/volunteering/hours",
      tags,
      summary: "Log your own hours (the signed-in volunteer)",
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                opportunityId: z.string(),
                workedOn: z.string(),
                hours: z.union([z.string(), z.number()]),
                note: z.string().optional(),
              }),
            },
          },
        },
      },
      responses: {
        201: json(
          z.object({ id: z.string(), status: z.string(), minutes: z.number().int() }),
          "Hours waiting for verification",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "volunteering", "write");
      const input = c.req.valid("json");
      const logged = await logOwnHours(c.get("services").database.db, actor, c.get("now"), {
        ...input,
        minutes: input.hours,
      });
      return c.json({ id: logged.id, status: logged.status, minutes: logged.minutes }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/volunteering/hours/review",
      tags,
      summary: "Verify hours, or send them back with a reason",
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                ids: z.array(z.string()).min(1).max(500),
                decision: z.enum(["verify", "dispute"]),
                reason: z.string().max(2000).optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ reviewed: z.number().int() }), "How many entries were reviewed"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "volunteering", "write");
      const { ids, decision, reason } = c.req.valid("json");
      return c.json(
        {
          reviewed: await reviewHours(
            c.get("services").database.db,
            actor,
            c.get("now"),
            ids,
            decision,
            reason,
          ),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/volunteering/report",
      tags,
      summary: "Verified hours, value and active volunteers by theme and area",
      request: {
        query: z.object({
          from: z.string().openapi({ example: "2025-04-01" }),
          to: z.string().openapi({ example: "2026-03-31" }),
        }),
      },
      responses: { 200: json(reportSchema, "The report"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "volunteering", "read");
      return c.json(
        await volunteeringReport(c.get("services").database.db, actor, c.req.valid("query")),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/volunteering/export/vds",
      tags,
      summary: "Roles, sessions and hours in the shape of the UK Volunteering Data Standard",
      responses: {
        200: json(
          z
            .object({ "@context": z.array(z.unknown()), conformsTo: z.string(), graph: z.array(z.unknown()) })
            .passthrough(),
          "The export (see docs/volunteering-vds.md)",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "volunteering", "read");
      const db = c.get("services").database.db;
      return c.json(
        await vdsExportFor(
          db,
          actor,
          c.get("now"),
          await partnerDirectory(db, actor.organisationId),
          c.get("services").config.publicUrl,
        ),
        200,
      );
    },
  );
  return api;
}
