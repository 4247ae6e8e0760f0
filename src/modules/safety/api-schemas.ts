import { z } from "@hono/zod-openapi";
import { hateStrands, locationTypes, partyRoles } from "./domain/categories.ts";

// Request and response shapes of the safety API (OpenAPI components).

export { idParam } from "../../platform/http/command-route.ts";
/** Every safety route's document tag and token scope area. */
export const tag = "Community safety";
export const area = "safety";

export const caseSummary = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    workflow: z.string(),
    category: z.string(),
    status: z.string(),
    hateStrand: z.string().nullable(),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    laCode: z.string().nullable(),
  })
  .openapi("SafetyCaseSummary");
export const caseDetail = caseSummary
  .extend({
    nsirType: z.string(),
    summary: z.string().nullable(),
    parties: z.array(
      z.object({
        id: z.uuid(),
        role: z.string(),
        name: z.string(),
        repeatVictim: z.boolean(),
        repeatPerpetrator: z.boolean(),
        vulnerable: z.boolean(),
      }),
    ),
    reports: z.array(z.object({ id: z.uuid(), reportedOn: z.string(), source: z.string() })),
    riskBand: z.string().nullable(),
    actions: z.array(
      z.object({
        id: z.uuid(),
        actionType: z.string(),
        status: z.string(),
        startedOn: z.string(),
        dueOn: z.string().nullable(),
      }),
    ),
    communityTrigger: z.object({ met: z.boolean(), qualifyingReports: z.number(), threshold: z.number() }),
  })
  .openapi("SafetyCase");
export const reportBody = z
  .object({
    category: z.string().openapi({
      description:
        "A category code in use by the organisation (GET /safety/categories); defaults include noise, harassment",
      example: "noise",
    }),
    hateStrand: z
      .string()
      .nullable()
      .optional()
      .openapi({ enum: [...hateStrands] }),
    description: z.string(),
    happenedOn: z.string().openapi({ example: "2026-06-01" }),
    homeId: z.string().nullable().optional(),
    locationDescription: z.string().nullable().optional(),
    reporterName: z.string().nullable().optional(),
    reporterContact: z.string().nullable().optional(),
  })
  .openapi("SafetyReportInput");
export const caseBody = z
  .object({
    category: z.string(),
    hateStrand: z.string().nullable().optional(),
    locationType: z.string().openapi({ enum: [...locationTypes] }),
    homeId: z.string().nullable().optional(),
    blockName: z.string().nullable().optional(),
    locationDescription: z.string().nullable().optional(),
    laCode: z.string().nullable().optional(),
    summary: z.string(),
    openedOn: z.string(),
    parties: z.array(
      z.object({
        role: z.string().openapi({ enum: [...partyRoles] }),
        name: z.string(),
        personId: z.string().nullable().optional(),
        externalRef: z.string().nullable().optional(),
        contact: z.string().nullable().optional(),
        vulnerable: z.boolean().optional(),
      }),
    ),
  })
  .openapi("SafetyCaseInput");
export const nm01Row = z.object({
  laCode: z.string().nullable(),
  laName: z.string(),
  homes: z.number(),
  cases: z.number(),
  hateCases: z.number(),
  casesPer1000Homes: z.number().nullable(),
  hateCasesPer1000Homes: z.number().nullable(),
});
/** What every view of a case starts with: the portal's, a partner agency's. */
export const caseHeading = z.object({
  id: z.uuid(),
  reference: z.string(),
  category: z.string(),
  status: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});
export const portalView = caseHeading
  .extend({
    officer: z.string().nullable(),
    nextStep: z.string().nullable(),
    updates: z.array(
      z.object({ at: z.string(), title: z.string(), body: z.string().nullable(), byYou: z.boolean() }),
    ),
    actions: z.array(
      z.object({ type: z.string(), startedOn: z.string(), dueOn: z.string().nullable(), status: z.string() }),
    ),
    documents: z.array(z.object({ id: z.uuid(), fileName: z.string(), createdAt: z.string() })),
  })
  .openapi("PortalCase");
