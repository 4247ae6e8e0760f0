// What modules may use of an organisation's brand: for emails, letters and reports that
// should carry the organisation's name, colour, logo and contact details.
export { type BrandContact, brandOf, type OrganisationBrand } from "./brand-of.ts";
export { brandSignature } from "./brand-signature.ts";
export { checkBrandColour, contrastRatio, KITH_BRAND_COLOUR, storedBrandColour } from "./contrast.ts";
