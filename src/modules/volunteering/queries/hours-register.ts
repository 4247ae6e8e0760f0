import { asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { ageBand, ageBandWords, likePrefix, personReference, searchTerm } from "../../people/index.ts";
import { canCoordinate } from "../policy.ts";
import { volApplication, volHours, volunteer } from "../schema.ts";

// The session hours register: only the session's people and a search are ever rendered, so the page
// stays small when the organisation has 50,000 volunteers. Hours can only be logged for volunteers
// placed in the role, so the search looks among them.

/** A volunteer who can have hours entered, with what tells them apart from a namesake. */
export type HoursCandidate = { id: string; name: string; detail: string | null };

type VolunteerRow = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  postcode: string | null;
};

const columns = {
  id: volunteer.id,
  givenName: volunteer.givenName,
  familyName: volunteer.familyName,
  dateOfBirth: volunteer.dateOfBirth,
  postcode: volunteer.postcode,
};
const fullName = sql`lower(${volunteer.givenName} || ' ' || ${volunteer.familyName})`;
const nameOf = (row: VolunteerRow) => `${row.givenName} ${row.familyName}`;

/** Volunteers placed in the role, narrowed by `where`, by family name. */
function placedIn(db: Db, organisationId: string, roleId: string, where?: SQL) {
  return db
    .select(columns)
    .from(volApplication)
    .innerJoin(
      volunteer,
      sameOrganisation(volunteer, volApplication, eq(volunteer.id, volApplication.volunteerId)),
    )
    .where(
      matchInOrganisation(volApplication, organisationId, { opportunityId: roleId, status: "placed" }, where),
    )
    .orderBy(
      asc(sql`lower(${volunteer.familyName})`),
      asc(sql`lower(${volunteer.givenName})`),
      asc(volunteer.id),
    );
}

/** Age band, postcode and reference: enough to tell two people apart, never the date of birth. */
function detailOf(row: VolunteerRow, on: string): string {
  return [ageBandWords[ageBand(row.dateOfBirth, on)], row.postcode, `ref ${personReference(row.id)}`]
    .filter(Boolean)
    .join(", ");
}

/** Candidates with a detail for anyone whose name is shared in the role's team (or in the list itself). */
async function withDetails(
  db: Db,
  actor: Actor,
  now: Date,
  roleId: string,
  rows: VolunteerRow[],
  always = false,
): Promise<HoursCandidate[]> {
  const names = [...new Set(rows.map((r) => nameOf(r).toLowerCase()))];
  const shared = new Set<string>();
  const seen = new Set<string>();
  for (const row of rows) {
    const name = nameOf(row).toLowerCase();
    if (seen.has(name)) shared.add(name);
    seen.add(name);
  }
  if (!always && names.length > 0) {
    const counts = new Map<string, number>();
    for (const row of await placedIn(db, actor.organisationId, roleId, inArray(fullName, names))) {
      const name = nameOf(row).toLowerCase();
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const [name, count] of counts) if (count > 1) shared.add(name);
  }
  const on = now.toISOString().slice(0, 10);
  return rows.map((row) => ({
    id: row.id,
    name: nameOf(row),
    detail: always || shared.has(nameOf(row).toLowerCase()) ? detailOf(row, on) : null,
  }));
}

/**
 * Volunteers placed in the role whose name, family name or postcode starts with the search, or whose
 * reference it is. At least 2 characters; `%` and `_` are literal. Every result carries its detail.
 */
export async function searchHoursRegister(
  db: Db,
  actor: Actor,
  now: Date,
  roleId: string,
  text: string | undefined,
  limit = 25,
): Promise<HoursCandidate[]> {
  requireAllowed(canCoordinate(actor), "Only coordinators can log hours for a session.");
  const term = searchTerm(text);
  const lower = likePrefix(term.toLowerCase());
  const compact = term.replace(/\s/g, "").toUpperCase();
  const conditions: SQL[] = [
    sql`${fullName} LIKE ${lower}`,
    sql`lower(${volunteer.familyName}) LIKE ${lower}`,
    sql`replace(upper(${volunteer.postcode}), ' ', '') LIKE ${likePrefix(compact)}`,
  ];
  if (/^[0-9A-F]{6}$/.test(compact))
    conditions.push(sql`upper(right(${volunteer.id}::text, 6)) = ${compact}`);
  const rows = await placedIn(db, actor.organisationId, roleId, or(...conditions)).limit(limit);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "volunteer",
    summary: `Searched volunteers placed in a role for "${term}" (${rows.length} found)`,
  });
  return withDetails(db, actor, now, roleId, rows, true);
}

/** Everyone placed in the role, or null when there are more than `limit` (then the register searches). */
export async function roleTeam(
  db: Db,
  actor: Actor,
  now: Date,
  roleId: string,
  limit: number,
): Promise<HoursCandidate[] | null> {
  requireAllowed(canCoordinate(actor), "Only coordinators can log hours for a session.");
  // Counted first, up to the limit, so a role of thousands is not sorted by name only to be refused.
  const [team] = await db.select({ size: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1` })
      .from(volApplication)
      .where(
        matchInOrganisation(volApplication, actor.organisationId, {
          opportunityId: roleId,
          status: "placed",
        }),
      )
      .limit(limit + 1)
      .as("team"),
  );
  if (Number(team?.size ?? 0) > limit) return null;
  return withDetails(db, actor, now, roleId, await placedIn(db, actor.organisationId, roleId));
}

/** The volunteers a coordinator posted hours for, in the order posted, to show the form again. */
export async function volunteersForHours(
  db: Db,
  actor: Actor,
  now: Date,
  roleId: string,
  ids: string[],
): Promise<HoursCandidate[]> {
  requireAllowed(canCoordinate(actor), "Only coordinators can log hours for a session.");
  const wanted = [...new Set(ids.filter(isUuid))].slice(0, 200);
  if (wanted.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(volunteer)
    .where(inOrganisation(volunteer, actor.organisationId, inArray(volunteer.id, wanted)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = wanted.flatMap((id) => byId.get(id) ?? []);
  return withDetails(db, actor, now, roleId, ordered);
}

/** Who already has hours for this session, and how many minutes. */
export async function hoursLoggedForSession(
  db: Db,
  actor: Actor,
  now: Date,
  session: { id: string; opportunityId: string },
): Promise<(HoursCandidate & { minutes: number })[]> {
  requireAllowed(canCoordinate(actor), "Only coordinators can log hours for a session.");
  const rows = await db
    .select({ ...columns, minutes: volHours.minutes })
    .from(volHours)
    .innerJoin(volunteer, sameOrganisation(volunteer, volHours, eq(volunteer.id, volHours.volunteerId)))
    .where(matchInOrganisation(volHours, actor.organisationId, { sessionId: session.id }))
    .orderBy(asc(sql`lower(${volunteer.familyName})`), asc(sql`lower(${volunteer.givenName})`))
    .limit(1000);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "vol_session",
    entityId: session.id,
    summary: `Viewed the hours of ${rows.length} volunteers logged for a session`,
  });
  const described = await withDetails(db, actor, now, session.opportunityId, rows);
  return described.map((candidate, i) => ({ ...candidate, minutes: rows[i]?.minutes ?? 0 }));
}
