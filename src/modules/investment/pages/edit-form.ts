import type { Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { type FormValues, readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
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

/** Shows an edit form: blank (values null) on a GET, or again with what was posted and its errors. */
export type ShowEditForm = (
  c: Context<AppEnv>,
  actor: Actor,
  id: string,
  values: FormValues | null,
  errors?: FieldErrors,
) => Promise<Response>;
/** Runs the command an edit form posts to. */
export type RunEdit = (c: Context<AppEnv>, actor: Actor, id: string, values: FormValues) => Promise<unknown>;

/**
 * Registers edit forms below one base path (which may hold `:id`): each form's GET is refused up front
 * to whoever may not edit, and its POST runs the command and goes back to `doneHref(id)?done=…`.
 */
export function editFormRoutes(
  app: Hono<AppEnv>,
  rules: {
    base: string;
    mayEdit: (actor: Actor) => boolean;
    refusal: string;
    doneHref: (id: string) => string;
  },
) {
  return (
    path: string,
    show: ShowEditForm,
    run: RunEdit,
    done: string,
    fieldNames: Record<string, string> = {},
    conflictField = "form",
  ) => {
    app.get(`${rules.base}/${path}`, async (c) => {
      const actor = requireActor(c);
      requireAllowed(rules.mayEdit(actor), rules.refusal);
      return show(c, actor, c.req.param("id") ?? "", null);
    });
    app.post(`${rules.base}/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param("id") ?? "";
      const values = await readForm(c);
      return submitEdit(
        c,
        () => run(c, actor, id, values),
        `${rules.doneHref(id)}?done=${done}`,
        (errors) => show(c, actor, id, values, errors),
        fieldNames,
        conflictField,
      );
    });
  };
}

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
