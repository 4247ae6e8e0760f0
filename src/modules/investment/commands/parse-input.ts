import type { z } from "zod";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";

/** Validates a command's input: bad input is a 422 naming each field, before anything is written. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  detail = "Check the highlighted fields.",
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(detail, fieldErrorsFrom(result.error));
  return result.data;
}
