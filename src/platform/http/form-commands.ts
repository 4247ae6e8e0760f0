import type { Context } from "hono";
import { html, type SafeHtml } from "../ui/index.ts";
import type { AppEnv } from "./app-env.ts";
import { type FieldErrors, Problem } from "./problem.ts";

/** The hidden CSRF token every POST form carries (checked by platform/http/csrf.ts). */
export function csrfField(c: Context<AppEnv>): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}">`;
}

/** The problems a person can fix on the form they just sent: invalid (422), conflict (409), too large (413). */
const fixableStatuses = new Set([409, 413, 422]);

/** The statuses a re-rendered form is sent with. */
export type FormErrorStatus = 409 | 413 | 422;

/**
 * A page that shows a form: empty or from the stored record when `values` is null, else again with
 * what was typed, the errors beside the fields and the status to send (200 by default).
 */
export type FormPage = (
  c: Context<AppEnv>,
  values: Record<string, string> | null,
  errors?: FieldErrors,
  status?: 200 | FormErrorStatus,
) => Promise<Response>;

export type FormAttempt<T> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldErrors; problem: Problem; status: FormErrorStatus };

/**
 * Runs a command for a form. A refusal the person can fix comes back as errors to show in the
 * error summary and beside the fields, so the page re-renders with what they typed; anything
 * else (404, 403, a bug) propagates to the error page. A problem without field errors is shown
 * against `field` ("form" by default): a conflict keeps its title, which says what went wrong.
 */
export async function attemptForForm<T>(
  work: () => Promise<T>,
  options: { field?: string } = {},
): Promise<FormAttempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!(error instanceof Problem) || !fixableStatuses.has(error.status)) throw error;
    const hasFieldErrors = error.fieldErrors !== undefined && Object.keys(error.fieldErrors).length > 0;
    const message = error.status === 409 ? `${error.title}: ${error.detail}` : error.detail;
    return {
      ok: false,
      errors:
        hasFieldErrors && error.fieldErrors ? error.fieldErrors : { [options.field ?? "form"]: message },
      problem: error,
      status: error.status as FormErrorStatus,
    };
  }
}

/**
 * For a page that calls a command in try/catch: a 422 becomes the field errors to show on the form
 * (its detail against "form" when it names no field); anything else is thrown on to the error page.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof Problem && error.status === 422) return error.fieldErrors ?? { form: error.detail };
  throw error;
}
