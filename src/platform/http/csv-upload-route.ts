import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "./app-env.ts";
import { type CommandCall, callFor, jsonAnswer, operationHead, validated } from "./command-route.ts";

// The command-route helper reads a JSON body; an upload of a CSV file sends text/csv, with what
// describes the file (its name, source, licence) in the query. This registers such a route the same
// way: scope first, parsed query, the command with db, actor and clock, the command's answer.

type Schema = z.ZodObject;

/** What a CSV upload route hands its command: the call of every route, the parsed query and the file's text. */
export type CsvUploadCall<Q extends Schema> = Omit<CommandCall, "body" | "params"> & {
  query: z.output<Q>;
  csv: string;
};

export type CsvUploadRoute<Q extends Schema> = {
  path: string;
  tag: string;
  summary?: string;
  /** The token scope's area; an upload needs write access to it. */
  area: string;
  query: Q;
  answer: { schema: z.ZodType; description: string };
  run: (call: CsvUploadCall<Q>) => Promise<unknown>;
};

/** A POST whose body is a CSV file (required); the command's result is the 201 answer. */
export function csvUploadRoute<Q extends Schema>(api: OpenAPIHono<AppEnv>, route: CsvUploadRoute<Q>): void {
  api.openapi(
    createRoute({
      ...operationHead("post", route, "write"),
      request: {
        query: route.query,
        body: { required: true, content: { "text/csv": { schema: z.string() } } },
      },
      responses: jsonAnswer(201, route.answer),
    }),
    (async (c: Context<AppEnv>) => {
      const { params: _none, ...call } = callFor(c, route.area, "write", undefined);
      const result = await route.run({
        ...call,
        query: validated(c).valid("query") as z.output<Q>,
        csv: await c.req.text(),
      });
      return c.json(result as object, 201);
    }) as never,
  );
}
