import { z } from "zod";
import { isRealDate, optionalText, requiredText } from "../../platform/http/fields.ts";
import {
  answers,
  attendanceRoles,
  communities,
  depths,
  indicatorLevels,
  indicatorUnits,
  stages,
} from "./schema.ts";

// Input rules shared by the pages, the API and the CLI, with messages written for people.

const choice = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `Choose ${what}` });

const realDate = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .refine(isRealDate, { error: `Enter ${what} as a real date, like 2026-03-27` });

const percent = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .min(0, { error: `${what} must be 0 or more` })
    .max(100, { error: `${what} must be 100 or less` });

export const fundingLineInput = z.object({
  source: requiredText("the funding source", 200),
  kind: choice(["internal", "external"] as const, "internal or external funding"),
  amountPence: z
    .number({ error: "Enter the amount in pence" })
    .int({ error: "The amount must be a whole number of pence" })
    .min(0, { error: "The amount cannot be negative" })
    .max(1e12),
  year: z.number().int().min(2000, { error: "Enter a year from 2000" }).max(2100),
  secured: z.boolean().default(true),
});

export const steeringMemberInput = z.object({
  name: requiredText("the member's name", 200),
  role: requiredText("the member's role", 200),
  localPerson: z.boolean(),
});

export const projectInput = z
  .object({
    name: requiredText("the project name", 200),
    summary: optionalText(4000),
    kind: choice(["project", "service"] as const, "project or service"),
    stage: choice(stages, "a stage"),
    communityDevelopment: z.boolean().default(false),
    themeCodes: z.array(z.string()).min(1, { error: "Choose at least one theme" }),
    areas: z
      .array(
        z.object({
          laCode: z.string().regex(/^E0[6-9][0-9]{6}$/, { error: "Choose a local authority" }),
          lsoa21Code: z
            .string()
            .regex(/^E01[0-9]{6}$/, { error: "Enter a neighbourhood code like E01016012" })
            .nullable()
            .default(null),
        }),
      )
      .min(1, { error: "Choose at least one area" }),
    leadPartnerId: z.uuid({ error: "Choose a lead partner from the list" }).nullable().default(null),
    partnerIds: z.array(z.uuid({ error: "Choose partners from the list" })).default([]),
    need: choice(answers, "whether there is a genuine need"),
    bestPlaced: choice(answers, "whether we are best placed"),
    canResource: choice(answers, "whether we can resource it"),
    changeTemplateId: z.uuid({ error: "Choose a theory of change from the list" }).nullable().default(null),
    theoryOfChange: z
      .object({
        inputs: z.string().trim().max(4000),
        activities: z.string().trim().max(4000),
        outputs: z.string().trim().max(4000),
        outcomes: z.string().trim().max(4000),
      })
      .nullable()
      .default(null),
    indicatorCodes: z.array(z.string()).default([]),
    funding: z.array(fundingLineInput).default([]),
    steering: z.array(steeringMemberInput).default([]),
    followUpMonths: z
      .array(
        z.union([z.literal(3), z.literal(6), z.literal(12), z.literal(24)], {
          error: "Follow-ups can be at 3, 6, 12 or 24 months",
        }),
      )
      .default([]),
    attributionPercent: percent("Attribution").default(0),
    displacementPercent: percent("Displacement").default(0),
    dropOffPercent: percent("Drop-off").default(0),
    benefitYears: z.coerce
      .number()
      .int()
      .min(1, { error: "Benefits last at least 1 year" })
      .max(10, { error: "Benefits can last at most 10 years" })
      .default(1),
    assetId: z.uuid().nullable().default(null),
    startsOn: realDate("the start date").nullable().default(null),
    endsOn: realDate("the end date").nullable().default(null),
  })
  .superRefine((value, ctx) => {
    const toc = value.theoryOfChange;
    if (!value.changeTemplateId && !(toc?.inputs && toc.activities && toc.outputs && toc.outcomes)) {
      ctx.addIssue({
        code: "custom",
        path: ["theoryOfChange"],
        message: "Choose a theory of change template, or write the inputs, activities, outputs and outcomes",
      });
    }
    if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "The end date must be on or after the start date",
      });
    }
  });
export type ProjectInput = z.input<typeof projectInput>;

export const themeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, { error: "The theme code must be lower-case letters, numbers and hyphens" }),
  name: requiredText("the theme name"),
  description: optionalText(2000),
  crossCutting: z.boolean().default(false),
  outcomes: z.array(requiredText("the outcome", 300)).default([]),
});

/** A baseline and target for one period (a year like 2026, or a financial year like 2026/27). */
export const indicatorTargetInput = z.object({
  period: z
    .string({ error: "Enter the period like 2026 or 2026/27" })
    .trim()
    .regex(/^[0-9]{4}(\/[0-9]{2})?$/, { error: "Enter the period like 2026 or 2026/27" }),
  baseline: z.number({ error: "The baseline must be a number" }).nullable().default(null),
  target: z.number({ error: "Enter the target as a number" }),
});

export const indicatorInput = z.object({
  themeCode: z.string(),
  outcomeName: z.string().nullable().default(null),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,40}$/, { error: "The indicator code must be letters, numbers and hyphens" }),
  name: requiredText("the indicator name"),
  level: choice(indicatorLevels, "individual, community or business"),
  unit: choice(indicatorUnits, "a unit"),
  targets: z.array(indicatorTargetInput).default([]),
});

export const changeTemplateInput = z.object({
  name: requiredText("the template name"),
  inputs: requiredText("the inputs", 4000),
  activities: requiredText("the activities", 4000),
  outputs: requiredText("the outputs", 4000),
  outcomes: requiredText("the outcomes", 4000),
  indicatorCodes: z.array(z.string()).default([]),
});

export const participantInput = z
  .object({
    personId: z.uuid({ error: "Choose a person from the list" }).nullable().default(null),
    externalRef: z.string().trim().min(1).max(100).nullable().default(null),
    displayName: z.string().trim().max(200).nullable().default(null),
    dateOfBirth: realDate("the date of birth").nullable().default(null),
    tenant: z.boolean().nullable().default(null),
    laCode: z
      .string()
      .regex(/^E0[6-9][0-9]{6}$/, { error: "Enter a local authority code like E06000035" })
      .nullable()
      .default(null),
    lsoa21Code: z
      .string()
      .regex(/^E01[0-9]{6}$/, { error: "Enter a neighbourhood code like E01016012" })
      .nullable()
      .default(null),
    communities: z.array(choice(communities, "older residents, young people or disability")).default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.personId && !value.externalRef) {
      ctx.addIssue({
        code: "custom",
        path: ["personId"],
        message: "Choose a person, or give the reference from your other system",
      });
    }
    if (!value.personId && !value.displayName) {
      ctx.addIssue({ code: "custom", path: ["displayName"], message: "Enter the participant's name" });
    }
  });
export type ParticipantInput = z.input<typeof participantInput>;

export const sessionInput = z.object({
  projectId: z.uuid({ error: "Choose a project" }),
  title: requiredText("the session title"),
  heldOn: realDate("the date of the session"),
  durationMinutes: z.coerce
    .number({ error: "Enter the length in minutes" })
    .int({ error: "Enter the length as whole minutes" })
    .min(1, { error: "A session lasts at least 1 minute" })
    .max(1440, { error: "A session lasts at most 24 hours (1440 minutes)" }),
  depth: choice(depths, "light-touch or in-depth"),
  laCode: z.string().regex(/^E0[6-9][0-9]{6}$/, { error: "Choose the local authority where it was held" }),
  lsoa21Code: z
    .string()
    .regex(/^E01[0-9]{6}$/, { error: "Enter a neighbourhood code like E01016012" })
    .nullable()
    .default(null),
  assetId: z.uuid().nullable().default(null),
});
export type SessionInput = z.input<typeof sessionInput>;

export const attendanceInput = z.object({
  attendees: z
    .array(
      z.object({
        participantId: z.uuid({ error: "Each attendee must be a participant id" }),
        role: choice(attendanceRoles, "participant, volunteer or service-user input").default("participant"),
        minutes: z
          .number()
          .int()
          .min(0, { error: "Minutes cannot be negative" })
          .max(1440, { error: "Minutes must be at most 1440" })
          .default(0),
      }),
    )
    .min(1, { error: "Choose at least one person who attended" })
    .max(5000, { error: "Record at most 5,000 attendees at once" }),
});
export type AttendanceInput = z.input<typeof attendanceInput>;

/** A whole-number score on a scale (distance travelled, WEMWBS), or null when not taken. */
export const scoreInput = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be between ${min} and ${max}` })
    .max(max, { error: `${what} must be between ${min} and ${max}` })
    .nullable()
    .default(null);

export const outcomeInput = z.object({
  participantId: z.uuid({ error: "Choose the participant this outcome is for" }),
  projectId: z.uuid({ error: "Choose the project" }),
  valueCode: z.string().trim().max(40).nullable().default(null),
  achievedOn: realDate("the date the outcome was achieved"),
  wellbeingBefore: scoreInput(7, 35, "Wellbeing before"),
  wellbeingAfter: scoreInput(7, 35, "Wellbeing after"),
  distanceBefore: scoreInput(1, 10, "Distance travelled before"),
  distanceAfter: scoreInput(1, 10, "Distance travelled after"),
  evidence: requiredText("the evidence (for example, the survey or document)", 2000),
  story: optionalText(8000),
});
export type OutcomeInput = z.input<typeof outcomeInput>;
