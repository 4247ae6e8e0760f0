import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import {
  type CommandRoute,
  commandRoute,
  createdAnswer,
  idParam,
  readRoute,
} from "../../platform/http/command-route.ts";
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

// Command routes go through the platform's commandRoute: bodies are validated by the commands (one set
// of rules and messages for pages, API and CLI), and the OpenAPI document describes their fields.

export function investmentApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  const tag = "Community investment";
  const anyObject = z.record(z.string(), z.unknown());
  readRoute(api, {
    path: "/investment/projects",
    tag,
    area: "investment",
    summary: "The project portfolio with counts by stage",
    query: z.object({ stage: z.enum(stages).optional(), theme: z.string().max(40).optional() }),
    answer: {
      schema: z.object({ stageCounts: z.record(z.string(), z.number()), projects: z.array(anyObject) }),
      description: "Projects",
    },
    run: ({ db, actor, query }) => listProjects(db, actor, { stage: query.stage, themeCode: query.theme }),
  });
  readRoute(api, {
    path: "/investment/projects/{id}",
    tag,
    area: "investment",
    summary: "One project with its theory of change, budget, steering group and latest sessions",
    params: idParam,
    answer: { schema: anyObject, description: "Project" },
    run: ({ db, actor, params }) => getProject(db, actor, params.id),
  });
  const command = (route: Omit<CommandRoute, "tag" | "area" | "method">) =>
    commandRoute(api, { method: "post", tag, area: "investment", ...route });
  command({
    path: "/investment/projects",
    summary:
      "Add a project or service (themes, areas, LIFE answers, theory of change or template, funding, steering group)",
    input: { name: "ProjectInput", schema: projectInput, description: "See docs/impact.md" },
    answer: createdAnswer,
    run: ({ db, actor, now, body }) => createProject(db, actor, now, body as ProjectInput),
  });
  command({
    path: "/investment/participants",
    summary:
      "Register a participant (from a person id, or an external reference from another system); repeats return the same id",
    input: {
      name: "ParticipantInput",
      schema: participantInput,
      description: "personId, or externalRef with displayName, dateOfBirth, tenant, laCode, communities",
    },
    answer: {
      status: 200,
      schema: z.object({ id: z.string(), created: z.boolean() }),
      description: "Registered",
    },
    run: ({ db, actor, now, body }) => registerParticipant(db, actor, now, body as ParticipantInput),
  });
  command({
    path: "/investment/sessions",
    summary: "Record a session",
    input: {
      name: "SessionInput",
      schema: sessionInput,
      description: "projectId, title, heldOn, durationMinutes, depth, laCode, lsoa21Code",
    },
    answer: createdAnswer,
    run: ({ db, actor, now, body }) => recordSession(db, actor, now, body as SessionInput),
  });
  command({
    path: "/investment/sessions/{id}/attendance",
    summary: "Push attendance for a session in bulk (up to 5,000 rows, all or nothing)",
    params: idParam,
    input: {
      name: "AttendanceInput",
      schema: attendanceInput,
      description: "{ attendees: [{ participantId, role, minutes }] }",
    },
    answer: { status: 200, schema: z.object({ recorded: z.number() }), description: "Recorded" },
    run: ({ db, actor, now, params, body }) =>
      recordAttendance(db, actor, now, String(params.id), body as AttendanceInput),
  });
  command({
    path: "/investment/outcomes/{id}/follow-ups/{months}",
    summary:
      "Record a 6- or 12-month follow-up of an outcome (completedOn, sustained, distanceRating, wellbeingScore)",
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" } }),
      months: z.coerce
        .number()
        .int()
        .openapi({ param: { name: "months", in: "path" } }),
    }),
    input: {
      name: "FollowUpInput",
      schema: followUpInput,
      description: "{ completedOn, sustained, distanceRating?, wellbeingScore? }",
    },
    answer: { status: 204, description: "Recorded" },
    run: ({ db, actor, now, params, body }) =>
      completeFollowUp(db, actor, now, String(params.id), Number(params.months), body as never),
  });
  readRoute(api, {
    path: "/investment/strategy",
    tag,
    area: "investment",
    summary:
      "Themes, intended outcomes, the options map of indicators with baselines and targets, and theory-of-change templates",
    answer: { schema: anyObject, description: "Strategy" },
    run: async ({ db, actor }) => {
      const [themes, templates] = await Promise.all([getStrategy(db, actor), listChangeTemplates(db, actor)]);
      return { themes, templates };
    },
  });
  const strategyPost = (
    path: string,
    summary: string,
    name: string,
    schema: z.ZodType,
    run: (db: Db, actor: Actor, now: Date, input: never) => Promise<{ id: string }>,
  ) =>
    command({
      path,
      summary,
      input: { name, schema, description: "See docs/impact.md" },
      answer: createdAnswer,
      run: ({ db, actor, now, body }) => run(db, actor, now, body as never),
    });
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
    schema: z.ZodType,
    run: (db: Db, actor: Actor, now: Date, projectId: string, input: unknown) => Promise<{ id: string }>,
  ) =>
    command({
      path,
      summary,
      params: idParam,
      input: { name, schema, description: "See docs/impact.md" },
      answer: createdAnswer,
      run: ({ db, actor, now, params, body }) => run(db, actor, now, String(params.id), body),
    });
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
  command({
    path: "/investment/projects/{id}/stage",
    summary: "Move a project to another stage (idea, pipeline, active, closed)",
    params: idParam,
    input: { name: "StageInput", schema: stageInput, description: "{ stage }" },
    answer: { status: 204, description: "Moved" },
    run: ({ db, actor, now, params, body }) =>
      moveProjectStage(db, actor, now, String(params.id), body as { stage: string }),
  });
  addEditRoutes(api);
  return api;
}
