import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "./app-env.ts";
import type { FieldErrors } from "./problem.ts";

export type FormValues = Record<string, string>;

/** The text fields of a submitted form (files are read separately with readUpload). */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === "string").join(",");
  }
  return values;
}

/** All values of a repeated field (checkboxes). */
export async function readFormList(c: Context<AppEnv>, name: string): Promise<string[]> {
  const body = await c.req.parseBody({ all: true });
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === "string");
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Zod issues become one message per field, in the order of the form, for the GOV.UK error summary. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

export function validate<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsFrom(result.error) };
}
