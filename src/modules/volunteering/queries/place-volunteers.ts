import { count } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { amountsByDayInDistrict } from "../../../platform/http/place-profile.ts";
import { canViewReports } from "../policy.ts";
import { volHours, volOpportunity, volunteer } from "../schema.ts";

/** Volunteers living in each district and roles offered there: counts only, no names. */
export async function volunteersByDistrict(
  db: Db,
  actor: Actor,
): Promise<{ laCode: string; volunteers: number; roles: number }[]> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering figures.");
  const [people, roles] = await Promise.all([
    db
      .select({ laCode: volunteer.laCode, n: count() })
      .from(volunteer)
      .where(inOrganisation(volunteer, actor.organisationId))
      .groupBy(volunteer.laCode),
    db
      .select({ laCode: volOpportunity.laCode, n: count() })
      .from(volOpportunity)
      .where(inOrganisation(volOpportunity, actor.organisationId))
      .groupBy(volOpportunity.laCode),
  ]);
  const byCode = new Map<string, { volunteers: number; roles: number }>();
  for (const row of people) if (row.laCode) byCode.set(row.laCode, { volunteers: row.n, roles: 0 });
  for (const row of roles) {
    if (!row.laCode) continue;
    byCode.set(row.laCode, { volunteers: byCode.get(row.laCode)?.volunteers ?? 0, roles: row.n });
  }
  return [...byCode].map(([laCode, counts]) => ({ laCode, ...counts }));
}

/** The same counts for one district. */
export async function volunteersInDistrict(
  db: Db,
  actor: Actor,
  laCode: string,
): Promise<{ volunteers: number; roles: number }> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering figures.");
  const [[people], [roles]] = await Promise.all([
    db
      .select({ n: count() })
      .from(volunteer)
      .where(matchInOrganisation(volunteer, actor.organisationId, { laCode })),
    db
      .select({ n: count() })
      .from(volOpportunity)
      .where(matchInOrganisation(volOpportunity, actor.organisationId, { laCode })),
  ]);
  return { volunteers: people?.n ?? 0, roles: roles?.n ?? 0 };
}

/** Verified volunteer minutes given in one district, per day from `from` to `to`. */
export async function verifiedMinutesInDistrictByDay(
  db: Db,
  actor: Actor,
  laCode: string,
  from: string,
  to: string,
): Promise<{ day: string; amount: number }[]> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering figures.");
  return amountsByDayInDistrict(
    db,
    actor.organisationId,
    {
      table: volHours,
      day: volHours.workedOn,
      amount: volHours.minutes,
      district: volHours.laCode,
      status: [volHours.status, "verified"],
    },
    laCode,
    from,
    to,
  );
}
