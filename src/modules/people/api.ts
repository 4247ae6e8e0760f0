import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandRoute, conflictAnswer, idParam, readRoute } from "../../platform/http/command-route.ts";
import { pageQuery } from "../../platform/http/openapi.ts";
import { createPerson, PossibleDuplicateProblem } from "./commands/create-person.ts";
import { createPartnerOrganisation, partnerInput } from "./commands/partner-organisations.ts";
import { personInput } from "./commands/person-input.ts";
import { getPartnerOrganisation, listPartnerOrganisations } from "./queries/partners.ts";
import { findPeople, getPerson } from "./queries/people.ts";
import { partnerKinds, personTypes } from "./schema.ts";

const personSchema = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    homeId: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    personType: z.enum(personTypes),
  })
  .openapi("Person");
const partnerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(partnerKinds),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    orgIdentifier: z.string().nullable().openapi({ example: "GB-CHC-1123456" }),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    laCode: z.string().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .openapi("PartnerOrganisation");

const tag = "People";
const area = "people";

export function peopleApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  readRoute(api, {
    path: "/people",
    tag,
    area,
    summary: "Search people (audited)",
    query: pageQuery.extend({
      search: z.string().max(100).optional(),
      personType: z.enum(personTypes).optional(),
    }),
    answer: {
      schema: z.object({ total: z.number(), page: z.number(), items: z.array(personSchema) }),
      description: "People",
    },
    run: async ({ db, actor, now, query }) => {
      const result = await findPeople(db, actor, query, now);
      return {
        total: result.total,
        page: query.page,
        items: result.rows.map((row) => personSchema.parse(row)),
      };
    },
  });
  readRoute(api, {
    path: "/people/{id}",
    tag,
    area,
    summary: "A person (audited)",
    params: idParam,
    answer: { schema: personSchema, description: "The person" },
    run: async ({ db, actor, now, params }) => personSchema.parse(await getPerson(db, actor, params.id, now)),
  });
  commandRoute(api, {
    method: "post",
    path: "/people",
    tag,
    area,
    summary: "Add a person. Answers 409 with possible duplicates unless confirmNotDuplicate is true.",
    input: { name: "PersonInput", schema: personInput },
    answer: { status: 201, schema: personSchema, description: "Created" },
    otherAnswers: conflictAnswer(
      "Possible duplicates",
      z.object({
        title: z.string(),
        detail: z.string(),
        duplicates: z.array(z.object({ id: z.string(), reason: z.string() })),
      }),
    ),
    refusalAnswer: (error) =>
      error instanceof PossibleDuplicateProblem
        ? {
            status: 409,
            body: {
              title: error.title,
              detail: error.detail,
              duplicates: error.duplicates.map((d) => ({ id: d.person.id, reason: d.reason })),
            },
          }
        : undefined,
    run: async ({ db, actor, now, body }) => personSchema.parse(await createPerson(db, actor, now, body)),
  });
  readRoute(api, {
    path: "/partner-organisations",
    tag,
    area,
    summary: "Partner organisations",
    query: z.object({ kind: z.enum(partnerKinds).optional() }),
    answer: { schema: z.array(partnerSchema), description: "Partners" },
    run: async ({ db, actor, query }) =>
      (await listPartnerOrganisations(db, actor, query)).map((row) => partnerSchema.parse(row)),
  });
  readRoute(api, {
    path: "/partner-organisations/{id}",
    tag,
    area,
    summary: "A partner organisation",
    params: idParam,
    answer: { schema: partnerSchema, description: "The partner" },
    run: async ({ db, actor, params }) =>
      partnerSchema.parse(await getPartnerOrganisation(db, actor, params.id)),
  });
  commandRoute(api, {
    method: "post",
    path: "/partner-organisations",
    tag,
    area,
    summary: "Add a partner organisation",
    input: { name: "PartnerOrganisationInput", schema: partnerInput },
    answer: { status: 201, schema: partnerSchema, description: "Created" },
    run: async ({ db, actor, now, body }) =>
      partnerSchema.parse(await createPartnerOrganisation(db, actor, now, body)),
  });
  return api;
}
