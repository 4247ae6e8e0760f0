import type { OrganisationBrand } from "./brand-of.ts";

/**
 * The organisation's name and contact details as plain-text lines, for the foot of an email or
 * letter, so residents can reply to their landlord or council rather than to Kith.
 */
export function brandSignature(brand: OrganisationBrand): string {
  const { address, phone, email, website } = brand.contact;
  return [
    brand.name,
    address,
    phone ? `Telephone: ${phone}` : null,
    email ? `Email: ${email}` : null,
    website,
  ]
    .filter((line): line is string => Boolean(line))
    .join("\n");
}
