import { z } from "zod";
import {
  email,
  isoDate,
  optionalOf,
  optionalText,
  postcode,
  requiredText,
  ukPhone,
} from "../../../platform/http/fields.ts";
import { personTypes } from "../schema.ts";

export const personInput = z.object({
  givenName: requiredText("the first name", 100),
  familyName: requiredText("the last name", 100),
  dateOfBirth: optionalOf(isoDate),
  email: optionalOf(email),
  phone: optionalOf(ukPhone),
  homeId: optionalOf(z.uuid({ error: "Choose a home from the list" })),
  address: optionalText(300),
  postcode: optionalOf(postcode),
  personType: z.enum(personTypes, { error: "Choose whether they are a tenant, resident or contact" }),
  /** The officer has seen the possible duplicates and still wants a new record. */
  confirmNotDuplicate: z
    .union([z.literal("yes"), z.literal(true), z.literal(""), z.null()])
    .optional()
    .transform((value) => value === "yes" || value === true),
});

export type PersonInput = z.infer<typeof personInput>;
