import { describe, expect, it } from "vitest";
import { button } from "./button.ts";
import { checkboxes, radios } from "./choices.ts";
import { dateInput } from "./date-input.ts";
import { errorSummary } from "./error-summary.ts";
import { fileUpload, passwordInput, select, textarea, textInput } from "./single-fields.ts";

describe("textInput", () => {
  it("ties the label to the input by id, defaulting the id to the name", () => {
    const out = textInput({ name: "full-name", label: "Full name" }).value;
    expect(out).toContain('<label class="govuk-label" for="full-name">Full name</label>');
    expect(out).toContain('id="full-name" name="full-name" type="text"');
    expect(out).not.toContain("aria-describedby");
  });
  it("shows the error, marks the group and input, and describes the input by hint then error", () => {
    const out = textInput({
      name: "email",
      id: "contact-email",
      label: "Email",
      hint: "We reply in 2 days",
      error: "Enter an email address",
    }).value;
    expect(out).toContain('class="govuk-form-group govuk-form-group--error"');
    expect(out).toContain('class="govuk-input govuk-input--error"');
    expect(out).toContain(
      '<p id="contact-email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter an email address</p>',
    );
    expect(out).toContain('aria-describedby="contact-email-hint contact-email-error"');
  });
  it("escapes user text in the value, label and error", () => {
    const out = textInput({
      name: "q",
      label: "<b>Search</b>",
      value: '"><script>alert(1)</script>',
      error: "<i>bad</i>",
    }).value;
    expect(out).not.toContain("<script>");
    expect(out).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(out).toContain("&lt;b&gt;Search&lt;/b&gt;");
    expect(out).toContain("&lt;i&gt;bad&lt;/i&gt;");
  });
  it("renders a prefix hidden from screen readers, widths, inputmode and spellcheck", () => {
    const out = textInput({
      name: "amount",
      label: "Amount in pounds",
      prefix: "£",
      width: 10,
      inputmode: "decimal",
      spellcheck: false,
    }).value;
    expect(out).toContain(
      '<div class="govuk-input__wrapper"><div class="govuk-input__prefix" aria-hidden="true">£</div>',
    );
    expect(out).toContain("govuk-input--width-10");
    expect(out).toContain('inputmode="decimal"');
    expect(out).toContain('spellcheck="false"');
  });
  it("can be the page heading", () => {
    expect(
      textInput({
        name: "n",
        label: "What is your name?",
        labelClasses: "govuk-label--l",
        isPageHeading: true,
      }).value,
    ).toContain(
      '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="n">What is your name?</label></h1>',
    );
  });
  it("renders a password box that browsers can fill", () => {
    const out = passwordInput({ name: "password", label: "Password", autocomplete: "new-password" }).value;
    expect(out).toContain('type="password"');
    expect(out).toContain('autocomplete="new-password"');
  });
});

describe("textarea, select and file upload", () => {
  it("puts the escaped value inside the textarea and marks errors", () => {
    const out = textarea({
      name: "notes",
      label: "Notes",
      value: "a </textarea> b",
      error: "Too long",
    }).value;
    expect(out).toContain(">a &lt;/textarea&gt; b</textarea>");
    expect(out).toContain("govuk-textarea--error");
    expect(out).toContain('aria-describedby="notes-error"');
  });
  it("selects the option matching the value", () => {
    const out = select({
      name: "ward",
      label: "Ward",
      value: "s",
      options: [
        { value: "n", text: "North" },
        { value: "s", text: "South" },
      ],
    }).value;
    expect(out).toContain('<option value="n">North</option><option value="s" selected>South</option>');
  });
  it("renders a file input with its error", () => {
    const out = fileUpload({ name: "evidence", label: "Evidence", error: "Choose a file" }).value;
    expect(out).toContain(
      'class="govuk-file-upload govuk-file-upload--error" id="evidence" name="evidence" type="file" aria-describedby="evidence-error"',
    );
  });
});

describe("radios and checkboxes", () => {
  const items = [
    { value: "email", text: "Email" },
    { value: "phone", text: "Phone", hint: "Daytime only" },
  ];
  it("gives the first item the bare id so the error summary can link to it", () => {
    const out = radios({ name: "contact", legend: "How?", items, error: "Select one" }).value;
    expect(out).toContain('id="contact" name="contact" type="radio" value="email"');
    expect(out).toContain('id="contact-2" name="contact" type="radio" value="phone"');
    expect(out).toContain('<fieldset class="govuk-fieldset" aria-describedby="contact-error">');
    expect(out).toContain('aria-describedby="contact-2-item-hint"');
  });
  it("checks the chosen radio and lays out inline", () => {
    const out = radios({ name: "urgent", legend: "Urgent?", inline: true, value: "phone", items }).value;
    expect(out).toContain('class="govuk-radios govuk-radios--inline"');
    expect(out).toContain('value="phone" checked');
    expect(out).not.toContain('value="email" checked');
  });
  it("checks every chosen checkbox", () => {
    const out = checkboxes({
      name: "ways",
      legend: { text: "Ways", isPageHeading: true },
      values: ["email", "phone"],
      items,
    }).value;
    expect(out.match(/ checked/g)).toHaveLength(2);
    expect(out).toContain('<h1 class="govuk-fieldset__heading">Ways</h1>');
  });
});

describe("dateInput", () => {
  it("names the parts after the field and marks only the wrong part", () => {
    const out = dateInput({
      name: "start",
      legend: "Start date",
      hint: "For example, 27 3 2026",
      error: "Enter a year",
      errorParts: ["year"],
      value: { day: "27" },
    }).value;
    expect(out).toContain('id="start-day" name="start-day" type="text" inputmode="numeric" value="27"');
    expect(out).toContain('name="start-month"');
    expect(out).toContain(
      'class="govuk-input govuk-date-input__input govuk-input--width-4 govuk-input--error" id="start-year"',
    );
    expect(out).not.toContain("govuk-input--width-2 govuk-input--error");
    expect(out).toContain('role="group" aria-describedby="start-hint start-error"');
  });
});

describe("button", () => {
  it("renders submit, secondary and warning buttons", () => {
    expect(button({ text: "Save" }).value).toBe(
      '<button type="submit" class="govuk-button" data-module="govuk-button">Save</button>',
    );
    expect(button({ text: "Draft", variant: "secondary" }).value).toContain(
      "govuk-button govuk-button--secondary",
    );
    expect(button({ text: "Delete", variant: "warning" }).value).toContain("govuk-button--warning");
  });
  it("renders a start button as a link with the arrow hidden from screen readers", () => {
    const out = button({ text: "Start now", href: "/apply", isStartButton: true }).value;
    expect(out).toMatch(
      /^<a href="\/apply" role="button" draggable="false" class="govuk-button govuk-button--start"/,
    );
    expect(out).toContain('aria-hidden="true" focusable="false"');
  });
});

describe("errorSummary", () => {
  it("renders nothing when there are no errors", () => {
    expect(errorSummary([]).value).toBe("");
  });
  it("links each error to its field", () => {
    const out = errorSummary([{ text: "Enter your <name>", href: "#name" }]).value;
    expect(out).toContain('<h2 class="govuk-error-summary__title">There is a problem</h2>');
    expect(out).toContain('<li><a href="#name">Enter your &lt;name&gt;</a></li>');
    expect(out).toContain('<div role="alert">');
  });
});
