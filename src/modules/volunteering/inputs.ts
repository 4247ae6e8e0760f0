import { z } from "zod";
import {
  email,
  isRealDate,
  normalisePostcode,
  optionalText,
  requiredText,
  ukPhone,
  wholeNumber,
} from "../../platform/http/fields.ts";
import { validInput } from "../../platform/http/valid-input.ts";
import {
  type AvailabilitySlot,
  availabilitySlots,
  type CheckKind,
  checkKinds,
  interests,
  skills,
  type Theme,
  themes,
  trainingKinds,
} from "./vocabulary.ts";

const keysOf = <K extends string>(list: Record<K, string>) => Object.keys(list) as K[];

// One schema per command input, shared by pages (form strings), the API (JSON) and the CLI.

/** A list from checkboxes ("a,b" or ["a","b"]) restricted to a fixed vocabulary. */
function listOf<T extends string>(allowed: readonly T[], what: string) {
  return z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((value) =>
      (value === undefined ? [] : Array.isArray(value) ? value : value.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), {
      error: `Choose ${what} from the list`,
    })
    .transform((values) => [...new Set(values)] as T[]);
}

function choice<T extends string>(allowed: readonly T[], message: string) {
  return z
    .string({ error: message })
    .refine((v): v is T => (allowed as readonly string[]).includes(v), { error: message })
    .transform((v) => v as T);
}

const yesNo = z
  .union([z.boolean(), z.enum(["yes", "no", "true", "false"])], { error: "Select yes or no" })
  .transform((v) => v === true || v === "yes" || v === "true");

export const optionalPostcode = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const normalised = normalisePostcode(value);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "Enter a real postcode, like ME1 2AB" });
      return z.NEVER;
    }
    return normalised;
  });

export const dateText = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .refine(isRealDate, {
      error: `${what[0]?.toUpperCase()}${what.slice(1)} must be a real date, like 2026-03-27`,
    });

export const opportunityInput = z
  .object({
    title: requiredText("the role title", 120),
    description: requiredText("a description of the role", 4000),
    activity: requiredText("the activity the role is part of", 200),
    theme: choice<Theme>(keysOf(themes), "Select a theme"),
    skills: listOf(Object.keys(skills), "skills"),
    interests: listOf(Object.keys(interests), "interests"),
    availability: listOf<AvailabilitySlot>(keysOf(availabilitySlots), "when the role happens"),
    remote: yesNo,
    locationName: optionalText(200),
    postcode: optionalPostcode,
    timeCommitment: requiredText("the time commitment", 200),
    dbsRequired: yesNo,
    trainingRequired: listOf<CheckKind>(trainingKinds, "training"),
    minimumAge: z
      .union([z.literal(""), z.null(), wholeNumber("minimum age", 14, 25)])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    places: wholeNumber("number of places", 1, 1000),
    projectRef: optionalText(100),
  })
  .superRefine((value, ctx) => {
    if (!value.remote && !value.postcode)
      ctx.addIssue({
        code: "custom",
        path: ["postcode"],
        message: "Enter the postcode where the role happens, or say it is remote",
      });
    if (value.interests.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["interests"],
        message: "Select at least one interest the role suits",
      });
  });
export type OpportunityInput = z.infer<typeof opportunityInput>;

export const volunteerInput = z.object({
  givenName: requiredText("their first name", 100),
  familyName: requiredText("their last name", 100),
  email,
  phone: z
    .union([z.literal(""), z.null(), ukPhone])
    .optional()
    .transform((v) => v || null),
  dateOfBirth: z
    .union([z.literal(""), z.null(), dateText("date of birth")])
    .optional()
    .transform((v) => v || null),
  postcode: optionalPostcode,
  interests: listOf(Object.keys(interests), "interests"),
  skills: listOf(Object.keys(skills), "skills"),
  availability: listOf<AvailabilitySlot>(keysOf(availabilitySlots), "when they are free"),
});
export type VolunteerInput = z.infer<typeof volunteerInput>;

/** What a volunteer may change about themselves: names and email stay with the coordinator. */
export const ownProfileInput = volunteerInput.pick({
  phone: true,
  postcode: true,
  interests: true,
  skills: true,
  availability: true,
});

export const checkInput = z.object({
  kind: choice<CheckKind>(keysOf(checkKinds), "Select the kind of check"),
  reference: optionalText(100),
  issuedOn: dateText("the date it was issued"),
  expiresOn: z
    .union([z.literal(""), z.null(), dateText("the renewal date")])
    .optional()
    .transform((v) => v || null),
});

/** Hours typed as "2", "2.5", "1:30" or "90m": stored as whole minutes. */
export const durationText = z
  .union([z.string(), z.number()], { error: "Enter the hours" })
  .transform((value, ctx) => {
    const text = String(value).trim().toLowerCase();
    let minutes: number | null = null;
    const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
    if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
    else if (/^\d+m$/.test(text)) minutes = Number(text.slice(0, -1));
    else if (/^\d+(\.\d+)?h?$/.test(text)) minutes = Math.round(Number(text.replace("h", "")) * 60);
    if (text === "") {
      ctx.addIssue({ code: "custom", message: "Enter the hours" });
      return z.NEVER;
    }
    if (minutes === null) {
      ctx.addIssue({ code: "custom", message: "Enter hours as a number, like 2 or 2.5 or 1:30" });
      return z.NEVER;
    }
    if (minutes < 1) {
      ctx.addIssue({ code: "custom", message: "Hours must be more than 0" });
      return z.NEVER;
    }
    if (minutes > 24 * 60) {
      ctx.addIssue({ code: "custom", message: "A day has only 24 hours: enter 24 or fewer" });
      return z.NEVER;
    }
    return minutes;
  });

export const hoursInput = z.object({
  opportunityId: z
    .string({ error: "Select the role you volunteered for" })
    .uuid({ error: "Select the role you volunteered for" }),
  workedOn: dateText("the date you volunteered"),
  minutes: durationText,
  note: optionalText(500),
});

export const rateInput = z.object({
  year: wholeNumber("year", 2000, 2100),
  ratePence: wholeNumber("rate in pence", 1, 100000),
  source: requiredText("where the rate comes from", 500),
});

export const atRiskWeeksInput = z.object({ weeks: wholeNumber("number of weeks", 1, 52) });

/** Runs a schema and turns failures into a 422 problem with one message per field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  return validInput(schema, input, "Some answers are missing or not valid.");
}
