import type { Context } from "hono";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { badRequest } from "../../platform/http/problem.ts";

/** The request's JSON body; malformed JSON is a 400 that says so, never a 500. */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest("The body is not valid JSON", "Send a JSON object with Content-Type: application/json.");
  }
}
