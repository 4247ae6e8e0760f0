import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env.ts";
import { csrfField } from "../../http/form-commands.ts";
import { readForm } from "../../http/forms.ts";
import { Problem } from "../../http/problem.ts";
import { renderPage } from "../../http/render.ts";
import { button, html, panel, passwordInput, type SafeHtml } from "../../ui/index.ts";

// One "choose a password" page for the two links that end in one: an invitation and a password
// reset. They differ only in their words and in what saving the password does.

export type ChoosePasswordPage = {
  title: string;
  /** What saving does, shown above the form. */
  explanation: string;
  label: string;
  /** The panel's title and the paragraph under it once the password is saved. */
  saved: { title: string; next: SafeHtml };
  /** Saves the password the link allows; a 422 Problem names what is wrong with it. */
  save: (c: Context<AppEnv>, password: string) => Promise<unknown>;
};

export function showChoosePassword(
  c: Context<AppEnv>,
  page: ChoosePasswordPage,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  return renderPage(c, {
    title: page.title,
    errors,
    status,
    content: html`<h1 class="govuk-heading-l">${page.title}</h1>
      <p class="govuk-body">${page.explanation}</p>
      <form method="post" novalidate>${csrfField(c)}
        ${passwordInput({ name: "password", label: page.label, autocomplete: "new-password", hint: "At least 12 characters. A few random words make a good password.", error: errors.password })}
        ${button({ text: "Save password" })}</form>`,
  });
}

/** The form's POST: save, or show the form again naming what is wrong with the password. */
export async function saveChosenPassword(c: Context<AppEnv>, page: ChoosePasswordPage) {
  const values = await readForm(c);
  try {
    await page.save(c, values.password ?? "");
  } catch (error) {
    if (error instanceof Problem && error.status === 422) {
      return showChoosePassword(c, page, { password: error.fieldErrors?.password ?? error.detail }, 422);
    }
    throw error;
  }
  return renderPage(c, {
    title: page.saved.title,
    content: html`${panel({ title: page.saved.title, headingLevel: 1 })}<p class="govuk-body">${page.saved.next}</p>`,
  });
}
