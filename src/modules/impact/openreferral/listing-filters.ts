import { badRequest } from "../../../platform/http/problem.ts";
import type { DirectoryService } from "../../investment/index.ts";
import type { ServiceListing, WeeklySchedule } from "./listing-store.ts";
import { postcodeDistrict } from "./postcode-centroids.ts";

// The ORUK 3.0 list filters (openapi.json components.parameters), read as the file defines them:
//   minimum_age  "services with a minimum age of at least the specified value"
//   maximum_age  "services with a maximum age ... equal to or below the specified value"
//   start_time   "services with a start time of at least the specified value"
//   end_time     "services with a end time ... equal to or below the specified value"
//   day          "services with a day equal to the specified value"
// A service with no lower age limit counts as minimum 0, and with no upper limit as no maximum.
// Day and times are tested on one schedule: a service matches when one of its weekly times runs
// on that day, opens at or after start_time and closes at or before end_time.

export const icalDays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type IcalDay = (typeof icalDays)[number];
const dayNames = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

export type ServiceFilters = {
  search: string;
  taxonomyTermId: string | undefined;
  taxonomyId: string | undefined;
  modifiedAfter: number | undefined;
  minimumAge: number | undefined;
  maximumAge: number | undefined;
  day: IcalDay | undefined;
  startSeconds: number | undefined;
  endSeconds: number | undefined;
};

export type PlaceFilters = { district: string; proximityMetres: number | undefined };

type Query = (name: string) => string | undefined;

function age(query: Query, name: string): number | undefined {
  const text = query(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 150)
    throw badRequest(`Bad ${name}`, `${name} must be an age in years from 0 to 150, like 18.`);
  return value;
}

/** HH:MM or HH:MM:SS (24-hour clock) as seconds since midnight. */
function time(query: Query, name: string): number | undefined {
  const text = query(name);
  if (text === undefined) return undefined;
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$/.exec(text.trim());
  if (!match)
    throw badRequest(`Bad ${name}`, `${name} must be a time on the 24-hour clock, like 09:30 or 17:00:00.`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

function day(query: Query): IcalDay | undefined {
  const text = query("day");
  if (text === undefined) return undefined;
  const upper = text.trim().toUpperCase();
  const found = icalDays.find((code, index) => code === upper || dayNames[index] === upper);
  if (!found)
    throw badRequest(
      "Bad day",
      "day must be a day of the week: MO, TU, WE, TH, FR, SA or SU (or its name, like Monday).",
    );
  return found;
}

/** The filters every list of services takes; a bad value is a 400 naming the parameter. */
export function serviceFilters(query: Query): ServiceFilters {
  const modifiedAfter = query("modified_after");
  const since = modifiedAfter === undefined ? undefined : Date.parse(modifiedAfter);
  if (since !== undefined && Number.isNaN(since))
    throw badRequest(
      "Bad modified_after",
      "modified_after must be a date or date-time, like 2026-01-31T00:00:00Z.",
    );
  return {
    search: (query("search") ?? "").toLowerCase().trim(),
    taxonomyTermId: query("taxonomy_term_id"),
    taxonomyId: query("taxonomy_id"),
    modifiedAfter: since,
    minimumAge: age(query, "minimum_age"),
    maximumAge: age(query, "maximum_age"),
    day: day(query),
    startSeconds: time(query, "start_time"),
    endSeconds: time(query, "end_time"),
  };
}

/**
 * The postcode and proximity filters (ORUK defines them on /service_at_locations only).
 * proximity is in metres from the postcode's centroid and needs a postcode.
 */
export function placeFilters(query: Query): PlaceFilters | undefined {
  const postcode = query("postcode");
  const proximity = query("proximity");
  if (postcode === undefined) {
    if (proximity !== undefined)
      throw badRequest(
        "Give a postcode with proximity",
        "proximity is a distance from a postcode: add postcode=, like postcode=ME4%204TR.",
      );
    return undefined;
  }
  const district = postcodeDistrict(postcode);
  if (!district)
    throw badRequest(
      "Bad postcode",
      `"${postcode}" is not a UK postcode or postcode district, like ME4 4TR or ME4.`,
    );
  if (proximity === undefined) return { district, proximityMetres: undefined };
  const metres = Number(proximity);
  if (proximity.trim() === "" || !Number.isFinite(metres) || metres < 0)
    throw badRequest("Bad proximity", "proximity must be a distance in metres, like 5000.");
  return { district, proximityMetres: metres };
}

function scheduleMatches(schedule: WeeklySchedule, filters: ServiceFilters): boolean {
  const seconds = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
  return (
    (filters.day === undefined || schedule.byday.split(",").includes(filters.day)) &&
    (filters.startSeconds === undefined || seconds(schedule.opensAt) >= filters.startSeconds) &&
    (filters.endSeconds === undefined || seconds(schedule.closesAt) <= filters.endSeconds)
  );
}

/** Whether one service passes the filters. `ourTaxonomy` is the id of Kith's one taxonomy. */
export function serviceMatches(
  service: DirectoryService,
  listing: ServiceListing | undefined,
  filters: ServiceFilters,
  ourTaxonomy: string,
): boolean {
  const timed =
    filters.day !== undefined || filters.startSeconds !== undefined || filters.endSeconds !== undefined;
  return (
    (!filters.search || `${service.name} ${service.summary ?? ""}`.toLowerCase().includes(filters.search)) &&
    (!filters.taxonomyTermId || service.themeIds.includes(filters.taxonomyTermId)) &&
    (!filters.taxonomyId || (filters.taxonomyId === ourTaxonomy && service.themeIds.length > 0)) &&
    (filters.modifiedAfter === undefined ||
      lastModified(service, listing).getTime() >= filters.modifiedAfter) &&
    (filters.minimumAge === undefined || (listing?.minimumAge ?? 0) >= filters.minimumAge) &&
    (filters.maximumAge === undefined ||
      (listing?.maximumAge !== null &&
        listing?.maximumAge !== undefined &&
        listing.maximumAge <= filters.maximumAge)) &&
    (!timed || (listing?.schedules ?? []).some((schedule) => scheduleMatches(schedule, filters)))
  );
}

/** When the service or its listing last changed (ORUK service.last_modified). */
export function lastModified(service: DirectoryService, listing: ServiceListing | undefined): Date {
  return listing && listing.updatedAt > service.updatedAt ? listing.updatedAt : service.updatedAt;
}
