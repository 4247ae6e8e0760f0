import { z } from "zod";

// Shared field rules with messages written for people, in the GOV.UK error-message style.

/** UK postcode: validated by shape, then normalised to upper case with one space. */
export const postcodePattern = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

export function normalisePostcode(input: string): string | null {
  const match = postcodePattern.exec(input.trim().toUpperCase().replace(/\s+/g, " "));
  return match ? `${match[1]} ${match[2]}` : null;
}

export const postcode = z
  .string({ error: "Enter a postcode" })
  .trim()
  .min(1, { error: "Enter a postcode" })
  .transform((value, ctx) => {
    const normalised = normalisePostcode(value);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "Enter a real postcode, like ME1 2AB" });
      return z.NEVER;
    }
    return normalised;
  });

/** Unique Property Reference Number: up to 12 digits (OS AddressBase). */
export const uprn = z
  .string({ error: "Enter a UPRN" })
  .trim()
  .regex(/^[0-9]{1,12}$/, { error: "Enter a UPRN of up to 12 digits, like 100062154321" })
  .transform((value) => value.replace(/^0+(?=\d)/, ""));

export function requiredText(what: string, max = 200) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .max(max, { error: `${capitalise(what)} must be ${max} characters or fewer` });
}

export function optionalText(max = 2000) {
  return z
    .string()
    .trim()
    .max(max, { error: `Must be ${max} characters or fewer` })
    .optional()
    .transform((value) => (value ? value : null));
}

/** A whole number typed into a form: text where a number belongs gets a clear message. */
export function wholeNumber(what: string, min: number, max: number) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const text = String(value).trim().replace(/,/g, "");
    if (!/^-?\d+$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `${capitalise(what)} must be a whole number, like 3` });
      return z.NEVER;
    }
    const number = Number(text);
    if (number < min || number > max) {
      ctx.addIssue({ code: "custom", message: `${capitalise(what)} must be between ${min} and ${max}` });
      return z.NEVER;
    }
    return number;
  });
}

/**
 * An optional form or API field: missing, null and "" all mean "not given" (null);
 * anything else must pass `schema`.
 */
export function optionalOf<T extends z.ZodType>(schema: T) {
  // Parsed by hand rather than as a union, so the field keeps the inner schema's own message.
  return z
    .unknown()
    .optional()
    .transform((value, ctx): z.output<T> | null => {
      if (value === "" || value === undefined || value === null) return null;
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      for (const issue of result.error.issues)
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    });
}

export function optionalWholeNumber(what: string, min: number, max: number) {
  return optionalOf(wholeNumber(what, min, max));
}

/** A calendar date as YYYY-MM-DD that really exists (no 31 February). */
export const isoDate = z.string().refine((value) => isRealDate(value), {
  error: "Enter a real date between 1900 and 2199, like 2026-03-27",
});

/** Dates outside these years are typing mistakes, and far ones (9999-12-31) overflow date arithmetic. */
export const earliestYear = 1900;
export const latestYear = 2199;

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < earliestYear || year > latestYear) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Joins GOV.UK date-input parts (name-day, name-month, name-year) into YYYY-MM-DD, or "" when all are empty. */
/** The day, month and year fields of a GOV.UK date input, from an ISO date (empty when there is none). */
export function dateParts(date: string | null | undefined): { year: string; month: string; day: string } {
  const [year = "", month = "", day = ""] = (date ?? "").split("-");
  return { year, month, day };
}

export function dateFromParts(values: Record<string, string | undefined>, name: string): string {
  const day = (values[`${name}-day`] ?? "").trim();
  const month = (values[`${name}-month`] ?? "").trim();
  const year = (values[`${name}-year`] ?? "").trim();
  if (!day && !month && !year) return "";
  return `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
    error: "Enter an email address in the correct format, like name@example.org",
  });

export const ukPhone = z
  .string()
  .trim()
  .regex(/^(\+44\s?|0)[0-9\s]{9,13}$/, {
    error: "Enter a UK phone number, like 01632 960 001 or 07700 900 982",
  });

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A list page's ?page=: a whole number from 1 to 10,000, and 1 for anything else (never an error). */
export function pageNumber(raw: string | undefined): number {
  return Math.max(1, Math.min(10_000, Number.parseInt(raw ?? "1", 10) || 1));
}
