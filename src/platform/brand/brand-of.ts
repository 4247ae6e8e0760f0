// An organisation's brand as every page, email, letter and report should show it.
// Other modules call brandOf (through platform/brand/index.ts) rather than reading the table.
import { eq, or } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { isUuid } from "../db/ids.ts";
import { organisation, organisationBrand } from "../db/platform-schema.ts";
import { inOrganisation } from "../db/scope.ts";

export type BrandContact = {
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
};

export type OrganisationBrand = {
  organisationId: string;
  slug: string;
  /** The name residents know the organisation by. */
  name: string;
  /** "#rrggbb", or null for Kith's own colour. */
  colour: string | null;
  contact: BrandContact;
  /** The postal address for letterheads, one line each, ending with the postcode; null when not set. */
  postalAddress: string[] | null;
  /** Where the logo is served (an <img> source), or null when there is none. */
  logoUrl: string | null;
  /** The organisation's colour as a tiny stylesheet, or null when it uses Kith's colour. */
  stylesheetUrl: string | null;
};

const brandColumns = {
  organisationId: organisation.id,
  slug: organisation.slug,
  organisationName: organisation.name,
  displayName: organisationBrand.displayName,
  colour: organisationBrand.colour,
  contactEmail: organisationBrand.contactEmail,
  contactPhone: organisationBrand.contactPhone,
  contactAddress: organisationBrand.contactAddress,
  website: organisationBrand.website,
  postalAddress: organisationBrand.postalAddress,
  postalPostcode: organisationBrand.postalPostcode,
  logoContentType: organisationBrand.logoContentType,
  version: organisationBrand.version,
};

type BrandRow = {
  organisationId: string;
  slug: string;
  organisationName: string;
  displayName: string | null;
  colour: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  website: string | null;
  postalAddress: string | null;
  postalPostcode: string | null;
  logoContentType: string | null;
  version: string | null;
};

/** URLs carry the brand's version, so they can be cached for ever and change when the brand does. */
export function brandAssetUrl(organisationId: string, version: string, file: "brand.css" | "logo"): string {
  return `/assets/brand/${organisationId}/${version}/${file}`;
}

/** The address as typed, one line each: blank lines and stray spaces dropped. */
export function postalLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function toBrand(row: BrandRow): OrganisationBrand {
  return {
    organisationId: row.organisationId,
    slug: row.slug,
    name: row.displayName ?? row.organisationName,
    colour: row.colour,
    contact: {
      email: row.contactEmail,
      phone: row.contactPhone,
      address: row.contactAddress,
      website: row.website,
    },
    postalAddress:
      row.postalAddress && row.postalPostcode
        ? [...postalLines(row.postalAddress), row.postalPostcode]
        : null,
    logoUrl:
      row.logoContentType && row.version ? brandAssetUrl(row.organisationId, row.version, "logo") : null,
    stylesheetUrl:
      row.colour && row.version ? brandAssetUrl(row.organisationId, row.version, "brand.css") : null,
  };
}

function brandQuery(db: Db) {
  return db
    .select(brandColumns)
    .from(organisation)
    .leftJoin(organisationBrand, eq(organisationBrand.organisationId, organisation.id));
}

/**
 * The brand of one organisation (undefined if there is no such organisation). Brand details are
 * public: they are what the organisation shows residents, so no policy check is needed to read them.
 */
export async function brandOf(db: Db, organisationId: string): Promise<OrganisationBrand | undefined> {
  if (!isUuid(organisationId)) return undefined;
  const [row] = await brandQuery(db).where(eq(organisation.id, organisationId));
  return row ? toBrand(row) : undefined;
}

/** The brand of the organisation a public address names, by its id or its slug. */
export async function brandByIdOrSlug(db: Db, idOrSlug: string): Promise<OrganisationBrand | undefined> {
  const [row] = await brandQuery(db).where(
    isUuid(idOrSlug)
      ? or(eq(organisation.id, idOrSlug), eq(organisation.slug, idOrSlug))
      : eq(organisation.slug, idOrSlug),
  );
  return row ? toBrand(row) : undefined;
}

/** The logo's bytes for the logo route, only at the current version (an old URL is a 404). */
export async function brandLogo(
  db: Db,
  organisationId: string,
  version: string,
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  if (!isUuid(organisationId)) return undefined;
  const [row] = await db
    .select({
      contentType: organisationBrand.logoContentType,
      bytes: organisationBrand.logo,
      version: organisationBrand.version,
    })
    .from(organisationBrand)
    .where(inOrganisation(organisationBrand, organisationId));
  if (!row?.contentType || !row.bytes || row.version !== version) return undefined;
  return { contentType: row.contentType, bytes: row.bytes };
}
