import type { z } from "zod";
import { fieldErrorsFrom } from "../http/forms.ts";
import type { RowResult } from "./csv-import.ts";

/**
 * The columns of an import file and the input fields they fill. One place turns a
 * CSV row into a command's input and names the CSV column (not the field) in every problem.
 */
export function csvColumns(columns: Record<string, string>, required: string[]) {
  const columnFor = Object.fromEntries(Object.entries(columns).map(([column, field]) => [field, column]));
  const problem = (errors: Record<string, string>): string => {
    const [field, message] = Object.entries(errors)[0] ?? ["row", "is not valid"];
    return `${columnFor[field] ?? field}: ${message}`;
  };
  return {
    requiredColumns: required,
    optionalColumns: Object.keys(columns).filter((column) => !required.includes(column)),
    problem,
    parse<T>(
      schema: z.ZodType<T>,
      row: Record<string, string>,
      extra: Record<string, unknown> = {},
    ): RowResult<T> {
      const input: Record<string, unknown> = { ...extra };
      for (const [column, field] of Object.entries(columns))
        if (row[column] !== undefined) input[field] = row[column];
      const parsed = schema.safeParse(input);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, reason: problem(fieldErrorsFrom(parsed.error)) };
    },
  };
}
