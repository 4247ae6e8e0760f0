import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { organisationRows } from "../../../platform/db/organisation-rows.ts";
import { directoryListing, directorySchedule, postcodeDistrictCentroid } from "../schema/openreferral.ts";
import type { PostcodeCentroid } from "./postcode-centroids.ts";

export type ServiceListing = {
  minimumAge: number | null;
  maximumAge: number | null;
  updatedAt: Date;
  schedules: WeeklySchedule[];
};

export type WeeklySchedule = {
  id: string;
  byday: string;
  opensAt: string;
  closesAt: string;
  description: string | null;
};

/** Every service's directory listing (ages and weekly times), by project id. Public data. */
export async function directoryListings(
  db: Db,
  organisationId: string,
): Promise<Map<string, ServiceListing>> {
  const [listings, schedules] = await Promise.all([
    organisationRows(db, directoryListing, organisationId),
    organisationRows(
      db,
      directorySchedule,
      organisationId,
      asc(directorySchedule.opensAt),
      asc(directorySchedule.id),
    ),
  ]);
  const byProject = new Map<string, ServiceListing>(
    listings.map((l) => [
      l.projectId,
      { minimumAge: l.minimumAge, maximumAge: l.maximumAge, updatedAt: l.updatedAt, schedules: [] },
    ]),
  );
  for (const s of schedules)
    byProject.get(s.projectId)?.schedules.push({
      id: s.id,
      byday: s.byday,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      description: s.description,
    });
  return byProject;
}

/** The centroids of the given postcode districts that Kith holds. */
export async function postcodeCentroids(db: Db, districts: string[]): Promise<Map<string, PostcodeCentroid>> {
  const wanted = [...new Set(districts)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select()
    .from(postcodeDistrictCentroid)
    .where(
      wanted.length === 1
        ? eq(postcodeDistrictCentroid.district, wanted[0])
        : inArray(postcodeDistrictCentroid.district, wanted),
    );
  return new Map(
    rows.map((r) => [
      r.district,
      { district: r.district, latitude: r.latitude, longitude: r.longitude, laCode: r.laCode },
    ]),
  );
}
