// The pieces every GOV.UK form field shares: label, hint, error message and the
// aria-describedby list that ties the hint and the error to the control, so a
// screen reader announces them when the control gets focus.
import { attrs, html, type SafeHtml } from "../html.ts";

/** What every single-control field accepts. */
export type FieldOptions = {
  name: string;
  /** Defaults to `name`; the error summary links to `#id`. */
  id?: string;
  label: string;
  /** e.g. "govuk-label--l"; use with `isPageHeading` on one-question pages. */
  labelClasses?: string;
  isPageHeading?: boolean;
  hint?: string;
  error?: string;
  classes?: string;
  autocomplete?: string;
  disabled?: boolean;
};

export function joinClasses(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

export function label(options: {
  for: string;
  text: string;
  classes?: string;
  isPageHeading?: boolean;
}): SafeHtml {
  const element = html`<label class="${joinClasses("govuk-label", options.classes)}" for="${options.for}">${options.text}</label>`;
  return options.isPageHeading ? html`<h1 class="govuk-label-wrapper">${element}</h1>` : element;
}

export function hint(id: string, text: string | undefined, classes?: string): SafeHtml {
  return text ? html`<div id="${id}" class="${joinClasses("govuk-hint", classes)}">${text}</div>` : html``;
}

export function errorMessage(id: string, text: string | undefined): SafeHtml {
  return text
    ? html`<p id="${id}" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${text}</p>`
    : html``;
}

/** Hint then error ids, the order the GOV.UK macros use. */
export function describedBy(
  id: string,
  options: { hint?: string; error?: string },
  extra?: string,
): string | undefined {
  const ids = [
    extra,
    options.hint ? `${id}-hint` : undefined,
    options.error ? `${id}-error` : undefined,
  ].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function formGroup(error: string | undefined, content: SafeHtml, classes?: string): SafeHtml {
  return html`<div class="${joinClasses("govuk-form-group", error && "govuk-form-group--error", classes)}">${content}</div>`;
}

/** Label, hint and error for a single control, wrapped in its form group. */
export function singleField(
  options: FieldOptions,
  control: (id: string, describedById: string | undefined) => SafeHtml,
): SafeHtml {
  const id = options.id ?? options.name;
  return formGroup(
    options.error,
    html`${label({ for: id, text: options.label, classes: options.labelClasses, isPageHeading: options.isPageHeading })}
${hint(`${id}-hint`, options.hint)}
${errorMessage(`${id}-error`, options.error)}
${control(id, describedBy(id, options))}`,
  );
}

export type LegendOptions = { text: string; classes?: string; isPageHeading?: boolean };

export function fieldset(options: {
  legend?: LegendOptions;
  describedBy?: string;
  role?: "group";
  classes?: string;
  content: SafeHtml;
}): SafeHtml {
  const legend = options.legend;
  const legendHtml = legend
    ? html`<legend class="${joinClasses("govuk-fieldset__legend", legend.classes)}">${
        legend.isPageHeading ? html`<h1 class="govuk-fieldset__heading">${legend.text}</h1>` : legend.text
      }</legend>`
    : html``;
  return html`<fieldset${attrs({
    class: joinClasses("govuk-fieldset", options.classes),
    role: options.role,
    "aria-describedby": options.describedBy,
  })}>${legendHtml}
${options.content}
</fieldset>`;
}

/**
 * A group of controls that answers one question (radios, checkboxes, a date): the legend asks it,
 * and the hint and error belong to the fieldset so they are read once for the whole group.
 * A plain-text legend is a medium heading, as the GOV.UK macros set it.
 */
export function questionFieldset(options: {
  id: string;
  legend: string | LegendOptions;
  hint?: string;
  error?: string;
  role?: "group";
  controls: SafeHtml;
}): SafeHtml {
  const legend =
    typeof options.legend === "string"
      ? { text: options.legend, classes: "govuk-fieldset__legend--m" }
      : options.legend;
  const content = html`${hint(`${options.id}-hint`, options.hint)}
${errorMessage(`${options.id}-error`, options.error)}
${options.controls}`;
  return formGroup(
    options.error,
    fieldset({ legend, role: options.role, describedBy: describedBy(options.id, options), content }),
  );
}
