import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandBody, pageQuery, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
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

const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
// The command checks the body; with its input schema the document describes the fields too.
const anyBody = (name: string, description: string, input?: z.ZodType) => ({
  body: input
    ? commandBody(name, input, description)
    : {
        description,
        content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi(name) } },
        required: true,
      },
});
const toGrant = (grant: GrantAward) => grantSchema.parse(grant);

export function grantsApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  const db = (c: { get: (key: "services") => AppEnv["Variables"]["services"] }) =>
    c.get("services").database.db;

  api.openapi(
    createRoute({
      method: "get",
      path: "/grants/programmes",
      tags: ["Grants"],
      summary: "Grant programmes with committed budget",
      responses: {
        200: json(z.object({ items: z.array(programmeSchema) }), "Programmes"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "read");
      const programmes = await listProgrammes(db(c), actor);
      return c.json({ items: programmes.map((p) => programmeSchema.parse(p)) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/programmes",
      tags: ["Grants"],
      summary: "Set up a programme (managers)",
      request: anyBody(
        "GrantProgrammeInput",
        "code, title, description, grantType, budgetPence, maxAwardPence, opensOn, closesOn, eligibilityQuestions, scoringCriteria, outcomes",
        createProgrammeInput,
      ),
      responses: {
        201: json(z.object({ id: z.uuid(), code: z.string() }), "Created"),
        409: json(z.object({ title: z.string() }), "Code already used"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      const created = await createProgramme(
        db(c),
        actor,
        c.get("now"),
        c.req.valid("json") as CreateProgrammeInput,
      );
      return c.json({ id: created.id, code: created.code }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/grants/grants",
      tags: ["Grants"],
      summary: "Grants (open-call and direct awards)",
      request: {
        query: pageQuery.extend({
          status: z.enum(["proposed", "active", "ended"]).optional(),
          route: z.enum(["open-call", "direct-award"]).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            total: z.number(),
            totalAwardedPence: z.number(),
            page: z.number(),
            items: z.array(grantSchema),
          }),
          "Grants",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "read");
      const q = c.req.valid("query");
      const result = await listGrants(db(c), actor, q);
      return c.json(
        {
          total: result.total,
          totalAwardedPence: result.totalAwardedPence,
          page: q.page,
          items: result.grants.map(toGrant),
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/grants/grants/{id}",
      tags: ["Grants"],
      summary: "A grant with its payment schedule",
      request: { params: idParam },
      responses: { 200: json(grantDetailSchema, "The grant"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "read");
      const detail = await getGrantDetail(db(c), actor, c.req.valid("param").id);
      return c.json(grantDetailSchema.parse({ ...detail.grant, payments: detail.payments }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/direct-awards",
      tags: ["Grants"],
      summary: "Propose a direct award: the criterion and justification are required",
      request: anyBody(
        "DirectAwardInput",
        "criterion (unique-position | track-record | market-failure), justification, title, description, grantType, recipientName, recipientType, charityNumber, companyNumber, amountAwarded (pounds), outcomeCodes, startDate, endDate, grantOwnerUserId and accountableOfficerUserId (active staff users), conditions, monitoringFrequency",
        directAwardInput,
      ),
      responses: { 201: json(grantSchema, "Proposed"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      return c.json(
        toGrant(
          await proposeDirectAward(db(c), actor, c.get("now"), c.req.valid("json") as DirectAwardInput),
        ),
        201,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/grants/{id}/approve",
      tags: ["Grants"],
      summary: "Approve a proposed direct award (managers)",
      request: { params: idParam },
      responses: {
        200: json(grantSchema, "Approved"),
        409: json(z.object({ title: z.string() }), "Not awaiting approval"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      return c.json(
        toGrant(await approveDirectAward(db(c), actor, c.get("now"), c.req.valid("param").id)),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/grants/{id}/funding-changes",
      tags: ["Grants"],
      summary:
        "Reduce or end funding. Refused (422) with less than three months' notice unless a manager gives overrideReason.",
      request: {
        params: idParam,
        ...anyBody(
          "FundingChangeInput",
          "kind (reduction | ending), effectiveOn (YYYY-MM-DD), newInstalment (pounds, reductions only), reason, overrideReason",
          changeInput,
        ),
      },
      responses: {
        201: json(
          z.object({
            id: z.uuid(),
            noticeGivenOn: z.string(),
            effectiveOn: z.string(),
            overridden: z.boolean(),
          }),
          "Recorded",
        ),
        409: json(z.object({ title: z.string() }), "Grant not active"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      const change = await recordFundingChange(
        db(c),
        actor,
        c.get("now"),
        c.req.valid("param").id,
        c.req.valid("json") as FundingChangeInput,
      );
      return c.json(
        {
          id: change.id,
          noticeGivenOn: change.noticeGivenOn,
          effectiveOn: change.effectiveOn,
          overridden: change.overrideReason !== null,
        },
        201,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/grants/payments/{id}/approve",
      tags: ["Grants"],
      summary: "Approve a payment (managers). 409 and held while monitoring is overdue.",
      request: { params: idParam },
      responses: {
        200: json(paymentSchema, "Approved"),
        409: json(z.object({ title: z.string() }), "Held"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "grants", "write");
      return c.json(
        paymentSchema.parse(await approvePayment(db(c), actor, c.get("now"), c.req.valid("param").id)),
        200,
      );
    },
  );
  api.route("/", applicationsApi());
  return api;
}
