import { z } from "zod";
import { isRealDate } from "../../platform/http/fields.ts";

// Field rules shared by the pages and the API, with messages written for people.

/** Money typed as pounds ("1,250" or "1250.50") becomes whole pence; pence sent by the API stay as they are. */
export function poundsAsPence(what: string, options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 1;
  const max = options.max ?? 100_000_000_00;
  return z.union([z.string(), z.number()], { error: `Enter ${what}` }).transform((value, ctx) => {
    const text = String(value).trim().replace(/^£/, "").replace(/,/g, "");
    if (text === "") {
      ctx.addIssue({ code: "custom", message: `Enter ${what}` });
      return z.NEVER;
    }
    if (!/^-?\d+(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `Enter ${what} in pounds, like 2500 or 2500.50` });
      return z.NEVER;
    }
    const [whole, fraction = ""] = text.replace("-", "").split(".");
    const pence = (text.startsWith("-") ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, "0")));
    if (pence < min) {
      ctx.addIssue({
        code: "custom",
        message: `${capitalise(what)} must be at least £${(min / 100).toFixed(2)}`,
      });
      return z.NEVER;
    }
    if (pence > max) {
      ctx.addIssue({
        code: "custom",
        message: `${capitalise(what)} must be £${(max / 100).toLocaleString("en-GB")} or less`,
      });
      return z.NEVER;
    }
    return pence;
  });
}

/** Pence as an integer, for the API. */
export function pence(what: string, min = 1) {
  return z
    .number({ error: `${capitalise(what)} must be a whole number of pence` })
    .int({ error: `${capitalise(what)} must be a whole number of pence` })
    .min(min, { error: `${capitalise(what)} must be at least ${min} pence` })
    .max(100_000_000_00, { error: `${capitalise(what)} is too large` });
}

export function realDate(what: string) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .refine((value) => isRealDate(value), {
      error: `${capitalise(what)} must be a real date, like 2026-04-01`,
    });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** England and Wales charities have 6 or 7 digits (with an optional -N for linked charities); Scotland SC, Northern Ireland NIC. */
export const charityNumberPattern = /^(\d{6,7}(-\d{1,2})?|SC\d{6}|NIC?\d{5,6})$/;
/** Companies House numbers: 8 digits, or a 2-letter prefix and 6 digits (SC, NI, OC, CE …). */
export const companyNumberPattern = /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/;

export function normaliseRegistration(value: string | null | undefined): string | null {
  const text = (value ?? "").trim().toUpperCase().replace(/\s+/g, "");
  return text === "" ? null : text;
}

export const organisationTypes = {
  "registered-charity": "Registered charity",
  "charitable-incorporated-organisation": "Charitable incorporated organisation (CIO)",
  "community-interest-company": "Community interest company (CIC)",
  "company-limited-by-guarantee": "Company limited by guarantee",
  "community-group": "Unincorporated community group",
  "tenants-association": "Tenants' and residents' association",
} as const;
export type OrganisationType = keyof typeof organisationTypes;
/** The organisation types as zod's enum takes them. */
export const organisationTypeKeys = Object.keys(organisationTypes) as [
  OrganisationType,
  ...OrganisationType[],
];

/** Charity and company numbers as typed: optional, kept upper-case without spaces, null when blank. */
export const registrationNumbers = {
  charityNumber: z.string().optional().transform(normaliseRegistration),
  companyNumber: z.string().optional().transform(normaliseRegistration),
};

/** Each register's number: when an organisation's type implies it, and the format it must have. */
const registers = [
  {
    field: "charityNumber",
    type: "charity",
    missing: "Enter your charity number",
    pattern: charityNumberPattern,
    malformed: "Enter a charity number of 6 or 7 digits, like 1234567 (or SC012345 in Scotland)",
  },
  {
    field: "companyNumber",
    type: "company",
    missing: "Enter your company number",
    pattern: companyNumberPattern,
    malformed: "Enter a company number of 8 characters, like 01234567 or SC123456",
  },
] as const;

/**
 * The superRefine step for registrationNumbers: a number that is given must be in its register's
 * format, and a number the organisation's type implies (a charity's, a company's) must be given.
 */
export function checkRegistrationNumbers(
  value: { charityNumber: string | null; companyNumber: string | null },
  ctx: z.RefinementCtx,
  required: { charity?: boolean; company?: boolean } = {},
): void {
  for (const register of registers) {
    const number = value[register.field];
    if (required[register.type] && !number)
      ctx.addIssue({ code: "custom", path: [register.field], message: register.missing });
    if (number && !register.pattern.test(number))
      ctx.addIssue({ code: "custom", path: [register.field], message: register.malformed });
  }
}
