import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, readRoute } from "../../platform/http/command-route.ts";
import { pageQuery } from "../../platform/http/openapi.ts";
import { configApi } from "./api-config.ts";
import {
  area,
  caseBody,
  caseDetail,
  caseHeading,
  caseSummary,
  idParam,
  nm01Row,
  portalView,
  reportBody,
  tag,
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
  commandRoute(api, {
    method: "post",
    path: "/safety/reports",
    tag,
    area,
    summary: "Report a concern (partner agencies, tenants); it waits for triage",
    checkedBody: reportBody,
    bodyRequired: true,
    answer: {
      status: 201,
      schema: z.object({ id: z.uuid(), status: z.literal("pending") }),
      description: "Received",
    },
    run: async ({ db, actor, now, body }) => {
      const hateStrand = (body.hateStrand ?? null) as (typeof hateStrands)[number] | null;
      const created = await submitReport(db, actor, now, { ...body, hateStrand }, "api");
      return { id: created.id, status: "pending" as const };
    },
  });

  readRoute(api, {
    path: "/safety/cases",
    tag,
    area,
    summary: "List cases",
    query: pageQuery.extend({
      state: z.enum(["open", "closed", "all"]).optional(),
      workflow: z.string().max(30).optional(),
      category: z.string().max(40).optional(),
      hate: z.enum(["yes", "no"]).optional(),
      search: z.string().max(50).optional(),
    }),
    answer: {
      schema: z
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
      description: "Cases",
    },
    run: async ({ db, actor, query }) => {
      const result = await listCases(db, actor, {
        ...query,
        hate: query.hate === "yes",
        countLimit: caseCountLimit,
      });
      return {
        total: result.total,
        totalIsLowerBound: result.totalIsLowerBound,
        page: query.page,
        items: result.rows.map((r) => caseSummary.parse(r)),
      };
    },
  });

  commandRoute(api, {
    method: "post",
    path: "/safety/cases",
    tag,
    area,
    summary: "Open a case (officers)",
    checkedBody: caseBody,
    bodyRequired: true,
    answer: { status: 201, schema: caseSummary, description: "Opened" },
    run: async ({ db, actor, now, body }) =>
      caseSummary.parse(await openCase(db, actor, now, body as Parameters<typeof openCase>[3])),
  });

  readRoute(api, {
    path: "/safety/cases/{id}",
    tag,
    area,
    summary: "Get a case (audited read)",
    params: idParam,
    answer: { schema: caseDetail, description: "The case" },
    run: async ({ db, actor, now, params }) => {
      const file = await getCase(db, actor, now, params.id);
      return caseDetail.parse({
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
      });
    },
  });

  readRoute(api, {
    path: "/safety/nm01",
    tag,
    area,
    summary: "NM01 by local authority and in total",
    query: z.object({
      from: z.string().openapi({ example: "2025-04-01" }),
      to: z.string().openapi({ example: "2026-03-31" }),
    }),
    answer: {
      schema: z.object({
        from: z.string(),
        to: z.string(),
        areas: z.array(nm01Row),
        total: nm01Row.omit({ laCode: true, laName: true }),
      }),
      description: "NM01",
    },
    run: ({ db, actor, query }) => nm01(db, actor, query),
  });

  const portal = { tag: "Tenant portal", area: "portal" };
  readRoute(api, {
    ...portal,
    path: "/portal/cases",
    summary: "The signed-in complainant's cases and pending reports",
    answer: {
      schema: z.object({
        cases: z.array(caseHeading),
        pending: z.array(
          z.object({
            id: z.uuid(),
            category: z.string(),
            reportedOn: z.string(),
            receivedAt: z.string(),
          }),
        ),
      }),
      description: "Your cases",
    },
    run: async ({ db, actor }) => {
      const result = await portalCases(db, actor);
      return {
        cases: result.cases,
        pending: result.pending.map((p) => ({ ...p, receivedAt: p.receivedAt.toISOString() })),
      };
    },
  });

  readRoute(api, {
    ...portal,
    path: "/portal/cases/{id}",
    summary: "One of your cases, with other parties redacted",
    params: idParam,
    answer: { schema: portalView, description: "Your case" },
    run: async ({ db, actor, now, params }) => {
      const view = await portalCase(db, actor, now, params.id);
      return portalView.parse({
        ...view,
        nextStep: view.nextStep
          ? `${view.nextStep.text}${view.nextStep.dueOn ? `, by ${view.nextStep.dueOn}` : ""}`
          : null,
        updates: view.updates.map((u) => ({ ...u, at: u.at.toISOString() })),
        documents: view.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
      });
    },
  });

  configApi(api);
  sharedCasesApi(api);
  return api;
}
