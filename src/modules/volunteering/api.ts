import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, idParam, readRoute } from "../../platform/http/command-route.ts";
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

const tag = "Volunteering";
const area = "volunteering";
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

  readRoute(api, {
    path: "/volunteering/opportunities",
    tag,
    area,
    summary: "Volunteering roles (a partner sees only its own)",
    query: z.object({ status: z.enum(["submitted", "approved", "rejected", "closed"]).optional() }),
    answer: { schema: z.object({ opportunities: z.array(opportunitySchema) }), description: "Roles" },
    run: async ({ db, actor, query }) => ({
      opportunities: (await listOpportunities(db, actor, query.status)).map(pick),
    }),
  });

  commandRoute(api, {
    method: "post",
    path: "/volunteering/opportunities",
    tag,
    area,
    summary: "Post a role for approval",
    input: { name: "VolunteeringOpportunityInput", schema: opportunityInput },
    answer: { status: 201, schema: opportunitySchema, description: "The role, waiting for approval" },
    run: async ({ db, actor, now, body }) => pick(await postOpportunity(db, actor, now, body)),
  });

  commandRoute(api, {
    method: "post",
    path: "/volunteering/opportunities/{id}/decision",
    tag,
    area,
    summary: "Approve, reject or close a role",
    params: idParam,
    checkedBody: z.object({
      decision: z.enum(["approve", "reject", "close"]),
      reason: z.string().max(2000).optional(),
    }),
    answer: { status: 200, schema: opportunitySchema, description: "The role" },
    run: async ({ db, actor, now, params, body }) =>
      pick(await decideOpportunity(db, actor, now, params.id, body.decision, body.reason)),
  });

  commandRoute(api, {
    method: "post",
    path: "/volunteering/hours",
    tag,
    area,
    summary: "Log your own hours (the signed-in volunteer)",
    checkedBody: z.object({
      opportunityId: z.string(),
      workedOn: z.string(),
      hours: z.union([z.string(), z.number()]),
      note: z.string().optional(),
    }),
    answer: {
      status: 201,
      schema: z.object({ id: z.string(), status: z.string(), minutes: z.number().int() }),
      description: "Hours waiting for verification",
    },
    run: async ({ db, actor, now, body }) => {
      const logged = await logOwnHours(db, actor, now, { ...body, minutes: body.hours });
      return { id: logged.id, status: logged.status, minutes: logged.minutes };
    },
  });

  commandRoute(api, {
    method: "post",
    path: "/volunteering/hours/review",
    tag,
    area,
    summary: "Verify hours, or send them back with a reason",
    checkedBody: z.object({
      ids: z.array(z.string()).min(1).max(500),
      decision: z.enum(["verify", "dispute"]),
      reason: z.string().max(2000).optional(),
    }),
    answer: {
      status: 200,
      schema: z.object({ reviewed: z.number().int() }),
      description: "How many entries were reviewed",
    },
    run: async ({ db, actor, now, body }) => ({
      reviewed: await reviewHours(db, actor, now, body.ids, body.decision, body.reason),
    }),
  });

  readRoute(api, {
    path: "/volunteering/report",
    tag,
    area,
    summary: "Verified hours, value and active volunteers by theme and area",
    query: z.object({
      from: z.string().openapi({ example: "2025-04-01" }),
      to: z.string().openapi({ example: "2026-03-31" }),
    }),
    answer: { schema: reportSchema, description: "The report" },
    run: ({ db, actor, query }) => volunteeringReport(db, actor, query),
  });

  readRoute(api, {
    path: "/volunteering/export/vds",
    tag,
    area,
    summary: "Roles, sessions and hours in the shape of the UK Volunteering Data Standard",
    answer: {
      schema: z
        .object({ "@context": z.array(z.unknown()), conformsTo: z.string(), graph: z.array(z.unknown()) })
        .passthrough(),
      description: "The export (see docs/volunteering-vds.md)",
    },
    run: async ({ db, actor, now, publicUrl }) =>
      vdsExportFor(db, actor, now, await partnerDirectory(db, actor.organisationId), publicUrl),
  });
  return api;
}
