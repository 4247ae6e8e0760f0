import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import { isUuid } from "../../platform/db/ids.ts";
import { inOrganisation } from "../../platform/db/scope.ts";
import { notFound } from "../../platform/http/problem.ts";
import { type Opportunity, type Volunteer, volOpportunity, volunteer } from "./schema.ts";

// Loading one record of the organisation: absent or another organisation's is the same 404.

export async function loadOpportunity(db: Db, organisationId: string, id: string): Promise<Opportunity> {
  if (!isUuid(id)) throw notFound("Volunteering role not found");
  const [row] = await db.select().from(volOpportunity).where(inOrganisation(volOpportunity, organisationId, eq(volOpportunity.id, id)));
  if (!row) throw notFound("Volunteering role not found");
  return row;
}

export async function loadVolunteer(db: Db, organisationId: string, id: string): Promise<Volunteer> {
  if (!isUuid(id)) throw notFound("Volunteer not found");
  const [row] = await db.select().from(volunteer).where(inOrganisation(volunteer, organisationId, eq(volunteer.id, id)));
  if (!row) throw notFound("Volunteer not found");
  return row;
}

export async function volunteerForUser(db: Db, organisationId: string, userId: string): Promise<Volunteer | undefined> {
  const [row] = await db.select().from(volunteer).where(inOrganisation(volunteer, organisationId, eq(volunteer.userId, userId)));
  return row;
}

/** Today's date in the UK: "hours in the future" means after today where the volunteer is. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
