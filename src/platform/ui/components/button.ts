import { attrs, html, type SafeHtml } from "../html.ts";
import { joinClasses } from "./form-parts.ts";

export type ButtonOptions = {
  text: string;
  variant?: "primary" | "secondary" | "warning" | "inverse";
  /** Render a link styled as a button, for navigation (start buttons are always links). */
  href?: string;
  isStartButton?: boolean;
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  id?: string;
  disabled?: boolean;
  /** Stops a second submit on slow connections (govuk-frontend JS). */
  preventDoubleClick?: boolean;
  classes?: string;
  /** Ties the button to a form elsewhere on the page. */
  form?: string;
};

const startIcon = html`<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>`;

export function button(options: ButtonOptions): SafeHtml {
  const classes = joinClasses(
    "govuk-button",
    options.variant && options.variant !== "primary" && `govuk-button--${options.variant}`,
    options.isStartButton && "govuk-button--start",
    options.classes,
  );
  const icon = options.isStartButton ? startIcon : "";
  if (options.href !== undefined) {
    return html`<a href="${options.href}" role="button" draggable="false" class="${classes}" data-module="govuk-button"${attrs({ id: options.id })}>${options.text}${icon}</a>`;
  }
  return html`<button${attrs({
    type: options.type ?? "submit",
    value: options.value,
    name: options.name,
    disabled: options.disabled,
    "aria-disabled": options.disabled ? "true" : undefined,
    "data-prevent-double-click":
      options.preventDoubleClick === undefined ? undefined : String(options.preventDoubleClick),
    form: options.form,
    class: classes,
    "data-module": "govuk-button",
    id: options.id,
  })}>${options.text}${icon}</button>`;
}

export function buttonGroup(...buttons: SafeHtml[]): SafeHtml {
  return html`<div class="govuk-button-group">${buttons}</div>`;
}
