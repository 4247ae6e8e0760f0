// A memorable date as three boxes. The parts are posted as `${name}-day`,
// `${name}-month` and `${name}-year` so one form can hold several dates.
import { attrs, html, type SafeHtml } from "../html.ts";
import { joinClasses, type LegendOptions, questionFieldset } from "./form-parts.ts";

export type DatePart = "day" | "month" | "year";

export type DateInputOptions = {
  name: string;
  /** Defaults to `name`; the day box gets `${id}-day`, which the error summary should link to. */
  id?: string;
  legend: string | LegendOptions;
  hint?: string;
  error?: string;
  /** Which boxes to mark as wrong; all three when there is an error and this is not given. */
  errorParts?: DatePart[];
  value?: { day?: string; month?: string; year?: string };
  /** e.g. "bday" gives bday-day, bday-month, bday-year for a date of birth. */
  autocomplete?: "bday";
};

const partLabels: Record<DatePart, string> = { day: "Day", month: "Month", year: "Year" };

export function dateInput(options: DateInputOptions): SafeHtml {
  const id = options.id ?? options.name;
  const parts: DatePart[] = ["day", "month", "year"];
  const boxes = parts.map((part) => {
    const partId = `${id}-${part}`;
    const wrong = Boolean(options.error) && (options.errorParts ?? parts).includes(part);
    return html`<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${partId}">${partLabels[part]}</label><input${attrs(
      {
        class: joinClasses(
          "govuk-input govuk-date-input__input",
          part === "year" ? "govuk-input--width-4" : "govuk-input--width-2",
          wrong && "govuk-input--error",
        ),
        id: partId,
        name: `${options.name}-${part}`,
        type: "text",
        inputmode: "numeric",
        value: options.value?.[part],
        autocomplete: options.autocomplete ? `${options.autocomplete}-${part}` : undefined,
      },
    )}></div></div>`;
  });
  // role="group" makes screen readers announce the hint and error for a group of text boxes.
  return questionFieldset({
    ...options,
    id,
    role: "group",
    controls: html`<div class="govuk-date-input" id="${id}">${boxes}</div>`,
  });
}
