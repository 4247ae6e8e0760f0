import { sql } from "drizzle-orm";
import { newId } from "../../platform/db/ids.ts";
import { bulkInsert } from "../../seed/bulk-insert.ts";
import { withReferencesCheckedOnce } from "../../seed/references-checked-once.ts";
import type { SeedContext } from "../module.ts";
import { listPartnerOrganisationsForSeed, listPeopleForSeed } from "../people/index.ts";
import { laCodeForPostcode, locatePostcode } from "./geography.ts";
import { londonToday } from "./records.ts";
import {
  type ApplicationStatus,
  volApplication,
  volHourlyRate,
  volHours,
  volOpportunity,
  volSession,
  volunteer,
  volunteerCheck,
} from "./schema.ts";
import { demoRates, familyNames, givenNames, places, roleTemplates } from "./seed-data.ts";
import {
  type AvailabilitySlot,
  availabilitySlots,
  type Interest,
  interests,
  milestoneHours,
  type Skill,
  skills,
} from "./vocabulary.ts";

// Two years of volunteering for the demo landlord: roles, volunteers, checks, applications,
// weekly sessions and the hours logged at them. Deterministic: every choice uses context.random.

const DAY = 24 * 3600 * 1000;

export async function seedVolunteering(context: SeedContext): Promise<void> {
  const { database, organisationId, now, random } = context;
  const db = database.db;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const some = <T>(list: readonly T[], count: number): T[] =>
    [...list].sort(() => random() - 0.5).slice(0, count);
  const dayOf = (ms: number) => londonToday(new Date(ms));
  const start = now.getTime() - 730 * DAY;
  const thisYear = Number(londonToday(now).slice(0, 4));

  await bulkInsert(
    db,
    volHourlyRate,
    [thisYear - 2, thisYear - 1, thisYear].map((year) => ({
      organisationId,
      id: newId(start),
      year,
      ...(demoRates[year] ?? { ratePence: 1221, source: "Demo value of an hour" }),
      recordedAt: now,
    })),
  );

  // Roles: every template at one or two places; a few wait for approval, were rejected or have closed.
  const roles: (typeof volOpportunity.$inferInsert & { id: string })[] = [];
  const groups = (await listPartnerOrganisationsForSeed(db, organisationId)).filter(
    (p) => p.kind === "community-group" || p.kind === "charity",
  );
  roleTemplates.forEach((template, index) => {
    const copies = index % 3 === 0 ? 3 : 2;
    for (let copy = 0; copy < copies; copy++) {
      const place = template.remote ? null : places[(index * 2 + copy * 5) % places.length];
      const status =
        roles.length % 13 === 5
          ? "submitted"
          : roles.length % 17 === 8
            ? "closed"
            : roles.length === 11
              ? "rejected"
              : "approved";
      const posted = start + Math.floor(random() * 60) * DAY;
      roles.push({
        organisationId,
        id: newId(posted),
        title: template.title,
        description: template.description,
        activity: template.activity,
        theme: template.theme,
        skills: template.skills,
        interests: template.interests,
        availability: template.availability,
        remote: template.remote ?? false,
        locationName: place?.name ?? null,
        postcode: place?.postcode ?? null,
        laCode: place ? laCodeForPostcode(place.postcode) : null,
        latitude: place ? (locatePostcode(place.postcode)?.latitude ?? null) : null,
        longitude: place ? (locatePostcode(place.postcode)?.longitude ?? null) : null,
        timeCommitment: template.timeCommitment,
        dbsRequired: template.dbs,
        trainingRequired: template.training,
        minimumAge: template.minimumAge,
        places: 8 + Math.floor(random() * 25),
        status,
        statusReason: status === "rejected" ? "Please say what support volunteers will get" : null,
        partnerOrganisationId:
          groups.length > 0 && roles.length % 4 === 3
            ? (groups[roles.length % groups.length]?.id ?? null)
            : null,
        projectRef: null,
        createdBy: "Demo data",
        createdAt: new Date(posted),
        approvedAt: status === "submitted" || status === "rejected" ? null : new Date(posted + 3 * DAY),
      });
    }
  });
  await bulkInsert(db, volOpportunity, roles);
  const openRoles = roles.filter((role) => role.status === "approved" || role.status === "closed");

  // Weekly sessions for each open role, for the last two years.
  const sessions: {
    organisationId: string;
    id: string;
    opportunityId: string;
    startsAt: Date;
    endsAt: Date;
  }[] = [];
  for (const role of openRoles) {
    const hour = role.availability?.includes("weekday-mornings")
      ? 9
      : role.availability?.includes("weekday-evenings")
        ? 18
        : 13;
    const first = (role.approvedAt as Date).getTime() + 7 * DAY;
    for (let at = first; at < now.getTime() - DAY; at += 7 * DAY) {
      const day = new Date(at);
      const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour));
      sessions.push({
        organisationId,
        id: newId(at),
        opportunityId: role.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000),
      });
    }
  }
  await bulkInsert(db, volSession, sessions);
  const sessionsByRole = new Map<string, typeof sessions>();
  for (const session of sessions)
    sessionsByRole.set(session.opportunityId, [
      ...(sessionsByRole.get(session.opportunityId) ?? []),
      session,
    ]);

  // Volunteers, their checks, and the demo tenant linked to one of them.
  const tenant = context.users.find((user) => user.role === "tenant");
  // About a third of volunteers are the landlord's own residents: linked to their person record.
  const residents = (await listPeopleForSeed(db, organisationId)).filter(
    (person) => person.personType !== "contact",
  );
  const people: (typeof volunteer.$inferInsert & { id: string; dbsValid: boolean })[] = [];
  const checks: (typeof volunteerCheck.$inferInsert)[] = [];
  for (let n = 0; n < 480; n++) {
    const resident = residents.length > 0 && n % 3 === 1 ? residents[(n * 37) % residents.length] : undefined;
    const givenName = resident?.givenName ?? pick(givenNames);
    const familyName = resident?.familyName ?? pick(familyNames);
    const joined = start + Math.floor(random() * 700) * DAY;
    const place = pick(places);
    const madeUp = `${place.postcode.split(" ")[0]} ${1 + Math.floor(random() * 9)}${pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}${pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}`;
    const postcode = resident?.postcode && locatePostcode(resident.postcode) ? resident.postcode : madeUp;
    const id = newId(joined);
    const birthYear = 1950 + Math.floor(random() * 56);
    const dbsValid = random() < 0.45;
    people.push({
      organisationId,
      id,
      givenName,
      familyName,
      email: `${givenName}.${familyName}.${n}@example.org`.toLowerCase().replace(/[^a-z0-9.@]/g, ""),
      phone: random() < 0.7 ? `07700 900${String(100 + n).slice(-3)}` : null,
      dateOfBirth:
        resident?.dateOfBirth ??
        `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
      postcode,
      laCode: laCodeForPostcode(postcode),
      ...locatePostcode(postcode),
      interests: some(Object.keys(interests) as Interest[], 2 + Math.floor(random() * 2)),
      skills: some(Object.keys(skills) as Skill[], 1 + Math.floor(random() * 3)),
      availability: some(Object.keys(availabilitySlots) as AvailabilitySlot[], 1 + Math.floor(random() * 3)),
      personId: resident?.id ?? null,
      userId: n === 0 && tenant ? tenant.id : null,
      createdAt: new Date(joined),
      dbsValid,
    });
    const issued = dayOf(joined - 30 * DAY);
    if (dbsValid || random() < 0.2) {
      // Some checks have passed their renewal date: those volunteers cannot be placed in regulated roles.
      const expires = dbsValid
        ? dayOf(joined + 3 * 365 * DAY)
        : dayOf(Math.min(joined + 200 * DAY, now.getTime() - DAY));
      checks.push({
        organisationId,
        id: newId(joined),
        volunteerId: id,
        kind: "dbs-enhanced",
        reference: `00${1000000000 + n}`,
        issuedOn: issued,
        expiresOn: expires > issued ? expires : dayOf(now.getTime() - DAY),
        recordedAt: new Date(joined),
      });
    }
    for (const kind of ["safeguarding", "first-aid", "food-hygiene", "manual-handling"] as const) {
      if (random() < 0.5)
        checks.push({
          organisationId,
          id: newId(joined),
          volunteerId: id,
          kind,
          reference: null,
          issuedOn: issued,
          expiresOn: dayOf(joined + 3 * 365 * DAY),
          recordedAt: new Date(joined),
        });
    }
  }
  await bulkInsert(
    db,
    volunteer,
    people.map(({ dbsValid: _valid, ...row }) => row),
  );
  await bulkInsert(db, volunteerCheck, checks);
  const heldBy = new Map<string, Set<string>>();
  for (const check of checks)
    heldBy.set(check.volunteerId, new Set([...(heldBy.get(check.volunteerId) ?? []), check.kind]));

  // Applications: most volunteers are placed in a role they qualify for; some drift away.
  const applications: (typeof volApplication.$inferInsert)[] = [];
  const hours: (typeof volHours.$inferInsert)[] = [];
  const today = londonToday(now);
  people.forEach((person, index) => {
    const joined = (person.createdAt as Date).getTime();
    const suitable = openRoles.filter(
      (role) =>
        (role.approvedAt as Date).getTime() < joined &&
        (role.interests ?? []).some((i) => person.interests?.includes(i as Interest)),
    );
    const chosen =
      index === 0
        ? openRoles.filter((role) => !role.dbsRequired && role.status === "approved").slice(0, 1)
        : some(suitable, random() < 0.3 ? 2 : 1);
    for (const role of chosen) {
      const qualifies =
        (!role.dbsRequired || person.dbsValid) &&
        (role.trainingRequired ?? []).every((kind) => heldBy.get(person.id)?.has(kind));
      const roll = random();
      let status: ApplicationStatus =
        roll < 0.08
          ? "applied"
          : roll < 0.14
            ? "declined"
            : roll < 0.2
              ? "approved"
              : roll < 0.3
                ? "ended"
                : "placed";
      if ((status === "placed" || status === "ended") && !qualifies && index !== 0) status = "approved";
      if (index === 0) status = "placed";
      const applied = joined + DAY;
      applications.push({
        organisationId,
        id: newId(applied),
        opportunityId: role.id,
        volunteerId: person.id,
        status,
        message: null,
        statusReason: status === "declined" ? "The role was full when we reviewed it" : null,
        appliedAt: new Date(applied),
        updatedAt: new Date(applied + 7 * DAY),
      });
      if (status !== "placed" && status !== "ended") continue;
      // A fifth of placed volunteers stop coming after a while: they show up as at risk.
      const stops =
        status === "ended" || (index !== 0 && random() < 0.2)
          ? applied + (30 + Math.floor(random() * 300)) * DAY
          : Number.POSITIVE_INFINITY;
      const attendance = 0.45 + random() * 0.45;
      for (const session of sessionsByRole.get(role.id) ?? []) {
        const at = session.startsAt.getTime();
        if (at < applied + 7 * DAY || at > stops || random() > attendance) continue;
        const workedOn = dayOf(at);
        const recent = workedOn > dayOf(now.getTime() - 14 * DAY);
        const minutes = 60 + 30 * Math.floor(random() * 6);
        const byVolunteer = recent || random() < 0.3;
        hours.push({
          organisationId,
          id: newId(at),
          volunteerId: person.id,
          opportunityId: role.id,
          sessionId: byVolunteer ? null : session.id,
          workedOn,
          minutes,
          theme: role.theme,
          laCode: role.laCode ?? null,
          projectRef: null,
          status: recent ? (random() < 0.1 ? "disputed" : "submitted") : "verified",
          disputeReason: null,
          note: null,
          loggedBy: byVolunteer ? "volunteer" : "coordinator",
          loggedAt: new Date(at + 3600 * 1000),
          verifiedAt: recent ? null : new Date(at + 3 * DAY),
        });
      }
    }
  });
  for (const entry of hours)
    if (entry.status === "disputed")
      entry.disputeReason = "The register shows a shorter session that day: please check the hours";
  await withReferencesCheckedOnce(database, ["vol_application", "vol_hours"], async () => {
    await bulkInsert(db, volApplication, applications);
    await bulkInsert(db, volHours, hours);
  });
  // Leave room on most roles (one stays full, as real ones do).
  await db.execute(sql`
    UPDATE vol_opportunity o SET places = t.taken + 3 + (t.taken % 5)
      FROM (SELECT opportunity_id, count(*)::int AS taken FROM vol_application
             WHERE organisation_id = ${organisationId} AND status IN ('approved', 'placed') GROUP BY 1) t
     WHERE o.organisation_id = ${organisationId} AND o.id = t.opportunity_id AND t.taken >= o.places - 1
       AND o.id <> ${roles[0]?.id ?? ""}::uuid`);
  await db.execute(sql`
    INSERT INTO vol_milestone (organisation_id, volunteer_id, hours, reached_at)
    SELECT h.organisation_id, h.volunteer_id, m.hours, ${now}
      FROM (SELECT organisation_id, volunteer_id, sum(minutes) AS minutes FROM vol_hours
             WHERE organisation_id = ${organisationId} AND status = 'verified' GROUP BY 1, 2) h
      JOIN unnest(${`{${milestoneHours.join(",")}}`}::int[]) AS m(hours) ON h.minutes >= m.hours * 60`);
  context.log(
    `volunteering: ${roles.length} roles, ${people.length} volunteers, ${applications.length} applications, ${sessions.length} sessions, ${hours.length} hours entries up to ${today}`,
  );
}
