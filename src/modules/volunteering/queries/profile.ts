import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { ageBand, listPeopleForSeed } from "../../people/index.ts";
import { canViewReports } from "../policy.ts";
import { londonToday } from "../records.ts";
import { rowsOf } from "./rows.ts";

const bands = ["under-25", "25-49", "50-plus", "unknown"] as const;
export const bandNames: Record<(typeof bands)[number], string> = {
  "under-25": "Under 25",
  "25-49": "25 to 49",
  "50-plus": "50 and over",
  unknown: "Not known",
};

export type ProfileRow = {
  band: (typeof bands)[number];
  volunteers: number;
  volunteerShare: number;
  residents: number;
  residentShare: number;
};

/**
 * Who volunteers, against who lives in the homes, by age band. Age is not special category
 * data; the consented equality answers are compared in equality-profile.ts. Volunteers are
 * those with verified hours in the 12 months to today.
 */
export async function volunteerProfile(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<{ rows: ProfileRow[]; volunteers: number; residents: number }> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering reports.");
  const today = londonToday(now);
  const volunteers = await rowsOf<{ date_of_birth: string | null }>(
    db,
    sql`
    SELECT v.date_of_birth::text AS date_of_birth FROM volunteer v
     WHERE v.organisation_id = ${actor.organisationId}
       AND EXISTS (SELECT 1 FROM vol_hours h WHERE h.organisation_id = v.organisation_id AND h.volunteer_id = v.id
                     AND h.status = 'verified' AND h.worked_on > ${today}::date - 365)`,
  );
  // The people module's whole-organisation list (it has no aggregate query yet): only ages are used.
  const residents = (await listPeopleForSeed(db, actor.organisationId)).filter(
    (person) => person.personType !== "contact",
  );
  const count = <T>(list: T[], dob: (item: T) => string | null) => {
    const counts = new Map<string, number>();
    for (const item of list)
      counts.set(ageBand(dob(item), today), (counts.get(ageBand(dob(item), today)) ?? 0) + 1);
    return counts;
  };
  const v = count(volunteers, (row) => row.date_of_birth);
  const r = count(residents, (person) => person.dateOfBirth);
  const share = (n: number, total: number) => (total === 0 ? 0 : n / total);
  return {
    volunteers: volunteers.length,
    residents: residents.length,
    rows: bands.map((band) => ({
      band,
      volunteers: v.get(band) ?? 0,
      volunteerShare: share(v.get(band) ?? 0, volunteers.length),
      residents: r.get(band) ?? 0,
      residentShare: share(r.get(band) ?? 0, residents.length),
    })),
  };
}
