import { asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canCoordinate, canSeeVolunteer } from "../policy.ts";
import { loadVolunteer, volunteerForUser } from "../records.ts";
import {
  type ApplicationStatus,
  volApplication,
  volHours,
  volMilestone,
  volOpportunity,
  volunteer,
  volunteerCheck,
} from "../schema.ts";
import { opportunityOf } from "./joins.ts";

/** Coordinators' list of volunteers, searchable by name or email; the read is audited. */
export async function listVolunteers(db: Db, actor: Actor, now: Date, search?: string) {
  requireAllowed(canCoordinate(actor), "Only coordinators can see volunteers.");
  const text = search?.trim();
  const rows = await db
    .select({
      id: volunteer.id,
      givenName: volunteer.givenName,
      familyName: volunteer.familyName,
      email: volunteer.email,
      postcode: volunteer.postcode,
      createdAt: volunteer.createdAt,
    })
    .from(volunteer)
    .where(
      inOrganisation(
        volunteer,
        actor.organisationId,
        text
          ? or(
              ilike(volunteer.familyName, `%${text}%`),
              ilike(volunteer.givenName, `%${text}%`),
              ilike(volunteer.email, `%${text}%`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(volunteer.familyName), asc(volunteer.givenName))
    .limit(200);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "volunteer",
    summary: `Volunteer list viewed (${rows.length} shown${text ? ", searched" : ""})`,
  });
  return rows;
}

/** A volunteer's whole record: profile, checks, applications, hours and milestones. Audited. */
export async function getVolunteerProfile(db: Db, actor: Actor, now: Date, id: string) {
  const person = await loadVolunteer(db, actor.organisationId, id);
  if (!canSeeVolunteer(actor, person)) throw notFound("Volunteer not found");
  const [checks, applications, totals, milestones] = await Promise.all([
    db
      .select()
      .from(volunteerCheck)
      .where(matchInOrganisation(volunteerCheck, actor.organisationId, { volunteerId: id }))
      .orderBy(asc(volunteerCheck.kind)),
    db
      .select({
        id: volApplication.id,
        status: volApplication.status,
        statusReason: volApplication.statusReason,
        appliedAt: volApplication.appliedAt,
        opportunityId: volOpportunity.id,
        title: volOpportunity.title,
      })
      .from(volApplication)
      .innerJoin(volOpportunity, opportunityOf(volApplication))
      .where(matchInOrganisation(volApplication, actor.organisationId, { volunteerId: id }))
      .orderBy(desc(volApplication.appliedAt)),
    db
      .select({
        status: volHours.status,
        minutes: sql<number>`sum(${volHours.minutes})::int`,
        last: sql<string | null>`max(${volHours.workedOn})::text`,
      })
      .from(volHours)
      .where(matchInOrganisation(volHours, actor.organisationId, { volunteerId: id }))
      .groupBy(volHours.status),
    db
      .select()
      .from(volMilestone)
      .where(matchInOrganisation(volMilestone, actor.organisationId, { volunteerId: id }))
      .orderBy(asc(volMilestone.hours)),
  ]);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "volunteer",
    entityId: id,
    summary: `Volunteer record of ${person.givenName} ${person.familyName} viewed`,
  });
  const minutesBy = (status: string) => Number(totals.find((row) => row.status === status)?.minutes ?? 0);
  return {
    volunteer: person,
    checks,
    applications,
    verifiedMinutes: minutesBy("verified"),
    submittedMinutes: minutesBy("submitted"),
    lastWorkedOn:
      totals
        .map((row) => row.last)
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1) ?? null,
    milestones,
  };
}

/** Applications, newest first: for one role, or all waiting for a decision. Names are personal: audited. */
export async function listApplications(
  db: Db,
  actor: Actor,
  now: Date,
  filter: { opportunityId?: string; status?: ApplicationStatus },
) {
  requireAllowed(canCoordinate(actor), "Only coordinators can see applications.");
  if (filter.opportunityId !== undefined && !isUuid(filter.opportunityId))
    throw notFound("Volunteering role not found");
  const rows = await db
    .select({
      id: volApplication.id,
      status: volApplication.status,
      message: volApplication.message,
      statusReason: volApplication.statusReason,
      appliedAt: volApplication.appliedAt,
      volunteerId: volunteer.id,
      name: sql<string>`${volunteer.givenName} || ' ' || ${volunteer.familyName}`,
      opportunityId: volOpportunity.id,
      title: volOpportunity.title,
    })
    .from(volApplication)
    .innerJoin(
      volunteer,
      sameOrganisation(volunteer, volApplication, eq(volunteer.id, volApplication.volunteerId)),
    )
    .innerJoin(volOpportunity, opportunityOf(volApplication))
    .where(
      inOrganisation(
        volApplication,
        actor.organisationId,
        filter.opportunityId ? eq(volApplication.opportunityId, filter.opportunityId) : undefined,
        filter.status ? eq(volApplication.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(volApplication.appliedAt))
    .limit(300);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "vol_application",
    entityId: filter.opportunityId ?? null,
    summary: `${rows.length} volunteering applications viewed`,
  });
  return rows;
}

/** The signed-in user's own volunteering: their roles, hours and milestones. */
export async function myVolunteering(db: Db, actor: Actor) {
  if (actor.kind !== "user") return null;
  const person = await volunteerForUser(db, actor.organisationId, actor.userId);
  if (!person) return null;
  const [roles, hours, milestones, checks] = await Promise.all([
    db
      .select({
        applicationId: volApplication.id,
        status: volApplication.status,
        opportunityId: volOpportunity.id,
        title: volOpportunity.title,
      })
      .from(volApplication)
      .innerJoin(volOpportunity, opportunityOf(volApplication))
      .where(matchInOrganisation(volApplication, actor.organisationId, { volunteerId: person.id }))
      .orderBy(asc(volOpportunity.title)),
    db
      .select({
        id: volHours.id,
        workedOn: volHours.workedOn,
        minutes: volHours.minutes,
        status: volHours.status,
        disputeReason: volHours.disputeReason,
        title: volOpportunity.title,
        note: volHours.note,
      })
      .from(volHours)
      .innerJoin(volOpportunity, opportunityOf(volHours))
      .where(matchInOrganisation(volHours, actor.organisationId, { volunteerId: person.id }))
      .orderBy(desc(volHours.workedOn), desc(volHours.loggedAt))
      .limit(50),
    db
      .select()
      .from(volMilestone)
      .where(matchInOrganisation(volMilestone, actor.organisationId, { volunteerId: person.id }))
      .orderBy(asc(volMilestone.hours)),
    db
      .select()
      .from(volunteerCheck)
      .where(matchInOrganisation(volunteerCheck, actor.organisationId, { volunteerId: person.id }))
      .orderBy(asc(volunteerCheck.kind)),
  ]);
  const [total] = await db
    .select({ minutes: sql<number>`coalesce(sum(${volHours.minutes}), 0)::int` })
    .from(volHours)
    .where(
      matchInOrganisation(volHours, actor.organisationId, { volunteerId: person.id, status: "verified" }),
    );
  return {
    volunteer: person,
    roles,
    hours,
    milestones,
    checks,
    verifiedMinutes: Number(total?.minutes ?? 0),
  };
}
