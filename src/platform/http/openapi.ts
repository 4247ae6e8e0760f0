import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Actor } from "../access/actor.ts";
import { tokenAllows } from "../access/policy.ts";
import type { AppEnv } from "./app-env.ts";
import { fieldErrorsFrom } from "./forms.ts";
import { forbidden, invalid, unauthenticated } from "./problem.ts";

/** Zod validation failures on API routes become 422 problem+json with one message per field. */
export function apiValidationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  _c: Context<AppEnv>,
): undefined {
  if (!result.success) {
    throw invalid("The request has fields that are missing or not valid.", fieldErrorsFrom(result.error));
  }
  return undefined;
}

/**
 * A request body the command validates (one set of rules and messages for pages, API and CLI).
 * The route accepts any object and leaves the checking to the command, but the OpenAPI document
 * describes the fields from the command's own input schema, so callers see what to send.
 */
export function commandBody(name: string, input: z.ZodType, description?: string) {
  const { $schema: _dialect, ...documented } = z.toJSONSchema(input, { io: "input", unrepresentable: "any" });
  return {
    description: description ?? `${name}: checked by the command; a 422 names each field that is not valid.`,
    required: true,
    content: {
      "application/json": {
        schema: z.record(z.string(), z.unknown()).openapi(name, documented as Record<string, unknown>),
      },
    },
  };
}

/** API routes: an actor is required, and a token must carry the scope for this area. */
export function requireApiActor(c: Context<AppEnv>, area: string, access: "read" | "write"): Actor {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  if (!tokenAllows(actor, area, access)) {
    throw forbidden(`This API token does not have the ${area}:${access} scope.`);
  }
  return actor;
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.record(z.string(), z.string()).optional(),
  })
  .openapi("Problem");

export const problemResponses = {
  401: {
    description: "Not signed in, or the token is not valid",
    content: { "application/problem+json": { schema: problemSchema } },
  },
  403: { description: "Not allowed", content: { "application/problem+json": { schema: problemSchema } } },
  404: { description: "Not found", content: { "application/problem+json": { schema: problemSchema } } },
  422: {
    description: "Validation failed",
    content: { "application/problem+json": { schema: problemSchema } },
  },
} as const;

export const pageQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .openapi({ description: "Page number, from 1" }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .openapi({ description: "Rows per page, at most 500" }),
});

/**
 * Route middleware (it runs before the route's validators): the token's scope is checked before any
 * parameter is read, so a token without the scope gets 403, never a 422 about the parameters
 * (issue 18 item 6).
 */
export function scopeFirst(area: string, access: "read" | "write"): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireApiActor(c, area, access);
    await next();
  };
}
