import type { z } from "zod";
import { fieldErrorsFrom } from "./forms.ts";
import { invalid } from "./problem.ts";

/**
 * A command's input as its schema reads it. Input that fails the schema is a 422 problem with
 * `detail` and one message per field in error (for the form's error summary).
 */
export function validInput<S extends z.ZodType>(schema: S, input: unknown, detail: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(detail, fieldErrorsFrom(result.error));
  return result.data;
}
