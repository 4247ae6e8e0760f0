import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { pageQuery, problemResponses, requireApiActor, scopeFirst } from "../../platform/http/openapi.ts";
import { configApi } from "./api-config.ts";
import {
  caseBody,
  caseDetail,
  caseSummary,
  idParam,
  json,
  nm01Row,
  portalView,
  reportBody,
} from "./api-schemas.ts";
import { sharedCasesApi } from "./api-shared-cases.ts";
import { openCase } from "./commands/open-case.ts";
import { submitReport } from "./commands/submit-report.ts";
import type { hateStrands } from "./domain/categories.ts";
import { getCase } from "./queries/get-case.ts";
import { caseCountLimit, listCases } from "./queries/list-cases.ts";
import { nm01 } from "./queries/nm01.ts";
import { portalCase, portalCases } from "./queries/portal.ts";

export function safetyApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  const db = (c: { get: (key: "services") => AppEnv["Variables"]["services"] }) =>
    c.get("services").database.db;

  api.openapi(
    createRoute({
      method: "post",
      path: "/safety/reports",
      tags: ["Community safety"],
      summary: "Report a concern (partner agencies, tenants); it waits for triage",
      request: { body: { content: { "application/json": { schema: reportBody } }, required: true } },
      responses: {
        201: json(z.object({ id: z.uuid(), status: z.literal("pending") }), "Received"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "write");
      const body = c.req.valid("json");
      const created = await submitReport(
        db(c),
        actor,
        c.get("now"),
        { ...body, hateStrand: (body.hateStrand ?? null) as (typeof hateStrands)[number] | null },
        "api",
      );
      return c.json({ id: created.id, status: "pending" as const }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/safety/cases",
      tags: ["Community safety"],
      summary: "List cases",
      request: {
        query: pageQuery.extend({
          state: z.enum(["open", "closed", "all"]).optional(),
          workflow: z.string().max(30).optional(),
          category: z.string().max(40).optional(),
          hate: z.enum(["yes", "no"]).optional(),
          search: z.string().max(50).optional(),
        }),
      },
      responses: {
        200: json(
          z
            .object({
              total: z
                .number()
                .int()
                .openapi({
                  description: `Matching cases, counted up to ${caseCountLimit}: when totalIsLowerBound is true, more than this many match`,
                }),
              totalIsLowerBound: z.boolean().openapi({
                description: `True when more than ${caseCountLimit} cases match and total is that limit, not an exact count (counting every match is slow at a million cases; page through instead)`,
              }),
              page: z.number(),
              items: z.array(caseSummary),
            })
            .openapi("CaseList"),
          "Cases",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "read");
      const q = c.req.valid("query");
      const result = await listCases(db(c), actor, {
        ...q,
        hate: q.hate === "yes",
        countLimit: caseCountLimit,
      });
      return c.json(
        {
          total: result.total,
          totalIsLowerBound: result.totalIsLowerBound,
          page: q.page,
          items: result.rows.map((r) => caseSummary.parse(r)),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/safety/cases",
      tags: ["Community safety"],
      summary: "Open a case (officers)",
      request: { body: { content: { "application/json": { schema: caseBody } }, required: true } },
      responses: { 201: json(caseSummary, "Opened"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "write");
      const created = await openCase(
        db(c),
        actor,
        c.get("now"),
        c.req.valid("json") as Parameters<typeof openCase>[3],
      );
      return c.json(caseSummary.parse(created), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/safety/cases/{id}",
      tags: ["Community safety"],
      summary: "Get a case (audited read)",
      request: { params: idParam },
      responses: { 200: json(caseDetail, "The case"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "read");
      const file = await getCase(db(c), actor, c.get("now"), c.req.valid("param").id);
      return c.json(
        caseDetail.parse({
          ...file.record,
          parties: file.parties.map((p) => ({
            id: p.id,
            role: p.role,
            name: p.displayName,
            repeatVictim: p.repeatVictim,
            repeatPerpetrator: p.repeatPerpetrator,
            vulnerable: p.vulnerable,
          })),
          reports: file.reports.map((r) => ({ id: r.id, reportedOn: r.reportedOn, source: r.source })),
          riskBand: file.assessments.at(-1)?.band ?? null,
          actions: file.actions.map((a) => ({
            id: a.id,
            actionType: a.actionType,
            status: a.status,
            startedOn: a.startedOn,
            dueOn: a.dueOn,
          })),
          communityTrigger: {
            met: file.trigger.met,
            qualifyingReports: file.trigger.qualifyingReports,
            threshold: file.trigger.threshold,
          },
        }),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/safety/nm01",
      middleware: scopeFirst("safety", "read"),
      tags: ["Community safety"],
      summary: "NM01 by local authority and in total",
      request: {
        query: z.object({
          from: z.string().openapi({ example: "2025-04-01" }),
          to: z.string().openapi({ example: "2026-03-31" }),
        }),
      },
      responses: {
        200: json(
          z.object({
            from: z.string(),
            to: z.string(),
            areas: z.array(nm01Row),
            total: nm01Row.omit({ laCode: true, laName: true }),
          }),
          "NM01",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "safety", "read");
      return c.json(await nm01(db(c), actor, c.req.valid("query")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/portal/cases",
      tags: ["Tenant portal"],
      summary: "The signed-in complainant's cases and pending reports",
      responses: {
        200: json(
          z.object({
            cases: z.array(
              z.object({
                id: z.uuid(),
                reference: z.string(),
                category: z.string(),
                status: z.string(),
                openedOn: z.string(),
                closedOn: z.string().nullable(),
              }),
            ),
            pending: z.array(
              z.object({
                id: z.uuid(),
                category: z.string(),
                reportedOn: z.string(),
                receivedAt: z.string(),
              }),
            ),
          }),
          "Your cases",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "portal", "read");
      const result = await portalCases(db(c), actor);
      return c.json(
        {
          cases: result.cases,
          pending: result.pending.map((p) => ({ ...p, receivedAt: p.receivedAt.toISOString() })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/portal/cases/{id}",
      tags: ["Tenant portal"],
      summary: "One of your cases, with other parties redacted",
      request: { params: idParam },
      responses: { 200: json(portalView, "Your case"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "portal", "read");
      const view = await portalCase(db(c), actor, c.get("now"), c.req.valid("param").id);
      return c.json(
        portalView.parse({
          ...view,
          nextStep: view.nextStep
            ? `${view.nextStep.text}${view.nextStep.dueOn ? `, by ${view.nextStep.dueOn}` : ""}`
            : null,
          updates: view.updates.map((u) => ({ ...u, at: u.at.toISOString() })),
          documents: view.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
        }),
        200,
      );
    },
  );

  configApi(api);
  sharedCasesApi(api);
  return api;
}
