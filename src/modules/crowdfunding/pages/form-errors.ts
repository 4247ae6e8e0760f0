import { Problem } from "../../../platform/http/problem.ts";

/** A 422 from a command becomes field errors to show on the form; anything else is thrown on. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (error instanceof Problem && error.status === 422) return error.fieldErrors ?? { form: error.detail };
  throw error;
}
