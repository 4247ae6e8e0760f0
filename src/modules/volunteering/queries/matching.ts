import { inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canCoordinate, canSeeVolunteer } from "../policy.ts";
import { loadOpportunity, loadVolunteer, londonToday } from "../records.ts";
import { unmetRequirements } from "../requirements.ts";
import { type Opportunity, type Volunteer, type VolunteerCheck, volunteerCheck } from "../schema.ts";
import { availabilitySlots, interests, labelsOf, skills } from "../vocabulary.ts";
import { rowsOf, textArray } from "./rows.ts";

// Matching scores shared interests (3 each), shared skills (2 each), shared times (1 each)
// and nearness (2 within 5 km, 1 within 15 km; remote roles count as near). Candidates must
// share an interest or a skill: the GIN indexes on those arrays make that filter fast.
// Requirements (DBS, training, age) do not hide a match: they are shown as what is still needed.

export type Match<T> = {
  record: T;
  score: number;
  reasons: string[];
  stillNeeded: string[];
  distanceKm: number | null;
};

const distanceSql = (lat1: unknown, lon1: unknown, lat2: unknown, lon2: unknown) => sql`
  CASE WHEN ${lat1} IS NULL OR ${lat2} IS NULL THEN NULL ELSE
    2 * 6371 * asin(sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2)
      + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2))) END`;

type Scored = {
  id: string;
  shared_interests: string[];
  shared_skills: string[];
  shared_times: string[];
  distance_km: number | null;
  remote: boolean;
  score: number;
};

function reasonsFor(row: Scored): string[] {
  const reasons: string[] = [];
  if (row.shared_interests.length > 0)
    reasons.push(`Shared interests: ${labelsOf(interests, row.shared_interests)}`);
  if (row.shared_skills.length > 0)
    reasons.push(`Skills the role needs: ${labelsOf(skills, row.shared_skills)}`);
  if (row.shared_times.length > 0)
    reasons.push(`Free when the role happens: ${labelsOf(availabilitySlots, row.shared_times)}`);
  if (row.remote) reasons.push("Can be done from home");
  else if (row.distance_km !== null)
    reasons.push(`About ${Math.max(1, Math.round(Number(row.distance_km)))} km away`);
  return reasons;
}

/** How many of the given words the array holds: one containment test per word, summed. */
function containedCount(column: SQL, words: string[]): SQL {
  const distinct = [...new Set(words)];
  if (distinct.length === 0) return sql`0`;
  return sql`(${sql.join(
    distinct.map((word) => sql`(${column} @> ARRAY[${word}]::text[])::int`),
    sql` + `,
  )})`;
}

const scoreSql = sql`
  3 * cardinality(shared_interests) + 2 * cardinality(shared_skills) + cardinality(shared_times)
  + CASE WHEN remote OR distance_km <= 5 THEN 2 WHEN distance_km <= 15 THEN 1 ELSE 0 END`;

/** Roles to suggest to a volunteer, best first, with the reasons shown to the coordinator. */
export async function suggestOpportunities(
  db: Db,
  actor: Actor,
  now: Date,
  volunteerId: string,
  limit = 10,
): Promise<Match<Opportunity>[]> {
  const person = await loadVolunteer(db, actor.organisationId, volunteerId);
  requireAllowed(canSeeVolunteer(actor, person), "Only coordinators can see matches for a volunteer.");
  const rows = await rowsOf<Scored>(
    db,
    sql`
    WITH candidates AS (
      SELECT o.id, o.remote,
             ARRAY(SELECT unnest(o.interests) INTERSECT SELECT unnest(${textArray(person.interests)}::text[])) AS shared_interests,
             ARRAY(SELECT unnest(o.skills) INTERSECT SELECT unnest(${textArray(person.skills)}::text[])) AS shared_skills,
             ARRAY(SELECT unnest(o.availability) INTERSECT SELECT unnest(${textArray(person.availability)}::text[])) AS shared_times,
             ${distanceSql(sql`o.latitude`, sql`o.longitude`, sql`${person.latitude}::float8`, sql`${person.longitude}::float8`)} AS distance_km
        FROM vol_opportunity o
       WHERE o.organisation_id = ${actor.organisationId} AND o.status = 'approved'
         AND (o.interests && ${textArray(person.interests)}::text[] OR o.skills && ${textArray(person.skills)}::text[])
         AND NOT EXISTS (SELECT 1 FROM vol_application a WHERE a.organisation_id = o.organisation_id
                           AND a.opportunity_id = o.id AND a.volunteer_id = ${person.id})
    )
    SELECT *, (${scoreSql})::int AS score FROM candidates ORDER BY score DESC, distance_km NULLS LAST, id LIMIT ${limit}`,
  );
  const held = await checksOf(db, actor.organisationId, [person.id]);
  const today = londonToday(now);
  const matches: Match<Opportunity>[] = [];
  for (const row of rows) {
    const role = await loadOpportunity(db, actor.organisationId, row.id);
    matches.push({
      record: role,
      score: Number(row.score),
      reasons: reasonsFor(row),
      stillNeeded: unmetRequirements(role, person, held.get(person.id) ?? [], today),
      distanceKm: row.distance_km === null ? null : Number(row.distance_km),
    });
  }
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "volunteer",
    entityId: person.id,
    summary: "Role suggestions viewed for a volunteer",
  });
  return matches;
}

/** Volunteers to suggest for a role (not already applied), best first, with reasons. */
export async function suggestVolunteers(
  db: Db,
  actor: Actor,
  now: Date,
  opportunityId: string,
  limit = 10,
): Promise<Match<Volunteer>[]> {
  requireAllowed(canCoordinate(actor), "Only coordinators can see suggested volunteers.");
  const role = await loadOpportunity(db, actor.organisationId, opportunityId);
  // Two steps, because scoring 100,000 volunteers with set intersections is slow: rank every
  // candidate by counts built from array containment (no subquery per row), then work out
  // the shared lists, for the reasons shown, on the top few only. Same scores as scoreSql.
  const distance = distanceSql(
    sql`v.latitude`,
    sql`v.longitude`,
    sql`${role.latitude}::float8`,
    sql`${role.longitude}::float8`,
  );
  const rows = await rowsOf<Scored & { remote: boolean }>(
    db,
    sql`
    WITH ranked AS (
      SELECT v.id, v.interests, v.skills, v.availability, ${distance} AS distance_km,
             3 * ${containedCount(sql`v.interests`, role.interests)} + 2 * ${containedCount(sql`v.skills`, role.skills)}
             + ${containedCount(sql`v.availability`, role.availability)}
             + CASE WHEN ${role.remote}::boolean OR ${distance} <= 5 THEN 2 WHEN ${distance} <= 15 THEN 1 ELSE 0 END AS score
        FROM volunteer v
       WHERE v.organisation_id = ${actor.organisationId}
         AND (v.interests && ${textArray(role.interests)}::text[] OR v.skills && ${textArray(role.skills)}::text[])
         AND NOT EXISTS (SELECT 1 FROM vol_application a WHERE a.organisation_id = v.organisation_id
                           AND a.opportunity_id = ${role.id} AND a.volunteer_id = v.id)
       ORDER BY score DESC, distance_km NULLS LAST, id LIMIT ${limit}
    )
    SELECT id, ${role.remote}::boolean AS remote, distance_km, score::int AS score,
           ARRAY(SELECT unnest(interests) INTERSECT SELECT unnest(${textArray(role.interests)}::text[])) AS shared_interests,
           ARRAY(SELECT unnest(skills) INTERSECT SELECT unnest(${textArray(role.skills)}::text[])) AS shared_skills,
           ARRAY(SELECT unnest(availability) INTERSECT SELECT unnest(${textArray(role.availability)}::text[])) AS shared_times
      FROM ranked ORDER BY score DESC, distance_km NULLS LAST, id`,
  );
  const ids = rows.map((row) => row.id);
  const people = new Map<string, Volunteer>();
  for (const id of ids) people.set(id, await loadVolunteer(db, actor.organisationId, id));
  const held = await checksOf(db, actor.organisationId, ids);
  const today = londonToday(now);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "vol_opportunity",
    entityId: role.id,
    summary: `${ids.length} suggested volunteers viewed for "${role.title}"`,
  });
  return rows.flatMap((row) => {
    const person = people.get(row.id);
    if (!person) return [];
    return [
      {
        record: person,
        score: Number(row.score),
        reasons: reasonsFor(row),
        stillNeeded: unmetRequirements(role, person, held.get(person.id) ?? [], today),
        distanceKm: row.distance_km === null ? null : Number(row.distance_km),
      },
    ];
  });
}

async function checksOf(
  db: Db,
  organisationId: string,
  volunteerIds: string[],
): Promise<Map<string, VolunteerCheck[]>> {
  const byVolunteer = new Map<string, VolunteerCheck[]>();
  if (volunteerIds.length === 0) return byVolunteer;
  const rows = await db
    .select()
    .from(volunteerCheck)
    .where(inOrganisation(volunteerCheck, organisationId, inArray(volunteerCheck.volunteerId, volunteerIds)));
  for (const row of rows)
    byVolunteer.set(row.volunteerId, [...(byVolunteer.get(row.volunteerId) ?? []), row]);
  return byVolunteer;
}
