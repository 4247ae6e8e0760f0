import { describe, expect, it } from "vitest";
import type { OrganisationBrand } from "./brand-of.ts";
import { brandSignature } from "./brand-signature.ts";

const brand: OrganisationBrand = {
  organisationId: "o",
  slug: "riverside",
  name: "Riverside Homes",
  colour: null,
  logoUrl: null,
  stylesheetUrl: null,
  postalAddress: null,
  contact: { email: "help@riverside.example", phone: null, address: "1 Quay Street\nLeeds", website: null },
};

describe("brand signature for emails and letters", () => {
  it("lists the name and only the contact details the organisation gave", () => {
    expect(brandSignature(brand)).toBe(
      "Riverside Homes\n1 Quay Street\nLeeds\nEmail: help@riverside.example",
    );
  });
});
