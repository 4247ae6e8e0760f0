import { z } from "zod";
import { email, postcode, requiredText, ukPhone } from "../../../platform/http/fields.ts";
import {
  checkRegistrationNumbers,
  organisationTypeKeys,
  poundsAsPence,
  registrationNumbers,
} from "../inputs.ts";
import type { GrantApplication, GrantProgramme } from "../schema.ts";

// The sections of the application form. Each section validates on its own (save and
// return), and submission checks that every section is complete.

export const applicationSections = ["eligibility", "organisation", "contact", "project"] as const;
export type ApplicationSection = (typeof applicationSections)[number];

export const sectionTitles: Record<ApplicationSection, string> = {
  eligibility: "Check your organisation is eligible",
  organisation: "About your organisation",
  contact: "Contact details",
  project: "About your project",
};

const organisationSection = z
  .object({
    organisationName: requiredText("your organisation's name", 200),
    organisationType: z.enum(organisationTypeKeys, { error: "Select the type of organisation" }),
    ...registrationNumbers,
    // The platform's postcode rule, asked for as the organisation's own.
    postcode: z
      .string({ error: "Enter your organisation's postcode" })
      .trim()
      .min(1, { error: "Enter your organisation's postcode" })
      .pipe(postcode),
    town: requiredText("the town or city", 100),
  })
  .superRefine((value, ctx) => {
    checkRegistrationNumbers(value, ctx, {
      charity:
        value.organisationType === "registered-charity" ||
        value.organisationType === "charitable-incorporated-organisation",
      company:
        value.organisationType === "community-interest-company" ||
        value.organisationType === "company-limited-by-guarantee",
    });
  });

const contactSection = z.object({
  contactName: requiredText("the contact's full name", 150),
  contactEmail: z
    .string({ error: "Enter an email address" })
    .trim()
    .min(1, { error: "Enter an email address" })
    .pipe(email),
  contactPhone: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.union([z.literal(""), ukPhone]))
    .transform((value) => (value === "" ? null : value)),
});

function projectSection(programme: GrantProgramme) {
  const codes = programme.outcomes.map((outcome) => outcome.code);
  return z.object({
    projectTitle: requiredText("a project title", 150),
    projectSummary: requiredText("a summary of the project", 3000),
    amountRequestedPence: poundsAsPence("the amount you are asking for", {
      min: 100,
      max: programme.maxAwardPence,
    }),
    outcomeCodes: z
      .array(z.string(), { error: "Select at least one outcome" })
      .min(1, { error: "Select at least one outcome your project will achieve" })
      .refine((list) => list.every((code) => codes.includes(code)), {
        error: "Select outcomes from the list",
      }),
  });
}

function eligibilitySection(programme: GrantProgramme) {
  return z.object(
    Object.fromEntries(
      programme.eligibilityQuestions.map((question) => [
        question.id,
        z.enum(["yes", "no"], { error: `Answer: ${question.question}` }),
      ]),
    ),
  );
}

export function sectionSchema(
  programme: GrantProgramme,
  section: ApplicationSection,
): z.ZodType<Record<string, unknown>> {
  switch (section) {
    case "eligibility":
      return eligibilitySection(programme).transform((answers) => ({ answers }));
    case "organisation":
      return organisationSection;
    case "contact":
      return contactSection;
    case "project":
      return projectSection(programme);
  }
}

/** Which sections are complete, for the task list and the check-answers page. */
export function completedSections(
  programme: GrantProgramme,
  application: GrantApplication,
): Record<ApplicationSection, boolean> {
  return {
    eligibility: programme.eligibilityQuestions.every(
      (question) => application.answers[question.id] !== undefined,
    ),
    organisation: Boolean(
      application.organisationName && application.organisationType && application.postcode,
    ),
    contact: Boolean(application.contactName && application.contactEmail),
    project: Boolean(
      application.projectTitle &&
        application.projectSummary &&
        application.amountRequestedPence &&
        application.outcomeCodes.length > 0,
    ),
  };
}

/** Reasons the answers make the organisation ineligible; empty when eligible. */
export function eligibilityFailures(programme: GrantProgramme, answers: Record<string, string>): string[] {
  return programme.eligibilityQuestions
    .filter((question) => answers[question.id] !== question.expected)
    .map((question) => question.failureReason);
}
