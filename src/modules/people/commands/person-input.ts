import { z } from "zod";
import {
  email,
  isoDate,
  optionalText,
  postcode,
  requiredText,
  ukPhone,
} from "../../../platform/http/fields.ts";
import { personTypes } from "../schema.ts";

const blank = z.union([z.literal(""), z.undefined(), z.null()]).transform(() => null);

export const personInput = z.object({
  givenName: requiredText("the first name", 100),
  familyName: requiredText("the last name", 100),
  dateOfBirth: z.union([blank, isoDate]).transform((value) => value || null),
  email: z.union([blank, email]),
  phone: z.union([blank, ukPhone]),
  homeId: z.union([blank, z.uuid({ error: "Choose a home from the list" })]),
  address: optionalText(300),
  postcode: z.union([blank, postcode]),
  personType: z.enum(personTypes, { error: "Choose whether they are a tenant, resident or contact" }),
  /** The officer has seen the possible duplicates and still wants a new record. */
  confirmNotDuplicate: z
    .union([z.literal("yes"), z.literal(true), blank])
    .transform((value) => value === "yes" || value === true),
});

export type PersonInput = z.infer<typeof personInput>;
