import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Actor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, conflictAnswer, idParam, readRoute } from "../../platform/http/command-route.ts";
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
const notInState = conflictAnswer(
  "Not in the right state",
  z.object({ title: z.string(), detail: z.string() }),
);
const tag = "Grants";
const area = "grants";

const show = async (db: Db, actor: Actor, now: Date, id: string) => {
  const loaded = await getApplicationForStaff(db, actor, now, id);
  return applicationSchema.parse({
    ...loaded.application,
    budgetLines: loaded.budgetLines,
    documents: loaded.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    assessments: loaded.assessments,
  });
};

// The commands check their bodies; the document describes the fields from each command's input schema.
export function applicationsApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  readRoute(api, {
    path: "/grants/applications/{id}",
    tag,
    area,
    summary: "A sent application with its assessments (audited: it names a contact)",
    params: idParam,
    answer: { schema: applicationSchema, description: "The application" },
    run: ({ db, actor, now, params }) => show(db, actor, now, params.id),
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/applications/{id}/assessments",
    tag,
    area,
    summary: "Assess: declare any conflict of interest (yes/no), then score each criterion 0–5",
    params: idParam,
    input: {
      name: "GrantAssessmentInput",
      schema: assessmentInput,
      description: "conflictDeclared (yes | no), conflictDetail, scores { criterionId: 0–5 }, comment",
    },
    answer: {
      status: 201,
      schema: z.object({ id: z.uuid(), weightedScoreBp: z.number().int().nullable() }),
      description: "Recorded",
    },
    otherAnswers: notInState,
    run: async ({ db, actor, now, params, body }) => {
      const assessment = await assessApplication(db, actor, now, params.id, body as AssessmentInput);
      return { id: assessment.id, weightedScoreBp: assessment.weightedScoreBp };
    },
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/applications/{id}/moderation",
    tag,
    area,
    summary:
      "Moderate (managers): a note, and optionally a moderated score (0–100) instead of the assessors' mean",
    params: idParam,
    input: { name: "GrantModerationInput", schema: moderationInput, description: "note, moderatedScore" },
    answer: { status: 200, schema: applicationSchema, description: "Moderated" },
    otherAnswers: notInState,
    run: async ({ db, actor, now, params, body }) => {
      const given = body as { note?: string; moderatedScore?: string | number };
      await moderateApplication(db, actor, now, params.id, {
        note: given.note ?? "",
        moderatedScore: given.moderatedScore,
      });
      return show(db, actor, now, params.id);
    },
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/applications/{id}/decision",
    tag,
    area,
    summary:
      "Decide (managers): award (with amountAwarded in pounds and the agreement), decline or waitlist, with reasons",
    params: idParam,
    input: {
      name: "GrantDecisionInput",
      schema: decisionInput,
      description:
        "decision (award | decline | waitlist), reason; for award: amountAwarded, startDate, endDate, grantOwnerUserId and accountableOfficerUserId (active staff users), conditions, monitoringFrequency, beneficiaryLaCode",
    },
    answer: {
      status: 200,
      schema: z.object({ status: z.enum(applicationStatuses), grantId: z.uuid().nullable() }),
      description: "Decided",
    },
    otherAnswers: notInState,
    run: async ({ db, actor, now, params, body }) => {
      const result = await decideApplication(db, actor, now, params.id, body as DecisionInput);
      return { status: result.application.status, grantId: result.grant?.id ?? null };
    },
  });
  return api;
}
