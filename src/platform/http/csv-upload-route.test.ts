import { OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { actorFor, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../access/actor.ts";
import type { AppEnv, Services } from "./app-env.ts";
import { csvUploadRoute } from "./csv-upload-route.ts";
import { toProblem } from "./errors.ts";
import { apiValidationHook } from "./openapi.ts";

/** An API with one CSV upload route that answers with what its command was handed. */
function uploadApi(actor: Actor | null): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });
  api.onError((error, c) => c.json({ status: toProblem(error).status }, toProblem(error).status as 403));
  api.use(async (c, next) => {
    c.set("actor", actor);
    c.set("now", testNow);
    c.set("services", {
      database: { db: null },
      config: { publicUrl: "https://kith.test" },
    } as never as Services);
    await next();
  });
  csvUploadRoute(api, {
    path: "/things",
    tag: "Things",
    area: "impact",
    summary: "Import things",
    query: z.object({ name: z.string().min(1), year: z.coerce.number().int() }),
    answer: { schema: z.object({ lines: z.number() }), description: "Imported" },
    run: async ({ actor: who, now, query, csv }) => ({
      who: who.organisationId,
      now: now.toISOString(),
      query,
      lines: csv.split("\n").length,
    }),
  });
  return api;
}

const upload = (api: OpenAPIHono<AppEnv>, query: string) =>
  api.request(`/things?${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: "code,value\na,1\n",
  });

describe("csvUploadRoute", () => {
  it("hands the command the actor, the clock, the parsed query and the file's text, and answers 201", async () => {
    const answer = await upload(uploadApi(actorFor("org-1", "officer")), "name=Bank&year=2025");
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({
      who: "org-1",
      now: testNow.toISOString(),
      query: { name: "Bank", year: 2025 },
      lines: 3,
    });
  });

  it("refuses a token without the area's write scope before it reads the query", async () => {
    const readOnly = actorFor("org-1", "officer", { scopes: ["impact:read"] });
    expect((await upload(uploadApi(readOnly), "year=soon")).status).toBe(403);
    expect((await upload(uploadApi(null), "name=Bank&year=2025")).status).toBe(401);
  });

  it("answers 422 when the query is not valid", async () => {
    expect((await upload(uploadApi(actorFor("org-1", "officer")), "year=soon")).status).toBe(422);
  });

  it("documents a required text/csv body and the 201 answer", () => {
    const document = uploadApi(null).getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
    });
    const operation = document.paths?.["/things"]?.post;
    expect(operation?.requestBody).toMatchObject({ required: true, content: { "text/csv": {} } });
    expect(Object.keys(operation?.responses ?? {})).toContain("201");
  });
});
