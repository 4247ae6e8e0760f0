import { attrs, html, type SafeHtml } from "../html.ts";
import { type FieldOptions, joinClasses, singleField } from "./form-parts.ts";

export type InputWidth =
  | 2
  | 3
  | 4
  | 5
  | 10
  | 20
  | 30
  | "full"
  | "three-quarters"
  | "two-thirds"
  | "one-half"
  | "one-third"
  | "one-quarter";

export type TextInputOptions = FieldOptions & {
  value?: string | number;
  type?: "text" | "email" | "tel" | "url" | "number" | "password" | "search";
  inputmode?: "text" | "numeric" | "decimal" | "email" | "tel" | "url" | "search";
  spellcheck?: boolean;
  /** Fixed character widths (2–30) or fluid fractions of the container. */
  width?: InputWidth;
  /** Shown beside the box, e.g. "£"; hidden from screen readers, so say the unit in the label or hint too. */
  prefix?: string;
  suffix?: string;
  pattern?: string;
  autocapitalize?: string;
};

function widthClass(width: InputWidth | undefined): string | undefined {
  if (width === undefined) return undefined;
  return typeof width === "number" ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

export function textInput(options: TextInputOptions): SafeHtml {
  return singleField(options, (id, describedById) => {
    const input = html`<input${attrs({
      class: joinClasses(
        "govuk-input",
        widthClass(options.width),
        options.classes,
        options.error && "govuk-input--error",
      ),
      id,
      name: options.name,
      type: options.type ?? "text",
      spellcheck: options.spellcheck === undefined ? undefined : String(options.spellcheck),
      value: options.value === undefined ? undefined : String(options.value),
      disabled: options.disabled,
      "aria-describedby": describedById,
      autocomplete: options.autocomplete,
      autocapitalize: options.autocapitalize,
      pattern: options.pattern,
      inputmode: options.inputmode,
    })}>`;
    if (!options.prefix && !options.suffix) return input;
    return html`<div class="govuk-input__wrapper">${
      options.prefix ? html`<div class="govuk-input__prefix" aria-hidden="true">${options.prefix}</div>` : ""
    }${input}${options.suffix ? html`<div class="govuk-input__suffix" aria-hidden="true">${options.suffix}</div>` : ""}</div>`;
  });
}

/**
 * A password box without the show/hide button: govuk-frontend's password-input
 * needs JavaScript for that button, and this renders the same field that works
 * without it. Browsers and password managers need the autocomplete hint.
 */
export function passwordInput(
  options: Omit<TextInputOptions, "type" | "value" | "prefix" | "suffix"> & {
    autocomplete?: "current-password" | "new-password";
  },
): SafeHtml {
  return textInput({
    ...options,
    type: "password",
    spellcheck: false,
    autocapitalize: "none",
    autocomplete: options.autocomplete ?? "current-password",
    classes: joinClasses("govuk-password-input__input", options.classes),
  });
}

export type TextareaOptions = FieldOptions & { value?: string; rows?: number; spellcheck?: boolean };

export function textarea(options: TextareaOptions): SafeHtml {
  return singleField(
    options,
    (id, describedById) =>
      html`<textarea${attrs({
        class: joinClasses("govuk-textarea", options.classes, options.error && "govuk-textarea--error"),
        id,
        name: options.name,
        rows: options.rows ?? 5,
        spellcheck: options.spellcheck === undefined ? undefined : String(options.spellcheck),
        disabled: options.disabled,
        "aria-describedby": describedById,
        autocomplete: options.autocomplete,
      })}>${options.value ?? ""}</textarea>`,
  );
}

export type SelectOption = { value: string; text: string; disabled?: boolean };

export type SelectOptions = FieldOptions & { options: SelectOption[]; value?: string };

export function select(options: SelectOptions): SafeHtml {
  return singleField(
    options,
    (id, describedById) =>
      html`<select${attrs({
        class: joinClasses("govuk-select", options.classes, options.error && "govuk-select--error"),
        id,
        name: options.name,
        disabled: options.disabled,
        "aria-describedby": describedById,
        autocomplete: options.autocomplete,
      })}>${options.options.map(
        (option) =>
          html`<option${attrs({ value: option.value, selected: option.value === options.value, disabled: option.disabled })}>${option.text}</option>`,
      )}</select>`,
  );
}

export type FileUploadOptions = Omit<FieldOptions, "autocomplete"> & { multiple?: boolean; accept?: string };

export function fileUpload(options: FileUploadOptions): SafeHtml {
  return singleField(
    options,
    (id, describedById) =>
      html`<input${attrs({
        class: joinClasses("govuk-file-upload", options.classes, options.error && "govuk-file-upload--error"),
        id,
        name: options.name,
        type: "file",
        disabled: options.disabled,
        multiple: options.multiple,
        accept: options.accept,
        "aria-describedby": describedById,
      })}>`,
  );
}
