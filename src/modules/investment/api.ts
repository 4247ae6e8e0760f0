import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandBody, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { readJsonBody } from "./api-body.ts";
import { addEditRoutes } from "./api-edits.ts";
import {
  addFunding,
  moveProjectStage,
  recordSpend,
  spendInput,
  stageInput,
} from "./commands/change-project.ts";
import { createProject } from "./commands/create-project.ts";
import { createChangeTemplate, createIndicator, createTheme } from "./commands/define-strategy.ts";
import { completeFollowUp, followUpInput } from "./commands/record-outcome.ts";
import { recordAttendance, recordSession } from "./commands/record-session.ts";
import { registerParticipant } from "./commands/register-participant.ts";
import {
  type AttendanceInput,
  attendanceInput,
  changeTemplateInput,
  fundingLineInput,
  indicatorInput,
  type ParticipantInput,
  type ProjectInput,
  participantInput,
  projectInput,
  type SessionInput,
  sessionInput,
  themeInput,
} from "./inputs.ts";
import { getProject, getStrategy, listChangeTemplates, listProjects } from "./queries/portfolio.ts";
import { stages } from "./schema.ts";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
// Bodies are validated by the commands (one set of rules and messages for pages, API and CLI);
// the OpenAPI document describes their fields from the same input schemas, and a 422 names each bad field.
const body = (name: string, input: z.ZodType, description: string) => ({
  body: commandBody(name, input, description),
});
const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const created = json(z.object({ id: z.string() }), "Created");

export function investmentApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  api.openapi(
    createRoute({
      method: "get",
      path: "/investment/projects",
      tags: ["Community investment"],
      summary: "The project portfolio with counts by stage",
      request: {
        query: z.object({ stage: z.enum(stages).optional(), theme: z.string().max(40).optional() }),
      },
      responses: {
        200: json(
          z.object({
            stageCounts: z.record(z.string(), z.number()),
            projects: z.array(z.record(z.string(), z.unknown())),
          }),
          "Projects",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "read");
      const q = c.req.valid("query");
      return c.json(
        await listProjects(c.get("services").database.db, actor, { stage: q.stage, themeCode: q.theme }),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/investment/projects/{id}",
      tags: ["Community investment"],
      summary: "One project with its theory of change, budget, steering group and latest sessions",
      request: { params: idParam },
      responses: { 200: json(z.record(z.string(), z.unknown()), "Project"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "read");
      return c.json(await getProject(c.get("services").database.db, actor, c.req.valid("param").id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/investment/projects",
      tags: ["Community investment"],
      summary:
        "Add a project or service (themes, areas, LIFE answers, theory of change or template, funding, steering group)",
      request: body("ProjectInput", projectInput, "See docs/impact.md"),
      responses: { 201: created, ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "write");
      return c.json(
        await createProject(
          c.get("services").database.db,
          actor,
          c.get("now"),
          (await readJsonBody(c)) as ProjectInput,
        ),
        201,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/investment/participants",
      tags: ["Community investment"],
      summary:
        "Register a participant (from a person id, or an external reference from another system); repeats return the same id",
      request: body(
        "ParticipantInput",
        participantInput,
        "personId, or externalRef with displayName, dateOfBirth, tenant, laCode, communities",
      ),
      responses: {
        200: json(z.object({ id: z.string(), created: z.boolean() }), "Registered"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "write");
      return c.json(
        await registerParticipant(
          c.get("services").database.db,
          actor,
          c.get("now"),
          (await readJsonBody(c)) as ParticipantInput,
        ),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/investment/sessions",
      tags: ["Community investment"],
      summary: "Record a session",
      request: body(
        "SessionInput",
        sessionInput,
        "projectId, title, heldOn, durationMinutes, depth, laCode, lsoa21Code",
      ),
      responses: { 201: created, ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "write");
      return c.json(
        await recordSession(
          c.get("services").database.db,
          actor,
          c.get("now"),
          (await readJsonBody(c)) as SessionInput,
        ),
        201,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/investment/sessions/{id}/attendance",
      tags: ["Community investment"],
      summary: "Push attendance for a session in bulk (up to 5,000 rows, all or nothing)",
      request: {
        params: idParam,
        ...body("AttendanceInput", attendanceInput, "{ attendees: [{ participantId, role, minutes }] }"),
      },
      responses: { 200: json(z.object({ recorded: z.number() }), "Recorded"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "write");
      return c.json(
        await recordAttendance(
          c.get("services").database.db,
          actor,
          c.get("now"),
          c.req.valid("param").id,
          (await readJsonBody(c)) as AttendanceInput,
        ),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/investment/outcomes/{id}/follow-ups/{months}",
      tags: ["Community investment"],
      summary:
        "Record a 6- or 12-month follow-up of an outcome (completedOn, sustained, distanceRating, wellbeingScore)",
      request: {
        params: z.object({
          id: z.string().openapi({ param: { name: "id", in: "path" } }),
          months: z.coerce
            .number()
            .int()
            .openapi({ param: { name: "months", in: "path" } }),
        }),
        ...body(
          "FollowUpInput",
          followUpInput,
          "{ completedOn, sustained, distanceRating?, wellbeingScore? }",
        ),
      },
      responses: { 204: { description: "Recorded" }, ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "write");
      const { id, months } = c.req.valid("param");
      await completeFollowUp(
        c.get("services").database.db,
        actor,
        c.get("now"),
        id,
        months,
        await readJsonBody(c),
      );
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/investment/strategy",
      tags: ["Community investment"],
      summary:
        "Themes, intended outcomes, the options map of indicators with baselines and targets, and theory-of-change templates",
      responses: { 200: json(z.record(z.string(), z.unknown()), "Strategy"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "read");
      const db = c.get("services").database.db;
      const [themes, templates] = await Promise.all([getStrategy(db, actor), listChangeTemplates(db, actor)]);
      return c.json({ themes, templates }, 200);
    },
  );
  const strategyPost = (
    path: string,
    summary: string,
    name: string,
    input: z.ZodType,
    run: (db: Db, actor: Actor, now: Date, input: never) => Promise<{ id: string }>,
  ) =>
    api.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["Community investment"],
        summary,
        request: body(name, input, "See docs/impact.md"),
        responses: { 201: created, ...problemResponses },
      }),
      async (c) => {
        const actor = requireApiActor(c, "investment", "write");
        return c.json(
          await run(c.get("services").database.db, actor, c.get("now"), (await readJsonBody(c)) as never),
          201,
        );
      },
    );
  strategyPost(
    "/investment/themes",
    "Add a theme with its intended outcomes (managers)",
    "ThemeInput",
    themeInput,
    createTheme,
  );
  strategyPost(
    "/investment/indicators",
    "Add an indicator to the options map with baselines and targets per period (managers)",
    "IndicatorInput",
    indicatorInput,
    createIndicator,
  );
  strategyPost(
    "/investment/change-templates",
    "Add a theory-of-change template that projects can use (managers)",
    "ChangeTemplateInput",
    changeTemplateInput,
    createChangeTemplate,
  );
  const projectPost = (
    path: string,
    summary: string,
    name: string,
    input: z.ZodType,
    run: (db: Db, actor: Actor, now: Date, projectId: string, input: unknown) => Promise<{ id: string }>,
  ) =>
    api.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["Community investment"],
        summary,
        request: { params: idParam, ...body(name, input, "See docs/impact.md") },
        responses: { 201: created, ...problemResponses },
      }),
      async (c) => {
        const actor = requireApiActor(c, "investment", "write");
        return c.json(
          await run(
            c.get("services").database.db,
            actor,
            c.get("now"),
            c.req.valid("param").id,
            await readJsonBody(c),
          ),
          201,
        );
      },
    );
  projectPost(
    "/investment/projects/{id}/funding",
    "Add a funding line (source, kind internal|external, amountPence, year, secured)",
    "FundingInput",
    fundingLineInput,
    addFunding,
  );
  projectPost(
    "/investment/projects/{id}/spend",
    "Record money spent (spentOn, amountPence, description)",
    "SpendInput",
    spendInput,
    recordSpend,
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/investment/projects/{id}/stage",
      tags: ["Community investment"],
      summary: "Move a project to another stage (idea, pipeline, active, closed)",
      request: { params: idParam, ...body("StageInput", stageInput, "{ stage }") },
      responses: { 204: { description: "Moved" }, ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "investment", "write");
      await moveProjectStage(
        c.get("services").database.db,
        actor,
        c.get("now"),
        c.req.valid("param").id,
        (await readJsonBody(c)) as { stage: string },
      );
      return c.body(null, 204);
    },
  );
  addEditRoutes(api);
  return api;
}
