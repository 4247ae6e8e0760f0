import { z } from "zod";

/**
 * Money typed by a person, in pounds ("25", "£1,250.50"), read as whole pence.
 * Parsing the text (never parseFloat) keeps 0.1 + 0.2 problems out of totals.
 */
export function poundsToPence(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, "").replace(/,/g, "");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** A form or API amount in pounds, with messages that say exactly what is wrong. */
export function poundsField(what: string, minPence: number, maxPence: number) {
  return z.union([z.string(), z.number()], { error: `Enter ${what}` }).transform((value, ctx) => {
    const text = String(value).trim();
    if (text === "") {
      ctx.addIssue({ code: "custom", message: `Enter ${what}` });
      return z.NEVER;
    }
    if (/^-/.test(text.replace(/^£/, ""))) {
      ctx.addIssue({ code: "custom", message: `${capitalise(what)} must be more than £0` });
      return z.NEVER;
    }
    const pence = poundsToPence(text);
    if (pence === null) {
      ctx.addIssue({
        code: "custom",
        message: `${capitalise(what)} must be an amount in pounds, like 25 or 25.50`,
      });
      return z.NEVER;
    }
    if (pence <= 0) {
      ctx.addIssue({ code: "custom", message: `${capitalise(what)} must be more than £0` });
      return z.NEVER;
    }
    if (pence < minPence || pence > maxPence) {
      ctx.addIssue({
        code: "custom",
        message: `${capitalise(what)} must be between ${formatMoney(minPence)} and ${formatMoney(maxPence)}`,
      });
      return z.NEVER;
    }
    return pence;
  });
}

/** An amount already in pence (API and command inputs), with the same messages as poundsField. */
export function penceField(what: string, minPence: number, maxPence: number) {
  return z
    .number({ error: `Enter ${what}` })
    .int({ error: `${capitalise(what)} must be a whole number of pence` })
    .superRefine((pence, ctx) => {
      if (pence <= 0) ctx.addIssue({ code: "custom", message: `${capitalise(what)} must be more than £0` });
      else if (pence < minPence || pence > maxPence) {
        ctx.addIssue({
          code: "custom",
          message: `${capitalise(what)} must be between ${formatMoney(minPence)} and ${formatMoney(maxPence)}`,
        });
      }
    });
}

function formatMoney(pence: number): string {
  return `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: pence % 100 ? 2 : 0 })}`;
}

/** A share of an amount in basis points (5000 = 50%), rounded down to the penny. */
export function shareOf(amountPence: number, basisPoints: number): number {
  return Math.floor((amountPence * basisPoints) / 10_000);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
