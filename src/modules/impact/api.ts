import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, idParam, readJsonBody } from "../../platform/http/command-route.ts";
import { isRealDate } from "../../platform/http/fields.ts";
import { commandBody, problemResponses, requireApiActor, scopeFirst } from "../../platform/http/openapi.ts";
import { invalid } from "../../platform/http/problem.ts";
import { type OutcomeInput, outcomeInput, recordOutcome } from "../investment/index.ts";
import { valueBankClaimCheck } from "./claim-check.ts";
import { importValueBank } from "./commands/import-value-bank.ts";
import {
  type DirectoryListingInput,
  directoryListingInput,
  setDirectoryListing,
} from "./openreferral/commands/set-directory-listing.ts";
import { computeDashboard } from "./queries/dashboard.ts";
import { computeSocialValue, computeSroi } from "./queries/social-value.ts";
import { getActiveValueBank } from "./queries/value-bank.ts";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const anyObject = z.record(z.string(), z.unknown());
const date = (what: string) =>
  z.string().refine(isRealDate, { error: `Give ${what} as a real date, like 2026-04-01` });
const periodQuery = z
  .object({
    from: date("from"),
    to: date("to"),
    theme: z.string().max(40).optional(),
    area: z
      .string()
      .regex(/^E0[6-9]\d{6}$/, { error: "area must be a local authority code like E06000035" })
      .optional(),
  })
  .refine((q) => q.from <= q.to, { error: "to must be on or after from", path: ["to"] });

export function impactApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  type PeriodScope = { from: string; to: string; themeCode: string | null; laCode: string | null };
  // The three period reports share one query (period, theme, area) and one shape of route.
  const periodReport = (
    path: string,
    summary: string,
    response: z.ZodType,
    description: string,
    compute: (db: Db, actor: Actor, scope: PeriodScope) => Promise<unknown>,
  ) =>
    api.openapi(
      createRoute({
        method: "get",
        path,
        middleware: scopeFirst("impact", "read"),
        tags: ["Impact"],
        summary,
        request: { query: periodQuery },
        responses: { 200: json(response, description), ...problemResponses },
      }),
      async (c) => {
        const actor = requireApiActor(c, "impact", "read");
        const q = c.req.valid("query");
        const scope = { from: q.from, to: q.to, themeCode: q.theme ?? null, laCode: q.area ?? null };
        return c.json(
          (await compute(c.get("services").database.db, actor, scope)) as Record<string, unknown>,
          200,
        );
      },
    );
  periodReport(
    "/impact/dashboard",
    "Every indicator of the community investment dashboard for a period",
    anyObject.openapi("Dashboard"),
    "Dashboard",
    computeDashboard,
  );
  periodReport(
    "/impact/social-value",
    "Social value for a period, line by line (HACT method), with the value bank's source",
    anyObject,
    "Social value",
    computeSocialValue,
  );
  periodReport(
    "/impact/sroi",
    "SROI per project and overall (Cabinet Office guide; 3.5% discounting)",
    anyObject,
    "SROI",
    computeSroi,
  );
  commandRoute(api, {
    method: "put",
    path: "/impact/directory-listings/{id}",
    tag: "Impact",
    area: "impact",
    summary:
      "Set a service's Open Referral listing: its ages and weekly times (replaces the listing; {id} is the project)",
    params: idParam,
    input: {
      name: "DirectoryListingInput",
      schema: directoryListingInput,
      description: "minimumAge, maximumAge, schedules: [{ days: [MO…SU], opensAt, closesAt, description }]",
    },
    answer: { status: 204, description: "Listing set" },
    run: ({ db, actor, now, params, body }) =>
      setDirectoryListing(db, actor, now, String(params.id), body as DirectoryListingInput),
  });
  api.openapi(
    createRoute({
      method: "post",
      path: "/impact/outcomes",
      tags: ["Impact"],
      summary:
        "Push outcomes from another system: one outcome, or { outcomes: [...] } (each checked against the value bank; all or nothing)",
      request: {
        body: commandBody(
          "OutcomeInput",
          z.union([outcomeInput, z.object({ outcomes: z.array(outcomeInput).max(1000) })]),
          "One outcome, or { outcomes: [...] } of up to 1,000",
        ),
      },
      responses: { 201: json(z.object({ ids: z.array(z.string()) }), "Recorded"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "impact", "write");
      const body = (await readJsonBody(c)) as { outcomes?: unknown };
      const list = Array.isArray(body?.outcomes) ? (body.outcomes as OutcomeInput[]) : [body as OutcomeInput];
      if (list.length > 1000)
        throw invalid("Send at most 1,000 outcomes at once.", {
          outcomes: "Too many outcomes in one request",
        });
      const database = c.get("services").database.db;
      const ids = await database.transaction(async (tx) => {
        const out: string[] = [];
        for (const [index, outcome] of list.entries()) {
          try {
            out.push(
              (await recordOutcome(tx, actor, c.get("now"), outcome, { claimCheck: valueBankClaimCheck })).id,
            );
          } catch (error) {
            // Name the outcome in the batch that failed, so the sender can fix it.
            if (error instanceof Error && "fieldErrors" in error && list.length > 1) {
              const problem = error as Error & { detail: string; fieldErrors?: Record<string, string> };
              throw invalid(
                `Outcome ${index + 1}: ${problem.detail} Nothing was saved.`,
                Object.fromEntries(
                  Object.entries(problem.fieldErrors ?? {}).map(([k, v]) => [`outcomes.${index}.${k}`, v]),
                ),
              );
            }
            throw error;
          }
        }
        return out;
      });
      return c.json({ ids }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/impact/value-bank",
      tags: ["Impact"],
      summary: "The value bank in use, with its source",
      responses: { 200: json(anyObject, "Value bank"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "impact", "read");
      const active = await getActiveValueBank(c.get("services").database.db, actor);
      return c.json(
        active
          ? {
              bank: active.bank,
              categories: active.categories,
              outcomes: [...active.rules.outcomes.values()],
              exclusions: [...active.rules.exclusions].filter((key) => key.split("|")[0] < key.split("|")[1]),
            }
          : { bank: null },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/impact/value-bank",
      tags: ["Impact"],
      summary:
        "Import a value bank CSV (docs/impact-value-bank.md) and make it the one in use; all or nothing",
      request: {
        query: z.object({
          name: z.string().min(1).max(200),
          source: z.string().min(1).max(500),
          licence: z.string().min(1).max(500),
          priceYear: z.coerce.number().int().min(1990).max(2100),
        }),
        body: { required: true, content: { "text/csv": { schema: z.string() } } },
      },
      responses: {
        201: json(z.object({ id: z.string(), outcomes: z.number() }), "Imported"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "impact", "write");
      return c.json(
        await importValueBank(
          c.get("services").database.db,
          actor,
          c.get("now"),
          await c.req.text(),
          c.req.valid("query"),
        ),
        201,
      );
    },
  );
  return api;
}
