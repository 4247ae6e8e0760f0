import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsFrom } from "../../platform/http/forms.ts";
import { checkRegistrationNumbers, registrationNumbers } from "./inputs.ts";

// The registration number rules that the application form and a direct award share.

const recipient = z
  .object({ ...registrationNumbers, kind: z.enum(["charity", "company", "group"]) })
  .superRefine((value, ctx) =>
    checkRegistrationNumbers(value, ctx, {
      charity: value.kind === "charity",
      company: value.kind === "company",
    }),
  );

const errorsOf = (input: z.input<typeof recipient>) => {
  const parsed = recipient.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("registration numbers", () => {
  it("keeps numbers upper-case without spaces, and a blank one as none", () => {
    expect(recipient.parse({ kind: "group", charityNumber: " sc 012345 ", companyNumber: "" })).toEqual({
      kind: "group",
      charityNumber: "SC012345",
      companyNumber: null,
    });
  });

  it("refuses a number that is not in its register's format", () => {
    expect(errorsOf({ kind: "group", charityNumber: "12AB", companyNumber: "123" })).toEqual({
      charityNumber: "Enter a charity number of 6 or 7 digits, like 1234567 (or SC012345 in Scotland)",
      companyNumber: "Enter a company number of 8 characters, like 01234567 or SC123456",
    });
  });

  it("asks for a number only where the organisation's type needs one", () => {
    expect(errorsOf({ kind: "charity" })).toEqual({ charityNumber: "Enter your charity number" });
    expect(errorsOf({ kind: "company" })).toEqual({ companyNumber: "Enter your company number" });
    expect(errorsOf({ kind: "group" })).toEqual({});
  });
});
