import { and, eq, ne, sql } from "drizzle-orm";
import { londonDay, londonWallClock } from "../../platform/dates/london.ts";
import type { Db } from "../../platform/db/database.ts";
import { isUuid } from "../../platform/db/ids.ts";
import { matchInOrganisation } from "../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../platform/db/scope.ts";
import { isRealDate } from "../../platform/http/fields.ts";
import { notFound } from "../../platform/http/problem.ts";
import { type Opportunity, type Volunteer, volOpportunity, volunteer } from "./schema.ts";

// Loading one record of the organisation: absent or another organisation's is the same 404.

export async function loadOpportunity(db: Db, organisationId: string, id: string): Promise<Opportunity> {
  if (!isUuid(id)) throw notFound("Volunteering role not found");
  const [row] = await db
    .select()
    .from(volOpportunity)
    .where(matchInOrganisation(volOpportunity, organisationId, { id }));
  if (!row) throw notFound("Volunteering role not found");
  return row;
}

export async function loadVolunteer(db: Db, organisationId: string, id: string): Promise<Volunteer> {
  if (!isUuid(id)) throw notFound("Volunteer not found");
  const [row] = await db
    .select()
    .from(volunteer)
    .where(matchInOrganisation(volunteer, organisationId, { id }));
  if (!row) throw notFound("Volunteer not found");
  return row;
}

export async function volunteerForUser(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<Volunteer | undefined> {
  const [row] = await db
    .select()
    .from(volunteer)
    .where(matchInOrganisation(volunteer, organisationId, { userId }));
  return row;
}

/** Whether another volunteer of the organisation (not `exceptId`) has this email, in any case. */
export async function emailTaken(db: Db, organisationId: string, email: string, exceptId?: string) {
  const sameEmail = eq(sql`lower(${volunteer.email})`, email.toLowerCase());
  const condition = exceptId ? and(sameEmail, ne(volunteer.id, exceptId)) : sameEmail;
  const [clash] = await db
    .select({ id: volunteer.id })
    .from(volunteer)
    .where(inOrganisation(volunteer, organisationId, condition));
  return clash !== undefined;
}

/** Today's date in the UK: "hours in the future" means after today where the volunteer is. */
export const londonToday = londonDay;

/**
 * "2026-06-20 10:00" as UK clock time (GMT or BST) → the moment it names.
 * An invalid text gives an Invalid Date, which commands refuse with a clear message.
 */
export function londonMoment(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return new Date(Number.NaN);
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const [hour, minute] = match.slice(4).map(Number);
  if (!isRealDate(day) || hour > 23 || minute > 59) return new Date(Number.NaN);
  return londonWallClock(day, hour, minute);
}
