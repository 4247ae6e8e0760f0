import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, idParam, readRoute } from "../../platform/http/command-route.ts";
import { csvUploadRoute } from "../../platform/http/csv-upload-route.ts";
import { isRealDate } from "../../platform/http/fields.ts";
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

type PeriodScope = { from: string; to: string; themeCode: string | null; laCode: string | null };

export function impactApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  // The three period reports share one query (period, theme, area) and one shape of route.
  const periodReport = (
    path: string,
    summary: string,
    schema: z.ZodType,
    description: string,
    compute: (db: Db, actor: Actor, scope: PeriodScope) => Promise<unknown>,
  ) =>
    readRoute(api, {
      path,
      tag: "Impact",
      area: "impact",
      summary,
      query: periodQuery,
      answer: { schema, description },
      run: ({ db, actor, query: q }) =>
        compute(db, actor, { from: q.from, to: q.to, themeCode: q.theme ?? null, laCode: q.area ?? null }),
    });
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
  commandRoute(api, {
    method: "post",
    path: "/impact/outcomes",
    tag: "Impact",
    area: "impact",
    summary:
      "Push outcomes from another system: one outcome, or { outcomes: [...] } (each checked against the value bank; all or nothing)",
    input: {
      name: "OutcomeInput",
      schema: z.union([outcomeInput, z.object({ outcomes: z.array(outcomeInput).max(1000) })]),
      description: "One outcome, or { outcomes: [...] } of up to 1,000",
    },
    answer: { status: 201, schema: z.object({ ids: z.array(z.string()) }), description: "Recorded" },
    run: async ({ db, actor, now, body }) => ({ ids: await recordOutcomes(db, actor, now, body) }),
  });
  readRoute(api, {
    path: "/impact/value-bank",
    tag: "Impact",
    area: "impact",
    summary: "The value bank in use, with its source",
    answer: { schema: anyObject, description: "Value bank" },
    run: async ({ db, actor }) => {
      const active = await getActiveValueBank(db, actor);
      return active
        ? {
            bank: active.bank,
            categories: active.categories,
            outcomes: [...active.rules.outcomes.values()],
            exclusions: [...active.rules.exclusions].filter((key) => key.split("|")[0] < key.split("|")[1]),
          }
        : { bank: null };
    },
  });
  csvUploadRoute(api, {
    path: "/impact/value-bank",
    tag: "Impact",
    area: "impact",
    summary: "Import a value bank CSV (docs/impact-value-bank.md) and make it the one in use; all or nothing",
    query: z.object({
      name: z.string().min(1).max(200),
      source: z.string().min(1).max(500),
      licence: z.string().min(1).max(500),
      priceYear: z.coerce.number().int().min(1990).max(2100),
    }),
    answer: { schema: z.object({ id: z.string(), outcomes: z.number() }), description: "Imported" },
    run: ({ db, actor, now, csv, query }) => importValueBank(db, actor, now, csv, query),
  });
  return api;
}

/** One pushed outcome or a batch, recorded all or nothing; a batch's problem names the outcome that failed. */
async function recordOutcomes(db: Db, actor: Actor, now: Date, body: unknown): Promise<string[]> {
  const batch = body as { outcomes?: unknown } | null;
  const list = Array.isArray(batch?.outcomes) ? (batch.outcomes as OutcomeInput[]) : [body as OutcomeInput];
  if (list.length > 1000)
    throw invalid("Send at most 1,000 outcomes at once.", { outcomes: "Too many outcomes in one request" });
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const [index, outcome] of list.entries()) {
      try {
        ids.push((await recordOutcome(tx, actor, now, outcome, { claimCheck: valueBankClaimCheck })).id);
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
    return ids;
  });
}
