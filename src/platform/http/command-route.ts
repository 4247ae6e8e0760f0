import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Actor } from "../access/actor.ts";
import type { Database, Db } from "../db/database.ts";
import type { AppEnv } from "./app-env.ts";
import { commandBody, problemResponses, requireApiActor, scopeFirst } from "./openapi.ts";
import { badRequest } from "./problem.ts";

// One registration for the API's command routes (issue 17): check the token's scope, read the JSON
// body, call the module's command with the database, the actor, the request's clock and the path's
// values, and answer with the command's result. Modules state only what differs.

/** The values a schema parses to; no schema, no values. */
type Parsed<T> = T extends z.ZodType ? z.output<T> : Record<string, never>;
type Schema = z.ZodObject | undefined;

/** What a command route hands its command. */
export type CommandCall<P extends Schema = Schema, B extends z.ZodType | undefined = undefined> = {
  db: Db;
  /** The whole database, for the commands that also read reference data outside the transaction. */
  database: Database;
  actor: Actor;
  now: Date;
  /** The service's public address, for links in what the route answers (e.g. the VDS export's ids). */
  publicUrl: string;
  /** The path's parameters as the route's schema parsed them. */
  params: Parsed<P>;
  /**
   * The JSON body: checked against `checkedBody` when the route has one; otherwise unchecked, and the
   * command validates it (one set of rules for pages, API and CLI).
   */
  body: B extends z.ZodType ? z.output<B> : unknown;
};

type Answer =
  | { status: 200 | 201; schema: z.ZodType; description: string }
  | { status: 204; description: string };

export type CommandRoute<P extends Schema = Schema, B extends z.ZodType | undefined = undefined> = {
  method: "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary?: string;
  /** The token scope's area; command routes need write access to it. */
  area: string;
  params?: P;
  /** A body the command checks itself, documented from the command's own input schema. */
  input?: { name: string; schema: z.ZodType; description?: string };
  /** A body the route checks against this schema before the command runs (a 422 names each field). */
  checkedBody?: B;
  /** Document the checked body as required (the routes whose document always said so). */
  bodyRequired?: true;
  answer: Answer;
  /** Further documented answers besides the problems every route can give (e.g. 409 Campaign closed). */
  otherAnswers?: Record<number, { description: string; content?: object }>;
  /**
   * A refusal the route answers with its own JSON body (one of `otherAnswers`) instead of
   * problem+json; any other error goes on to the problem handler.
   */
  refusalAnswer?: (error: unknown) => { status: number; body: object } | undefined;
  run: (call: CommandCall<P, B>) => Promise<unknown>;
};

/** The `{id}` path parameter, documented. */
export const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

/** A 201 answer carrying the new record's id. */
export const createdAnswer: Answer = {
  status: 201,
  schema: z.object({ id: z.string() }),
  description: "Created",
};

/** A documented 409 answer: the record is not in a state that allows the command. */
export function conflictAnswer(
  description: string,
  schema: z.ZodType = z.object({ title: z.string() }),
): Record<409, { description: string; content: object }> {
  return { 409: { description, content: { "application/json": { schema } } } };
}

/** The request's JSON body; malformed JSON is a 400 that says so, never a 500. */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest("The body is not valid JSON", "Send a JSON object with Content-Type: application/json.");
  }
}

export function commandRoute<P extends Schema = undefined, B extends z.ZodType | undefined = undefined>(
  api: OpenAPIHono<AppEnv>,
  route: CommandRoute<P, B>,
): void {
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
    ...(route.checkedBody
      ? {
          body: {
            content: { "application/json": { schema: route.checkedBody } },
            ...(route.bodyRequired ? { required: true } : {}),
          },
        }
      : {}),
  };
  api.openapi(
    createRoute({
      ...operationHead(route.method, route, "write"),
      ...(Object.keys(request).length > 0 ? { request } : {}),
      responses: { ...responses, ...route.otherAnswers, ...problemResponses } as never,
    }),
    (async (c: Context<AppEnv>) => {
      const call = {
        ...callFor<P>(c, route.area, "write", route.params),
        body: (route.checkedBody
          ? validated(c).valid("json")
          : route.input
            ? await readJsonBody(c)
            : undefined) as CommandCall<P, B>["body"],
      };
      let result: unknown;
      try {
        result = await route.run(call);
      } catch (error) {
        const refusal = route.refusalAnswer?.(error);
        if (!refusal) throw error;
        return c.json(refusal.body, refusal.status as never);
      }
      if (answer.status === 204) return c.body(null, 204);
      return c.json(result as object, answer.status);
    }) as never,
  );
}

/** The request's values as the route's schemas parsed them (bound: `valid` reads `this`). */
export function validated(c: Context<AppEnv>): {
  valid(target: "param" | "query" | "json"): Record<string, unknown>;
} {
  return c.req as unknown as { valid(target: "param" | "query" | "json"): Record<string, unknown> };
}

/** What every route hands its command or query: the scope-checked actor first, then db, clock, path. */
export function callFor<P extends Schema>(
  c: Context<AppEnv>,
  area: string,
  access: "read" | "write",
  params: P | undefined,
): Omit<CommandCall<P>, "body"> {
  const actor = requireApiActor(c, area, access);
  const { database } = c.get("services");
  return {
    db: database.db,
    database,
    actor,
    now: c.get("now"),
    publicUrl: c.get("services").config.publicUrl,
    params: (params ? validated(c).valid("param") : {}) as Parsed<P>,
  };
}

/** What every route's operation starts with: method, path, the scope check first, tag and summary. */
export function operationHead<M extends "get" | "post" | "put" | "patch" | "delete">(
  method: M,
  route: { path: string; area: string; tag: string; summary?: string },
  access: "read" | "write",
) {
  return {
    method,
    path: route.path,
    middleware: scopeFirst(route.area, access),
    tags: [route.tag],
    ...(route.summary ? { summary: route.summary } : {}),
  };
}

/** A route's documented answers: its JSON answer and the problems every route can give. */
export function jsonAnswer(status: 200 | 201, answer: { schema: z.ZodType; description: string }): never {
  return {
    [status]: { description: answer.description, content: { "application/json": { schema: answer.schema } } },
    ...problemResponses,
  } as never;
}

/** What a read route hands its query. */
export type ReadCall<P extends Schema, Q extends Schema> = Omit<CommandCall<P>, "body"> & {
  query: Parsed<Q>;
};

export type ReadRoute<P extends Schema, Q extends Schema> = {
  path: string;
  tag: string;
  summary?: string;
  /** The token scope's area; read routes need read access to it. */
  area: string;
  params?: P;
  query?: Q;
  answer: { schema: z.ZodType; description: string };
  run: (call: ReadCall<P, Q>) => Promise<unknown>;
};

/** One registration for the API's read routes: scope check, parsed path and query, the module's query, 200. */
export function readRoute<P extends Schema = undefined, Q extends Schema = undefined>(
  api: OpenAPIHono<AppEnv>,
  route: ReadRoute<P, Q>,
): void {
  const request = {
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { query: route.query } : {}),
  };
  api.openapi(
    createRoute({
      ...operationHead("get", route, "read"),
      ...(Object.keys(request).length > 0 ? { request } : {}),
      responses: jsonAnswer(200, route.answer),
    }),
    (async (c: Context<AppEnv>) => {
      const result = await route.run({
        ...callFor<P>(c, route.area, "read", route.params),
        query: (route.query ? validated(c).valid("query") : {}) as Parsed<Q>,
      });
      return c.json(result as object, 200);
    }) as never,
  );
}
