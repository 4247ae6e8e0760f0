import { z } from "zod";
import {
  optionalText,
  optionalWholeNumber,
  postcode,
  requiredText,
  uprn,
} from "../../../platform/http/fields.ts";
import { tenures } from "../schema.ts";

export const tenureNames: Record<(typeof tenures)[number], string> = {
  "social-rent": "Social rent",
  "affordable-rent": "Affordable rent",
  "shared-ownership": "Shared ownership",
  leasehold: "Leasehold",
  "intermediate-rent": "Intermediate rent",
  supported: "Supported housing",
  temporary: "Temporary accommodation",
};

const lsoaCode = (edition: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^E01[0-9]{6}$/, { error: `Enter a ${edition} LSOA code like E01024532, or leave it blank` })
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((value) => value ?? null);

/** The shape of a home, shared by the form, the API and the CSV import. */
export const homeInput = z.object({
  uprn,
  addressLine1: requiredText("the first line of the address"),
  addressLine2: optionalText(200),
  town: requiredText("the town or city", 100),
  postcode,
  tenure: z.enum(tenures, { error: `Choose a tenure: ${tenures.join(", ")}` }),
  bedrooms: optionalWholeNumber("bedrooms", 0, 12),
  blockName: optionalText(200),
  laCode: z
    .string({ error: "Enter the local authority's ONS code" })
    .trim()
    .toUpperCase()
    .regex(/^E0[6-9][0-9]{6}$/, { error: "Enter a local authority ONS code like E07000110" }),
  lsoa21Code: lsoaCode("2021"),
  lsoa11Code: lsoaCode("2011"),
});

export type HomeInput = z.infer<typeof homeInput>;
