import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/database.ts";
import type { AppEnv } from "./app-env.ts";
import { commandBody, problemResponses, requireApiActor } from "./openapi.ts";
import { badRequest } from "./problem.ts";

// One registration for the API's command routes (issue 17): check the token's scope, read the JSON
// body, call the module's command with the database, the actor, the request's clock and the path's
// values, and answer with the command's result. Modules state only what differs.

/** What a command route hands its command. */
export type CommandCall = {
  db: Db;
  actor: Actor;
  now: Date;
  /** The path's parameters as the route's schema parsed them. */
  params: Record<string, unknown>;
  /** The JSON body, unchecked: the command validates it (one set of rules for pages, API and CLI). */
  body: unknown;
};

type Answer =
  | { status: 200 | 201; schema: z.ZodType; description: string }
  | { status: 204; description: string };

export type CommandRoute = {
  method: "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  /** The token scope's area; command routes need write access to it. */
  area: string;
  params?: z.ZodObject;
  input?: { name: string; schema: z.ZodType; description: string };
  answer: Answer;
  run: (call: CommandCall) => Promise<unknown>;
};

/** The `{id}` path parameter, documented. */
export const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

/** A 201 answer carrying the new record's id. */
export const createdAnswer: Answer = {
  status: 201,
  schema: z.object({ id: z.string() }),
  description: "Created",
};

/** The request's JSON body; malformed JSON is a 400 that says so, never a 500. */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest("The body is not valid JSON", "Send a JSON object with Content-Type: application/json.");
  }
}

export function commandRoute(api: OpenAPIHono<AppEnv>, route: CommandRoute): void {
  const { answer } = route;
  const responses: Record<number, { description: string; content?: object }> = {
    [answer.status]:
      answer.status === 204
        ? { description: answer.description }
        : { description: answer.description, content: { "application/json": { schema: answer.schema } } },
  };
  const request = {
    ...(route.params ? { params: route.params } : {}),
    ...(route.input
      ? { body: commandBody(route.input.name, route.input.schema, route.input.description) }
      : {}),
  };
  api.openapi(
    createRoute({
      method: route.method,
      path: route.path,
      tags: [route.tag],
      summary: route.summary,
      ...(Object.keys(request).length > 0 ? { request } : {}),
      responses: { ...responses, ...problemResponses } as never,
    }),
    (async (c: Context<AppEnv>) => {
      const actor = requireApiActor(c, route.area, "write");
      const request = c.req as unknown as { valid(target: "param"): Record<string, unknown> };
      const result = await route.run({
        db: c.get("services").database.db,
        actor,
        now: c.get("now"),
        params: route.params ? request.valid("param") : {},
        body: route.input ? await readJsonBody(c) : undefined,
      });
      if (answer.status === 204) return c.body(null, 204);
      return c.json(result as object, answer.status);
    }) as never,
  );
}
