import { asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { startsWithPattern } from "../../../platform/db/like-pattern.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewEqualityData, canViewPeople, canViewPerson } from "../policy.ts";
import { type Person, type PersonType, person, personEquality } from "../schema.ts";

/** One person, with the read written to the audit log (personal data). */
export async function getPerson(
  db: Db,
  actor: Actor,
  personId: string,
  now: Date = new Date(),
): Promise<Person> {
  // The role before the look-up (issue 18 item 6): staff, or a tenant for their own record.
  requireAllowed(
    canViewPeople(actor) || (actor.kind === "user" && actor.role === "tenant" && actor.personId !== null),
    "Only staff can see people's records.",
  );
  if (!isUuid(personId)) throw notFound("Person not found");
  const [found] = await db
    .select()
    .from(person)
    .where(matchInOrganisation(person, actor.organisationId, { id: personId }));
  if (!found || !canViewPerson(actor, found)) throw notFound("Person not found");
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "person",
    entityId: found.id,
    summary: `Viewed ${found.givenName} ${found.familyName}`,
  });
  return found;
}

export type PeopleFilters = {
  search?: string;
  personType?: PersonType;
  page?: number;
  pageSize?: number;
  sort?: "name" | "created";
  dir?: "asc" | "desc";
};

export async function findPeople(
  db: Db,
  actor: Actor,
  filters: PeopleFilters = {},
  now: Date = new Date(),
): Promise<{ rows: Person[]; total: number }> {
  requireAllowed(canViewPeople(actor), "Only staff can search people.");
  const words = (filters.search ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const where = inOrganisation(
    person,
    actor.organisationId,
    ...words.map((word) =>
      or(
        ilike(person.givenName, startsWithPattern(word)),
        ilike(person.familyName, startsWithPattern(word)),
        ilike(person.email, startsWithPattern(word)),
        ilike(person.postcode, startsWithPattern(word)),
      ),
    ),
    filters.personType ? eq(person.personType, filters.personType) : undefined,
  );
  const pageSize = Math.min(filters.pageSize ?? 50, 500);
  const page = filters.page ?? 1;
  const direction = filters.dir === "desc" ? sql`DESC` : sql`ASC`;
  const order =
    filters.sort === "created"
      ? sql`${person.createdAt} ${direction}`
      : sql`lower(${person.familyName}) ${direction}, lower(${person.givenName}) ${direction}`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(person)
      .where(where)
      .orderBy(order, asc(person.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(person).where(where),
  ]);
  if (rows.length > 0) {
    await recordAudit(db, actor, now, {
      action: "read",
      entityType: "person-list",
      summary: `Listed ${rows.length} people${words.length ? ` matching "${words.join(" ")}"` : ""}`,
    });
  }
  return { rows, total };
}

export async function listPeopleAtHome(db: Db, organisationId: string, homeId: string): Promise<Person[]> {
  return db
    .select()
    .from(person)
    .where(matchInOrganisation(person, organisationId, { homeId }))
    .orderBy(asc(person.familyName));
}

export async function listPeopleForSeed(db: Db, organisationId: string): Promise<Person[]> {
  return db.select().from(person).where(inOrganisation(person, organisationId)).orderBy(asc(person.id));
}

/** Equality monitoring answers, only where consent was recorded (no row = no consent). */
export async function getEqualityProfile(db: Db, actor: Actor, personId: string, now: Date = new Date()) {
  if (!canViewEqualityData(actor) || !isUuid(personId)) return null;
  const [row] = await db
    .select()
    .from(personEquality)
    .where(matchInOrganisation(personEquality, actor.organisationId, { personId }));
  if (row) {
    await recordAudit(db, actor, now, {
      action: "read",
      entityType: "person-equality",
      entityId: personId,
      summary: "Viewed equality monitoring answers (special category)",
    });
  }
  return row ?? null;
}

/** Age bands used by HACT's value bank and by case profiles: under 25, 25–49, 50 and over. */
/** An age band in words, for telling namesakes apart on registers ("unknown" has none). */
export const ageBandWords: Record<string, string> = {
  "under-25": "under 25",
  "25-49": "aged 25 to 49",
  "50-plus": "50 or over",
};

export function ageBand(
  dateOfBirth: string | null,
  on: string,
): "under-25" | "25-49" | "50-plus" | "unknown" {
  if (!dateOfBirth) return "unknown";
  const age = ageOn(dateOfBirth, on);
  if (age < 0) return "unknown";
  return age < 25 ? "under-25" : age < 50 ? "25-49" : "50-plus";
}

/**
 * Whole years from a date of birth to a day, both ISO dates (YYYY-MM-DD): the years apart, less one if
 * the day's month and day ("MM-DD", compared as text) come before the birthday's. No arrays: the social
 * value engine asks this for every outcome claim, hundreds of thousands for a large landlord's year,
 * where splitting both dates was an eighth of its time (docs/performance.md, session 10).
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
