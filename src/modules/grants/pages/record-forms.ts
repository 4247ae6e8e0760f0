import type { Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { type FormValues, readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { requireActor } from "../../../platform/http/render.ts";

/** Which of a record page's forms failed, with what the user typed and what to fix. */
export type FailedForm<Form extends string> = {
  form: Form;
  values: FormValues;
  errors: FieldErrors;
  status: FormErrorStatus;
};

/** What a form's command is run with: the record is the `:id` in the route. */
export type FormCall = { db: Db; actor: Actor; now: Date; id: string; c: Context<AppEnv> };

type RecordPage<Form extends string> = {
  /** The records' path: each record's page is `${path}/:id`, and its forms post below it. */
  path: string;
  /** The record's page again, with the failed form's errors. */
  show: (c: Context<AppEnv>, actor: Actor, failed: FailedForm<Form>) => Promise<Response>;
  /** What the route adds to the submitted fields (say, the payment the form was for). */
  values?: (c: Context<AppEnv>, submitted: FormValues) => FormValues;
};

type RecordForm<Form extends string, T> = {
  name: Form;
  /** The flash on the record's page after it worked. */
  done: string;
  /** Somewhere else to go after it worked (say, the grant an award made). */
  redirect?: (value: T) => string | undefined;
  /** A command's fields as this form names them, where two forms on one page ask alike things. */
  fieldNames?: Record<string, string>;
};

/**
 * The forms on a staff record's page (an application, a grant) each post to their own route: read
 * the form, run the command, then 303 back to the record's page with a flash, or show the page again
 * with that form's errors.
 */
export function recordForms<Form extends string>(app: Hono<AppEnv>, page: RecordPage<Form>) {
  return <T>(
    action: string,
    form: RecordForm<Form, T>,
    run: (values: FormValues, call: FormCall) => Promise<T>,
  ) =>
    app.post(`${page.path}/:id/${action}`, async (c) => {
      const actor = requireActor(c);
      const submitted = await readForm(c);
      const values = page.values ? page.values(c, submitted) : submitted;
      const id = c.req.param("id") ?? "";
      const db = c.get("services").database.db;
      const result = await attemptForForm(() => run(values, { db, actor, now: c.get("now"), id, c }));
      if (result.ok) {
        return c.redirect(form.redirect?.(result.value) ?? `${page.path}/${id}?done=${form.done}`, 303);
      }
      const fieldNames = form.fieldNames ?? {};
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([field, message]) => [fieldNames[field] ?? field, message]),
      );
      return page.show(c, actor, { form: form.name, values, errors, status: result.status });
    });
}
