import type { Context } from "hono";
import type { SafeHtml } from "../ui/index.ts";
import type { AppEnv } from "./app-env.ts";
import { type FieldErrors, Problem } from "./problem.ts";

/**
 * The answer to assets/live-search.js: the results fragment alone (a few kilobytes, not the whole
 * page). A search the rules refuse (under 2 characters) answers 422 with the message in the fragment.
 */
export async function liveSearchResults(
  c: Context<AppEnv>,
  results: () => Promise<SafeHtml>,
  refused: (errors: FieldErrors) => SafeHtml,
): Promise<Response> {
  try {
    return c.html((await results()).toString());
  } catch (error) {
    if (!(error instanceof Problem && error.status === 422)) throw error;
    return c.html(refused(error.fieldErrors ?? {}).toString(), 422);
  }
}
