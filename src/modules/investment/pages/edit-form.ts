import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { button, html, type SafeHtml } from "../../../platform/ui/index.ts";
import { errorsForForm } from "./form-values.ts";

export type EditFormPage = {
  title: string;
  caption?: string;
  action: string;
  backLink: string;
  fields: SafeHtml;
  submit: string;
  /** Shown above the form (for example the lines already there, each with its own remove button). */
  before?: SafeHtml;
  errors?: FieldErrors;
};

/** A staff edit page: one form that posts back to itself, works without JavaScript. */
export function editFormPage(c: Context<AppEnv>, page: EditFormPage) {
  const errors = page.errors ?? {};
  return renderPage(c, {
    title: page.title,
    errors,
    status: Object.keys(errors).length > 0 ? 422 : 200,
    backLink: page.backLink,
    content: html`${page.caption ? html`<span class="govuk-caption-l">${page.caption}</span>` : ""}<h1 class="govuk-heading-l">${page.title}</h1>
      ${page.before ?? ""}
      <form method="post" action="${page.action}" novalidate>${csrfField(c)}
        ${page.fields}
        ${button({ text: page.submit })}
      </form>`,
  });
}

/**
 * Runs a command from a form post: success redirects (303, so a refresh does not post again);
 * a 422 or 409 from the command shows the form again with each message beside its field.
 */
export async function submitEdit(
  c: Context<AppEnv>,
  run: () => Promise<unknown>,
  redirect: string,
  showAgain: (errors: FieldErrors) => Response | Promise<Response>,
  fieldNames: Record<string, string> = {},
  conflictField = "form",
): Promise<Response> {
  try {
    await run();
  } catch (error) {
    // A clash (409, such as a code already used) is shown beside the field that clashes.
    if (error instanceof Problem && (error.status === 422 || error.status === 409))
      return showAgain(errorsForForm(error.fieldErrors ?? { [conflictField]: error.detail }, fieldNames));
    throw error;
  }
  return c.redirect(redirect, 303);
}

/** A number typed into a form: blank is null, anything else that is not a number stays NaN (the command says so). */
export function numberFromForm(text: string | undefined): number | null {
  const value = (text ?? "").trim().replaceAll(",", "");
  return value === "" ? null : Number(value);
}
