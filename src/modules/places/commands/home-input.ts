import { z } from "zod";
import {
  isRealDate,
  optionalOf,
  optionalText,
  optionalWholeNumber,
  postcode,
  requiredText,
  uprn,
} from "../../../platform/http/fields.ts";
import { type Tenure, type TsmStockCategory, tenures, tsmStockCategories } from "../schema.ts";

export const tenureNames: Record<(typeof tenures)[number], string> = {
  "social-rent": "Social rent",
  "affordable-rent": "Affordable rent",
  "shared-ownership": "Shared ownership",
  leasehold: "Leasehold",
  "intermediate-rent": "Intermediate rent",
  supported: "Supported housing",
  temporary: "Temporary accommodation",
};

export const tsmStockCategoryNames: Record<TsmStockCategory, string> = {
  "lcra-general-needs": "Low-cost rental: general needs",
  "lcra-supported-housing": "Low-cost rental: supported housing",
  "lcra-housing-for-older-people": "Low-cost rental: housing for older people",
  lcho: "Low-cost home ownership",
  leasehold: "Outside TSM stock: leasehold",
  "market-rent": "Outside TSM stock: market rent",
  "non-social": "Outside TSM stock: other non-social housing",
};

/**
 * The category a home takes from its tenure when none is given (the table in docs/import-homes.md;
 * migration 0011 applied it to existing homes). Temporary and intermediate-rent homes are Kith's
 * interpretation: set the category on the home where your arrangement differs.
 */
export const stockCategoryOfTenure: Record<Tenure, TsmStockCategory> = {
  "social-rent": "lcra-general-needs",
  "affordable-rent": "lcra-general-needs",
  temporary: "lcra-general-needs",
  supported: "lcra-supported-housing",
  "shared-ownership": "lcho",
  leasehold: "leasehold",
  "intermediate-rent": "non-social",
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

const ownershipDate = (what: string) =>
  optionalOf(
    z
      .string()
      .trim()
      .refine(isRealDate, { error: `Enter the date ${what} as a real date (in a file: YYYY-MM-DD)` }),
  );

/** The shape of a home, shared by the form, the API and the CSV import. */
const homeFields = z.object({
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
  tsmStockCategory: optionalOf(
    z.enum(tsmStockCategories, {
      error: `Choose a TSM stock category: ${tsmStockCategories.join(", ")}`,
    }),
  ),
  acquiredOn: ownershipDate("the home was acquired"),
  disposedOn: ownershipDate("the home was sold or disposed of"),
});

export const homeInput = homeFields
  .refine((home) => !home.acquiredOn || !home.disposedOn || home.disposedOn >= home.acquiredOn, {
    error: "The disposed date must be on or after the acquired date",
    path: ["disposedOn"],
  })
  .transform((home) => ({
    ...home,
    tsmStockCategory: home.tsmStockCategory ?? stockCategoryOfTenure[home.tenure],
  }));

export type HomeInput = z.output<typeof homeInput>;
