import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandBody, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
import { type AssessmentInput, assessApplication, assessmentInput } from "./commands/assess-application.ts";
import {
  type DecisionInput,
  decideApplication,
  decisionInput,
  moderateApplication,
  moderationInput,
} from "./commands/decide-application.ts";
import { getApplicationForStaff } from "./queries/programmes.ts";
import {
  type ApplicationDocumentType,
  applicationDocumentTypes,
  applicationStatuses,
  type BudgetCategory,
  budgetCategories,
} from "./schema.ts";

// Assessment, moderation and decisions through the API: the same commands as the pages.

const budgetCategoryKeys = Object.keys(budgetCategories) as [BudgetCategory, ...BudgetCategory[]];
const documentTypeKeys = Object.keys(applicationDocumentTypes) as [
  ApplicationDocumentType,
  ...ApplicationDocumentType[],
];

const applicationSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    programmeId: z.uuid(),
    status: z.enum(applicationStatuses),
    organisationName: z.string().nullable(),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    projectTitle: z.string().nullable(),
    amountRequestedPence: z.number().int().nullable(),
    eligible: z.boolean().nullable(),
    eligibilityReasons: z.array(z.string()),
    moderatedScoreBp: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Moderated score in basis points of the maximum (0–10,000)" }),
    decisionReason: z.string().nullable(),
    budgetLines: z.array(
      z.object({
        id: z.uuid(),
        description: z.string(),
        amountPence: z.number().int(),
        category: z.enum(budgetCategoryKeys).nullable(),
        otherFunding: z.boolean().openapi({ description: "Other funding pays for part of this cost" }),
      }),
    ),
    documents: z
      .array(
        z.object({
          id: z.uuid(),
          documentType: z.enum(documentTypeKeys),
          fileName: z.string(),
          contentType: z.string(),
          sizeBytes: z.number().int(),
          createdAt: z.string(),
        }),
      )
      .openapi({ description: "Files are downloaded from the staff page, where each download is audited" }),
    assessments: z.array(
      z.object({
        assessorName: z.string(),
        conflictDeclared: z.boolean(),
        weightedScoreBp: z.number().int().nullable(),
      }),
    ),
  })
  .openapi("GrantApplication");
const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
// The command checks the body; the document describes the fields from the command's input schema.
const anyBody = (name: string, description: string, input: z.ZodType) => ({
  body: commandBody(name, input, description),
});
const conflictResponse = {
  409: json(z.object({ title: z.string(), detail: z.string() }), "Not in the right state"),
};

export function applicationsApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  const show = async (db: Db, actor: Actor, now: Date, id: string) => {
    const loaded = await getApplicationForStaff(db, actor, now, id);
    return applicationSchema.parse({
      ...loaded.application,
      budgetLines: loaded.budgetLines,
      documents: loaded.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
      assessments: loaded.assessments,
    });
  };

  api.openapi(
    createRoute({
      method: "get",
      path: "/grants/applications/{id}",
      tags: ["Grants"],
      summary: "A sent application with its assessments (audited: it names a contact)",
      request: { params: idParam },
      responses: { 200: json(applicationSchema, "The application"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "read");
      return c.json(
        await show(c.get("services").database.db, actor, c.get("now"), c.req.valid("param").id),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/applications/{id}/assessments",
      tags: ["Grants"],
      summary: "Assess: declare any conflict of interest (yes/no), then score each criterion 0–5",
      request: {
        params: idParam,
        ...anyBody(
          "GrantAssessmentInput",
          "conflictDeclared (yes | no), conflictDetail, scores { criterionId: 0–5 }, comment",
          assessmentInput,
        ),
      },
      responses: {
        201: json(z.object({ id: z.uuid(), weightedScoreBp: z.number().int().nullable() }), "Recorded"),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      const services = c.get("services");
      const assessment = await assessApplication(
        services.database.db,
        actor,
        c.get("now"),
        c.req.valid("param").id,
        c.req.valid("json") as AssessmentInput,
      );
      return c.json({ id: assessment.id, weightedScoreBp: assessment.weightedScoreBp }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/applications/{id}/moderation",
      tags: ["Grants"],
      summary:
        "Moderate (managers): a note, and optionally a moderated score (0–100) instead of the assessors' mean",
      request: {
        params: idParam,
        ...anyBody("GrantModerationInput", "note, moderatedScore", moderationInput),
      },
      responses: { 200: json(applicationSchema, "Moderated"), ...conflictResponse, ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      const id = c.req.valid("param").id;
      const body = c.req.valid("json") as { note?: string; moderatedScore?: string | number };
      await moderateApplication(c.get("services").database.db, actor, c.get("now"), id, {
        note: body.note ?? "",
        moderatedScore: body.moderatedScore,
      });
      return c.json(await show(c.get("services").database.db, actor, c.get("now"), id), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/applications/{id}/decision",
      tags: ["Grants"],
      summary:
        "Decide (managers): award (with amountAwarded in pounds and the agreement), decline or waitlist, with reasons",
      request: {
        params: idParam,
        ...anyBody(
          "GrantDecisionInput",
          "decision (award | decline | waitlist), reason; for award: amountAwarded, startDate, endDate, grantOwnerUserId and accountableOfficerUserId (active staff users), conditions, monitoringFrequency, beneficiaryLaCode",
          decisionInput,
        ),
      },
      responses: {
        200: json(z.object({ status: z.enum(applicationStatuses), grantId: z.uuid().nullable() }), "Decided"),
        ...conflictResponse,
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      const result = await decideApplication(
        c.get("services").database.db,
        actor,
        c.get("now"),
        c.req.valid("param").id,
        c.req.valid("json") as DecisionInput,
      );
      return c.json({ status: result.application.status, grantId: result.grant?.id ?? null }, 200);
    },
  );
  return api;
}
