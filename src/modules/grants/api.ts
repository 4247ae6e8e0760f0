import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, conflictAnswer, idParam, readRoute } from "../../platform/http/command-route.ts";
import { pageQuery } from "../../platform/http/openapi.ts";
import { applicationsApi } from "./api-applications.ts";
import {
  type CreateProgrammeInput,
  createProgramme,
  createProgrammeInput,
} from "./commands/create-programme.ts";
import {
  approveDirectAward,
  type DirectAwardInput,
  directAwardInput,
  proposeDirectAward,
} from "./commands/direct-awards.ts";
import { approvePayment } from "./commands/payments.ts";
import {
  changeInput,
  type FundingChangeInput,
  recordFundingChange,
} from "./commands/record-funding-change.ts";
import { getGrantDetail } from "./queries/grant-detail.ts";
import { listGrants } from "./queries/list-grants.ts";
import { listProgrammes } from "./queries/programmes.ts";
import { type GrantAward, grantTypes } from "./schema.ts";

const grantSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    route: z.enum(["open-call", "direct-award"]),
    directAwardCriterion: z.string().nullable(),
    status: z.enum(["proposed", "active", "ended"]),
    grantType: z.enum(grantTypes),
    title: z.string(),
    recipientName: z.string(),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    amountAwardedPence: z.number().int().openapi({ description: "Whole pence" }),
    awardDate: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    grantOwner: z.string().openapi({ description: "The grant owner's name at the award" }),
    grantOwnerUserId: z.uuid().nullable().openapi({ description: "A staff user; null on older grants" }),
    accountableOfficer: z.string().openapi({ description: "The accountable officer's name at the award" }),
    accountableOfficerUserId: z.uuid().nullable(),
    outcomeCodes: z.array(z.string()),
  })
  .openapi("Grant");
const programmeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    grantType: z.enum(grantTypes),
    budgetPence: z.number().int(),
    committedPence: z.number().int(),
    opensOn: z.string(),
    closesOn: z.string(),
    applications: z.number().int(),
    awarded: z.number().int(),
  })
  .openapi("GrantProgramme");
const paymentSchema = z
  .object({
    id: z.uuid(),
    instalment: z.number().int(),
    dueOn: z.string(),
    amountPence: z.number().int(),
    status: z.string(),
    heldReason: z.string().nullable(),
  })
  .openapi("GrantPayment");
const grantDetailSchema = grantSchema.extend({ payments: z.array(paymentSchema) }).openapi("GrantDetail");

const toGrant = (grant: GrantAward) => grantSchema.parse(grant);
const tag = "Grants";
const area = "grants";

// The commands check their bodies (one set of rules for pages, API and CLI); the document describes
// the fields from each command's input schema.
export function grantsApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  readRoute(api, {
    path: "/grants/programmes",
    tag,
    area,
    summary: "Grant programmes with committed budget",
    answer: { schema: z.object({ items: z.array(programmeSchema) }), description: "Programmes" },
    run: async ({ db, actor }) => ({
      items: (await listProgrammes(db, actor)).map((p) => programmeSchema.parse(p)),
    }),
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/programmes",
    tag,
    area,
    summary: "Set up a programme (managers)",
    input: {
      name: "GrantProgrammeInput",
      schema: createProgrammeInput,
      description:
        "code, title, description, grantType, budgetPence, maxAwardPence, opensOn, closesOn, eligibilityQuestions, scoringCriteria, outcomes",
    },
    answer: { status: 201, schema: z.object({ id: z.uuid(), code: z.string() }), description: "Created" },
    otherAnswers: conflictAnswer("Code already used"),
    run: async ({ db, actor, now, body }) => {
      const created = await createProgramme(db, actor, now, body as CreateProgrammeInput);
      return { id: created.id, code: created.code };
    },
  });
  readRoute(api, {
    path: "/grants/grants",
    tag,
    area,
    summary: "Grants (open-call and direct awards)",
    query: pageQuery.extend({
      status: z.enum(["proposed", "active", "ended"]).optional(),
      route: z.enum(["open-call", "direct-award"]).optional(),
    }),
    answer: {
      schema: z.object({
        total: z.number(),
        totalAwardedPence: z.number(),
        page: z.number(),
        items: z.array(grantSchema),
      }),
      description: "Grants",
    },
    run: async ({ db, actor, query }) => {
      const result = await listGrants(db, actor, query);
      return {
        total: result.total,
        totalAwardedPence: result.totalAwardedPence,
        page: query.page,
        items: result.grants.map(toGrant),
      };
    },
  });
  readRoute(api, {
    path: "/grants/grants/{id}",
    tag,
    area,
    summary: "A grant with its payment schedule",
    params: idParam,
    answer: { schema: grantDetailSchema, description: "The grant" },
    run: async ({ db, actor, params }) => {
      const detail = await getGrantDetail(db, actor, params.id);
      return grantDetailSchema.parse({ ...detail.grant, payments: detail.payments });
    },
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/direct-awards",
    tag,
    area,
    summary: "Propose a direct award: the criterion and justification are required",
    input: {
      name: "DirectAwardInput",
      schema: directAwardInput,
      description:
        "criterion (unique-position | track-record | market-failure), justification, title, description, grantType, recipientName, recipientType, charityNumber, companyNumber, amountAwarded (pounds), outcomeCodes, startDate, endDate, grantOwnerUserId and accountableOfficerUserId (active staff users), conditions, monitoringFrequency",
    },
    answer: { status: 201, schema: grantSchema, description: "Proposed" },
    run: async ({ db, actor, now, body }) =>
      toGrant(await proposeDirectAward(db, actor, now, body as DirectAwardInput)),
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/grants/{id}/approve",
    tag,
    area,
    summary: "Approve a proposed direct award (managers)",
    params: idParam,
    answer: { status: 200, schema: grantSchema, description: "Approved" },
    otherAnswers: conflictAnswer("Not awaiting approval"),
    run: async ({ db, actor, now, params }) => toGrant(await approveDirectAward(db, actor, now, params.id)),
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/grants/{id}/funding-changes",
    tag,
    area,
    summary:
      "Reduce or end funding. Refused (422) with less than three months' notice unless a manager gives overrideReason.",
    params: idParam,
    input: {
      name: "FundingChangeInput",
      schema: changeInput,
      description:
        "kind (reduction | ending), effectiveOn (YYYY-MM-DD), newInstalment (pounds, reductions only), reason, overrideReason",
    },
    answer: {
      status: 201,
      schema: z.object({
        id: z.uuid(),
        noticeGivenOn: z.string(),
        effectiveOn: z.string(),
        overridden: z.boolean(),
      }),
      description: "Recorded",
    },
    otherAnswers: conflictAnswer("Grant not active"),
    run: async ({ db, actor, now, params, body }) => {
      const change = await recordFundingChange(db, actor, now, params.id, body as FundingChangeInput);
      return {
        id: change.id,
        noticeGivenOn: change.noticeGivenOn,
        effectiveOn: change.effectiveOn,
        overridden: change.overrideReason !== null,
      };
    },
  });
  commandRoute(api, {
    method: "post",
    path: "/grants/payments/{id}/approve",
    tag,
    area,
    summary: "Approve a payment (managers). 409 and held while monitoring is overdue.",
    params: idParam,
    answer: { status: 200, schema: paymentSchema, description: "Approved" },
    otherAnswers: conflictAnswer("Held"),
    run: async ({ db, actor, now, params }) =>
      paymentSchema.parse(await approvePayment(db, actor, now, params.id)),
  });
  api.route("/", applicationsApi());
  return api;
}
