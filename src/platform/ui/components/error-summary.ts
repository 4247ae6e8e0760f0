import { html, type SafeHtml } from "../html.ts";

export type ErrorSummaryItem = { text: string; href: string };

/**
 * The box at the top of a page listing every error, each linking to its field.
 * Renders nothing when there are no errors, so pages can always include it.
 */
export function errorSummary(
  errors: ErrorSummaryItem[],
  options: { title?: string; description?: string } = {},
): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">${options.title ?? "There is a problem"}</h2><div class="govuk-error-summary__body">${
    options.description ? html`<p>${options.description}</p>` : ""
  }<ul class="govuk-list govuk-error-summary__list">${errors.map((error) => html`<li><a href="${error.href}">${error.text}</a></li>`)}</ul></div></div></div>`;
}
