import type { z } from "zod";
import { validInput } from "../../../platform/http/valid-input.ts";

/** Validates a command's input: bad input is a 422 naming each field, before anything is written. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  detail = "Check the highlighted fields.",
): z.output<S> {
  return validInput(schema, input, detail);
}
