import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { readRoute } from "../../platform/http/command-route.ts";
import { area, caseHeading, idParam, tag } from "./api-schemas.ts";
import { shareableParts } from "./domain/sharing.ts";
import { getSharedCase, listSharedCases } from "./queries/shared-cases.ts";

// Partner agencies through the API: the cases shared with their organisation, and one case showing
// only its shared parts. The same query as the pages, so the same 404s and audit entries.

const sharedCaseSummary = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    category: z.string(),
    status: z.string(),
    sharedAt: z.string(),
    lawfulBasis: z.string(),
  })
  .openapi("SharedCaseSummary");

// Optional members are absent, not null, when their part is not shared.
const sharedCase = caseHeading
  .extend({
    parts: z.array(z.enum(shareableParts)),
    shares: z.array(
      z.object({
        agencyName: z.string(),
        lawfulBasis: z.string(),
        purpose: z.string(),
        sharedAt: z.string(),
        expiresOn: z.string().nullable(),
      }),
    ),
    summary: z.string().nullable().optional(),
    nextStep: z.string().nullable().optional(),
    hateStrand: z.string().nullable().optional(),
    safeguardingFlags: z.array(z.string()).optional(),
    parties: z
      .array(
        z.object({
          role: z.string(),
          name: z.string().optional(),
          address: z.string().nullable().optional(),
          contact: z.string().nullable().optional(),
          dateOfBirth: z.string().nullable().optional(),
          vulnerable: z.boolean().optional(),
          vulnerabilityNote: z.string().nullable().optional(),
        }),
      )
      .optional(),
    risk: z.array(z.object({ assessedAt: z.string(), band: z.string(), score: z.number() })).optional(),
    actions: z
      .array(
        z.object({
          type: z.string(),
          startedOn: z.string(),
          dueOn: z.string().nullable(),
          status: z.string(),
        }),
      )
      .optional(),
    timeline: z
      .array(z.object({ at: z.string(), kind: z.string(), title: z.string(), body: z.string().nullable() }))
      .optional(),
  })
  .openapi("SharedCase");

export function sharedCasesApi(api: OpenAPIHono<AppEnv>): void {
  readRoute(api, {
    path: "/safety/shared-cases",
    tag,
    area,
    summary: "Cases currently shared with the signed-in partner agency user's organisation",
    answer: { schema: z.object({ items: z.array(sharedCaseSummary) }), description: "Shared cases" },
    run: async ({ db, actor, now }) => ({
      items: (await listSharedCases(db, actor, now)).map((item) => ({
        ...item,
        sharedAt: item.sharedAt.toISOString(),
      })),
    }),
  });

  readRoute(api, {
    path: "/safety/shared-cases/{id}",
    tag,
    area,
    summary: "One shared case: only the parts shared with your agency (audited read)",
    params: idParam,
    answer: { schema: sharedCase, description: "The shared case" },
    run: async ({ db, actor, now, params }) => {
      const view = await getSharedCase(db, actor, now, params.id);
      return sharedCase.parse({
        ...view,
        shares: view.shares.map((s) => ({ ...s, sharedAt: s.sharedAt.toISOString() })),
        risk: view.risk?.map((r) => ({ ...r, assessedAt: r.assessedAt.toISOString() })),
        timeline: view.timeline?.map((e) => ({ ...e, at: e.at.toISOString() })),
      });
    },
  });
}
