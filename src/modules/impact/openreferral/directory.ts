import { createHash } from "node:crypto";
import type { Db } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { type DirectoryService, directoryServices, directoryThemes } from "../../investment/index.ts";
import {
  type CommunityAsset,
  listCommunityAssetsOfOrganisation,
  listLocalAuthorities,
} from "../../places/index.ts";
import { lastModified } from "./listing-filters.ts";
import { directoryListings, type ServiceListing } from "./listing-store.ts";

// Open Referral UK 3.0 (HSDS 3.0 UK profile) objects built from Kith's active projects, their
// themes and the community assets where they run. Field names follow the standard's schemas in
// ../shared/standards/openreferral-uk/schema; a test validates every response against them.

/** A stable UUID for an object Kith has no row for (a service-at-location link, an address). */
export function stableId(...parts: string[]): string {
  const hex = createHash("sha1").update(parts.join(":")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export type DirectoryOrganisation = { id: string; name: string };

export type Directory = {
  organisation: DirectoryOrganisation;
  services: DirectoryService[];
  assets: Map<string, CommunityAsset>;
  laNames: Map<string, string>;
  themes: { id: string; code: string; name: string; description: string | null }[];
  /** Ages and weekly times, by project id (only services that have a listing). */
  listings: Map<string, ServiceListing>;
};

export async function loadDirectory(
  db: Db,
  organisation: DirectoryOrganisation,
  today: string,
): Promise<Directory> {
  const since = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const [services, assets, las, themes, listings] = await Promise.all([
    directoryServices(db, organisation.id, since),
    listCommunityAssetsOfOrganisation(db, organisation.id),
    listLocalAuthorities(db),
    directoryThemes(db, organisation.id),
    directoryListings(db, organisation.id),
  ]);
  return {
    organisation,
    services,
    assets: new Map(assets.map((a) => [a.id, a])),
    laNames: new Map(las.map((la) => [la.gssCode, la.name])),
    themes,
    listings,
  };
}

export function taxonomyId(organisationId: string): string {
  return stableId(organisationId, "kith-investment-themes");
}

function organizationObject(directory: Directory) {
  return {
    id: directory.organisation.id,
    name: directory.organisation.name,
    description: `${directory.organisation.name}: community investment projects and services.`,
  };
}

function locationObject(directory: Directory, asset: CommunityAsset) {
  const city = directory.laNames.get(asset.laCode) ?? asset.laCode;
  return {
    id: asset.id,
    location_type: "physical",
    name: asset.name,
    description: asset.description ?? asset.currentUse ?? asset.name,
    addresses: [
      {
        id: stableId(asset.id, "address"),
        location_id: asset.id,
        address_1: asset.address ?? asset.name,
        city,
        state_province: city,
        postal_code: asset.postcode ?? "",
        country: "GB",
        address_type: "physical",
      },
    ],
  };
}

export function serviceListObject(directory: Directory, service: DirectoryService) {
  const listing = directory.listings.get(service.id);
  return {
    id: service.id,
    organization_id: directory.organisation.id,
    name: service.name,
    description: service.summary ?? service.activities ?? service.name,
    status: "active",
    ...(listing?.minimumAge != null ? { minimum_age: listing.minimumAge } : {}),
    ...(listing?.maximumAge != null ? { maximum_age: listing.maximumAge } : {}),
    last_modified: lastModified(service, listing).toISOString(),
    organization: organizationObject(directory),
  };
}

/** Weekly times as ORUK schedules (RFC 5545 WEEKLY rules; times are Europe/London). */
function scheduleObjects(directory: Directory, service: DirectoryService) {
  return (directory.listings.get(service.id)?.schedules ?? []).map((s) => ({
    id: s.id,
    service_id: service.id,
    freq: "WEEKLY",
    interval: 1,
    byday: s.byday,
    opens_at: s.opensAt,
    closes_at: s.closesAt,
    description: s.description ?? `Every week, ${s.opensAt} to ${s.closesAt}`,
  }));
}

function serviceAtLocations(directory: Directory, service: DirectoryService) {
  return service.assetIds
    .map((id) => directory.assets.get(id))
    .filter((asset): asset is CommunityAsset => asset !== undefined && !asset.closedOn)
    .map((asset) => ({
      id: stableId(service.id, asset.id),
      service_id: service.id,
      location_id: asset.id,
      location: locationObject(directory, asset),
    }));
}

export function serviceObject(directory: Directory, service: DirectoryService) {
  const themeById = new Map(directory.themes.map((t) => [t.id, t]));
  return {
    ...serviceListObject(directory, service),
    service_areas: service.laCodes.map((laCode) => ({
      id: stableId(service.id, laCode),
      service_id: service.id,
      name: directory.laNames.get(laCode) ?? laCode,
      extent_type: "local_authority",
      uri: `https://findthatpostcode.uk/areas/${laCode}.html`,
    })),
    schedules: scheduleObjects(directory, service),
    service_at_locations: serviceAtLocations(directory, service),
    attributes: service.themeIds
      .map((id) => themeById.get(id))
      .filter((theme) => theme !== undefined)
      .map((theme) => ({
        id: stableId(service.id, theme.id),
        link_id: service.id,
        link_type: "service",
        taxonomy_term_id: theme.id,
        taxonomy_term: {
          id: theme.id,
          name: theme.name,
          description: theme.description ?? theme.name,
          taxonomy_id: taxonomyId(directory.organisation.id),
        },
      })),
  };
}

export function serviceAtLocationListObjects(directory: Directory) {
  return directory.services.flatMap((service) =>
    serviceAtLocations(directory, service).map((sal) => ({
      ...sal,
      service: serviceListObject(directory, service),
    })),
  );
}

export function taxonomyTermObjects(directory: Directory) {
  const id = taxonomyId(directory.organisation.id);
  return directory.themes.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description ?? t.name,
    taxonomy_id: id,
  }));
}

export function taxonomyObjects(directory: Directory) {
  return [
    {
      id: taxonomyId(directory.organisation.id),
      name: `${directory.organisation.name} investment themes`,
      description: "The community investment themes projects and services are grouped by.",
      version: "1",
      taxonomy_terms: taxonomyTermObjects(directory),
    },
  ];
}

/** One service at one location, with the full service (ORUK `/service_at_locations/{id}`). */
export function serviceAtLocationObject(directory: Directory, id: string) {
  for (const service of directory.services) {
    const found = serviceAtLocations(directory, service).find((sal) => sal.id === id);
    if (found) return { ...found, service: serviceObject(directory, service) };
  }
  return undefined;
}

/**
 * The Open Referral page envelope. A page past the last one is not found (ORUK 3.0 allows a 404
 * or an empty last page; a 404 tells a client that walks pages where to stop). Page 1 of an
 * empty list is an empty page.
 */
export function page<T>(items: T[], pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  if (pageNumber > totalPages)
    throw notFound(
      "Page not found",
      `There are ${totalPages} pages of ${perPage}; page ${pageNumber} is past the last.`,
    );
  const contents = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
