import { z } from "zod";
import { isRealDate, optionalText, requiredText } from "../../platform/http/fields.ts";
import { validInput } from "../../platform/http/valid-input.ts";
import { involvementKinds, questionKinds } from "./schema.ts";

const dateText = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .refine(isRealDate, { error: `Enter ${what} as a real date, like 2026-03-27` });
const oneOf = <K extends string>(list: Record<K, string>, message: string) =>
  z
    .string({ error: message })
    .refine((v): v is K => Object.hasOwn(list, v), { error: message })
    .transform((v) => v as K);

export const involvementInput = z.object({
  kind: oneOf(involvementKinds, "Select the kind of involvement"),
  title: requiredText("a title", 150),
  description: requiredText("a description", 4000),
});

export const participationInput = z.object({
  personId: z.string({ error: "Select the resident" }).uuid({ error: "Select the resident" }),
  role: optionalText(100),
  startedOn: dateText("the date they started"),
});

/** Changing a participation: the person stays; their role and dates may be corrected or ended. */
export const participationChangeInput = z
  .object({
    role: optionalText(100),
    startedOn: dateText("the date they started"),
    endedOn: z
      .union([z.literal(""), z.null(), dateText("the date they stopped")])
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.endedOn === null || v.endedOn >= v.startedOn, {
    path: ["endedOn"],
    error: "The date they stopped must be on or after the date they started",
  });

export const consultationInput = z
  .object({
    title: requiredText("a title", 150),
    description: requiredText("what the consultation is about", 4000),
    opensOn: dateText("the opening date"),
    closesOn: dateText("the closing date"),
  })
  .refine((v) => v.closesOn >= v.opensOn, {
    path: ["closesOn"],
    error: "The closing date must be on or after the opening date",
  });

export const questionInput = z
  .object({
    kind: oneOf(questionKinds, "Select the kind of question"),
    text: requiredText("the question", 300),
    options: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    required: z
      .union([z.boolean(), z.enum(["yes", "no"])])
      .optional()
      .transform((v) => v === true || v === "yes"),
  })
  .superRefine((v, ctx) => {
    if (
      (v.kind === "single-choice" || v.kind === "multiple-choice") &&
      (v.options.length < 2 || v.options.length > 12)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "Enter between 2 and 12 answers to choose from, one on each line",
      });
    }
    if (v.options.some((option) => option.length > 150))
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "Each answer must be 150 characters or fewer",
      });
  });

export const youSaidInput = z.object({
  youSaid: requiredText("what residents said", 2000),
  weDid: requiredText("what you did about it", 2000),
  publishedOn: dateText("the date to publish"),
  consultationId: z
    .union([z.literal(""), z.string().uuid({ error: "Select a consultation from the list" })])
    .optional()
    .transform((v) => v || null),
});

export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  return validInput(schema, input, "Some answers are missing or not valid.");
}
