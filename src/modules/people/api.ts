import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { commandBody, pageQuery, problemResponses, requireApiActor } from "../../platform/http/openapi.ts";
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
const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
// The command checks the body; the document describes its fields from the command's input schema.
const anyBody = (name: string, input: z.ZodType) => ({ body: commandBody(name, input) });

export function peopleApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>();
  api.openapi(
    createRoute({
      method: "get",
      path: "/people",
      tags: ["People"],
      summary: "Search people (audited)",
      request: {
        query: pageQuery.extend({
          search: z.string().max(100).optional(),
          personType: z.enum(personTypes).optional(),
        }),
      },
      responses: {
        200: json(z.object({ total: z.number(), page: z.number(), items: z.array(personSchema) }), "People"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "people", "read");
      const q = c.req.valid("query");
      const result = await findPeople(c.get("services").database.db, actor, q, c.get("now"));
      return c.json(
        { total: result.total, page: q.page, items: result.rows.map((row) => personSchema.parse(row)) },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/people/{id}",
      tags: ["People"],
      summary: "A person (audited)",
      request: { params: idParam },
      responses: { 200: json(personSchema, "The person"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "people", "read");
      return c.json(
        personSchema.parse(
          await getPerson(c.get("services").database.db, actor, c.req.valid("param").id, c.get("now")),
        ),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/people",
      tags: ["People"],
      summary: "Add a person. Answers 409 with possible duplicates unless confirmNotDuplicate is true.",
      request: anyBody("PersonInput", personInput),
      responses: {
        201: json(personSchema, "Created"),
        409: json(
          z.object({
            title: z.string(),
            detail: z.string(),
            duplicates: z.array(z.object({ id: z.string(), reason: z.string() })),
          }),
          "Possible duplicates",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = requireApiActor(c, "people", "write");
      try {
        const created = await createPerson(
          c.get("services").database.db,
          actor,
          c.get("now"),
          c.req.valid("json"),
        );
        return c.json(personSchema.parse(created), 201);
      } catch (error) {
        if (error instanceof PossibleDuplicateProblem) {
          return c.json(
            {
              title: error.title,
              detail: error.detail,
              duplicates: error.duplicates.map((d) => ({ id: d.person.id, reason: d.reason })),
            },
            409,
          );
        }
        throw error;
      }
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/partner-organisations",
      tags: ["People"],
      summary: "Partner organisations",
      request: { query: z.object({ kind: z.enum(partnerKinds).optional() }) },
      responses: { 200: json(z.array(partnerSchema), "Partners"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "people", "read");
      return c.json(
        (await listPartnerOrganisations(c.get("services").database.db, actor, c.req.valid("query"))).map(
          (row) => partnerSchema.parse(row),
        ),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/partner-organisations/{id}",
      tags: ["People"],
      summary: "A partner organisation",
      request: { params: idParam },
      responses: { 200: json(partnerSchema, "The partner"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "people", "read");
      return c.json(
        partnerSchema.parse(
          await getPartnerOrganisation(c.get("services").database.db, actor, c.req.valid("param").id),
        ),
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/partner-organisations",
      tags: ["People"],
      summary: "Add a partner organisation",
      request: anyBody("PartnerOrganisationInput", partnerInput),
      responses: { 201: json(partnerSchema, "Created"), ...problemResponses },
    }),
    async (c) => {
      const actor = requireApiActor(c, "people", "write");
      return c.json(
        partnerSchema.parse(
          await createPartnerOrganisation(
            c.get("services").database.db,
            actor,
            c.get("now"),
            c.req.valid("json"),
          ),
        ),
        201,
      );
    },
  );
  return api;
}
