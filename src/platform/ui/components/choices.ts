// Radios and checkboxes: a fieldset whose legend asks the question, with the
// hint and error tied to the fieldset so they are read once for the group.
import { attrs, html, type SafeHtml } from "../html.ts";
import { hint, joinClasses, type LegendOptions, questionFieldset } from "./form-parts.ts";

export type ChoiceItem =
  | { value: string; text: string; hint?: string; disabled?: boolean }
  | { divider: string };

type ChoicesBase = {
  name: string;
  /** Prefix for item ids; the first item gets exactly this id so the error summary can link to it. Defaults to `name`. */
  idPrefix?: string;
  legend: string | LegendOptions;
  hint?: string;
  error?: string;
  items: ChoiceItem[];
  small?: boolean;
  classes?: string;
};

export type RadiosOptions = ChoicesBase & { value?: string; inline?: boolean };
export type CheckboxesOptions = ChoicesBase & { values?: string[] };

function choices(
  kind: "radios" | "checkboxes",
  options: ChoicesBase,
  isChecked: (value: string) => boolean,
  inline: boolean,
): SafeHtml {
  const idPrefix = options.idPrefix ?? options.name;
  let index = 0;
  const items = options.items.map((item) => {
    if ("divider" in item) return html`<div class="govuk-${kind}__divider">${item.divider}</div>`;
    index++;
    const itemId = index === 1 ? idPrefix : `${idPrefix}-${index}`;
    const itemHintId = `${itemId}-item-hint`;
    return html`<div class="govuk-${kind}__item"><input${attrs({
      class: `govuk-${kind}__input`,
      id: itemId,
      name: options.name,
      type: kind === "radios" ? "radio" : "checkbox",
      value: item.value,
      checked: isChecked(item.value),
      disabled: item.disabled,
      "aria-describedby": item.hint ? itemHintId : undefined,
    })}><label class="govuk-label govuk-${kind}__label" for="${itemId}">${item.text}</label>${hint(itemHintId, item.hint, `govuk-${kind}__hint`)}</div>`;
  });
  return questionFieldset({
    ...options,
    id: idPrefix,
    controls: html`<div class="${joinClasses(`govuk-${kind}`, inline && `govuk-${kind}--inline`, options.small && `govuk-${kind}--small`, options.classes)}" data-module="govuk-${kind}">
${items}
</div>`,
  });
}

export function radios(options: RadiosOptions): SafeHtml {
  return choices("radios", options, (value) => value === options.value, options.inline ?? false);
}

export function checkboxes(options: CheckboxesOptions): SafeHtml {
  const chosen = new Set(options.values ?? []);
  return choices("checkboxes", options, (value) => chosen.has(value), false);
}
