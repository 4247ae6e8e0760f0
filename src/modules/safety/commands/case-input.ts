import { z } from "zod";
import { isRealDate } from "../../../platform/http/fields.ts";
import { hateStrands, locationTypes, partyRoles } from "../domain/categories.ts";

// Input shapes shared by officer intake, triage and the API, with messages written for people.

export const partyInput = z
  .object({
    role: z.enum(partyRoles, { error: "Choose the party's role" }),
    personId: z.uuid({ error: "Choose a person from the list" }).optional().nullable(),
    externalRef: z.string().trim().max(100).optional().nullable(),
    // Optional for a party linked to a person: their name comes from the person record.
    name: z
      .string()
      .trim()
      .max(200, { error: "The name must be 200 characters or fewer" })
      .optional()
      .default(""),
    homeId: z.uuid({ error: "Choose a home from the matches" }).optional().nullable(),
    address: z.string().trim().max(500).optional().nullable(),
    contact: z.string().trim().max(200).optional().nullable(),
    dateOfBirth: z.string().refine(isRealDate, { error: "Enter a real date of birth" }).optional().nullable(),
    vulnerable: z.boolean().optional(),
    vulnerabilityNote: z.string().trim().max(1000).optional().nullable(),
  })
  .superRefine((value, ctx) => {
    if (!value.personId && !value.name)
      ctx.addIssue({ code: "custom", path: ["name"], message: "Enter the party's name" });
  });
export type PartyInput = z.infer<typeof partyInput>;

export const caseInput = z
  .object({
    // Checked against the organisation's categories when the case is opened.
    category: z.string({ error: "Choose a category" }).trim().min(1, { error: "Choose a category" }),
    subCategory: z.string().trim().max(100).optional().nullable(),
    hateStrand: z.enum(hateStrands, { error: "Choose a hate-incident strand" }).optional().nullable(),
    locationType: z.enum(locationTypes, { error: "Choose where it happened" }),
    homeId: z.uuid({ error: "Choose a home" }).optional().nullable(),
    blockName: z.string().trim().max(200).optional().nullable(),
    locationDescription: z.string().trim().max(500).optional().nullable(),
    laCode: z
      .string()
      .trim()
      .regex(/^E0[6-9][0-9]{6}$/, { error: "Enter a local authority code, like E06000035" })
      .optional()
      .nullable(),
    summary: z
      .string({ error: "Describe what happened" })
      .trim()
      .min(1, { error: "Describe what happened" })
      .max(5000),
    openedOn: z
      .string({ error: "Enter the date the case opened" })
      .refine(isRealDate, { error: "Enter a real date, like 2026-03-27" }),
    leadOfficerId: z.uuid().optional().nullable(),
    safeguardingFlags: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    parties: z
      .array(partyInput, { error: "Add at least one party" })
      .min(1, { error: "Add at least one party: a case needs someone affected or involved" })
      .max(50),
  })
  .superRefine((value, ctx) => {
    if (value.category === "hate-incident" && !value.hateStrand) {
      ctx.addIssue({ code: "custom", path: ["hateStrand"], message: "Choose the hate-incident strand" });
    }
    if (value.locationType === "home" && !value.homeId)
      ctx.addIssue({ code: "custom", path: ["homeId"], message: "Choose the home" });
    if (value.locationType === "block" && !value.blockName && !value.homeId) {
      ctx.addIssue({ code: "custom", path: ["blockName"], message: "Enter the block name" });
    }
    if (value.locationType === "open-space" && !value.locationDescription) {
      ctx.addIssue({ code: "custom", path: ["locationDescription"], message: "Describe the open space" });
    }
  });
export type CaseInput = z.input<typeof caseInput>;
export type ParsedCaseInput = z.infer<typeof caseInput>;
