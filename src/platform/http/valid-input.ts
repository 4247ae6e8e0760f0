import type { z } from "zod";
import { validate } from "./forms.ts";
import { invalid } from "./problem.ts";

/**
 * A command's input as its schema reads it. Input that fails the schema is a 422 problem with
 * `detail` and one message per field in error (for the form's error summary).
 */
export function validInput<T>(schema: z.ZodType<T>, input: unknown, detail: string): T {
  const checked = validate(schema, input);
  if (!checked.ok) throw invalid(detail, checked.errors);
  return checked.value;
}
