import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { createPerson, equalityAggregate, recordEquality } from "../people/index.ts";
import { postOpportunity } from "./commands/post-opportunity.ts";
import { registerVolunteer } from "./commands/register-volunteer.ts";
import { volunteerEqualityProfile } from "./queries/equality-profile.ts";
import { volunteeringReport } from "./queries/volunteering-value.ts";
import { reportCsv } from "./report-files.ts";
import { estateRole } from "./testing/roles.ts";

const now = new Date("2026-06-15T10:00:00.000Z");
let database: Database;
let officer: Actor;
let organisationId: string;

/**
 * Hand-built population: 12 consenting tenants (7 White British, 5 Asian British; the first 6
 * disabled), 4 tenants with no consent, and a contact (not a resident) with answers. Six of the
 * consenting tenants volunteer (5 White British, 1 Asian British), plus one volunteer whose
 * person gave no consent. Three residents answered the religion question (fewer than 5).
 */
beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  officer = actorFor(organisationId, "officer");
  const role = await postOpportunity(
    database.db,
    officer,
    now,
    estateRole({ title: "Gardener", interests: ["gardening"], places: "20" }),
  );
  const volunteerWithHours = async (personId: string, index: number) => {
    const made = await registerVolunteer(
      database.db,
      officer,
      now,
      { givenName: "V", familyName: `Number ${index}`, email: `v${index}@example.org` },
      { personId },
    );
    await database.query(
      `INSERT INTO vol_hours (organisation_id, id, volunteer_id, opportunity_id, worked_on, minutes, theme, status, logged_by, logged_at)
       VALUES ($1, gen_random_uuid(), $2, $3, '2026-05-01', 120, 'environment', 'verified', 'coordinator', $4)`,
      [organisationId, made.id, role.id, now],
    );
  };
  for (let index = 0; index < 12; index++) {
    const resident = await createPerson(database.db, officer, now, {
      givenName: "Resident",
      familyName: `Number ${index}`,
      personType: "tenant",
    });
    await recordEquality(database.db, officer, now, resident.id, {
      consent: "yes",
      ethnicGroup: index < 7 ? "White British" : "Asian British",
      disability: index < 6 ? "yes" : "no",
      religion: index < 3 ? "Christian" : "",
    });
    if (index < 5 || index === 7) await volunteerWithHours(resident.id, index);
  }
  for (let index = 0; index < 4; index++) {
    const unconsented = await createPerson(database.db, officer, now, {
      givenName: "Private",
      familyName: `Number ${index}`,
      personType: "tenant",
    });
    if (index === 0) await volunteerWithHours(unconsented.id, 100);
  }
  const contact = await createPerson(database.db, officer, now, {
    givenName: "Contact",
    familyName: "Person",
    personType: "contact",
  });
  await recordEquality(database.db, officer, now, contact.id, {
    consent: "yes",
    ethnicGroup: "Asian British",
  });
});
afterAll(async () => database.close());

describe("equality profile of volunteers against residents", () => {
  it("counts consented residents only, by answer, and suppresses groups under 5", async () => {
    const residents = await equalityAggregate(database.db, officer, { kind: "residents" });
    expect(residents.consented).toBe(12);
    const ethnic = residents.fields.find((f) => f.field === "ethnicGroup");
    expect(ethnic?.answered).toBe(12);
    expect(ethnic?.bands).toEqual([
      { answer: "Asian British", count: 5 },
      { answer: "White British", count: 7 },
    ]);
    const religion = residents.fields.find((f) => f.field === "religion");
    expect(religion?.answered).toBeNull();
    expect(religion?.bands).toEqual([{ answer: "Christian", count: null }]);
    expect(residents.fields.find((f) => f.field === "sexualOrientation")?.bands).toEqual([]);
  });

  it("compares the six consenting volunteers with residents, never counting the one without consent", async () => {
    const profile = await volunteerEqualityProfile(database.db, officer, now);
    expect(profile.volunteersConsented).toBe(6);
    expect(profile.residentsConsented).toBe(12);
    expect(profile.rows).toEqual([
      {
        field: "Ethnic group",
        answer: "Asian British",
        volunteers: null,
        volunteerShare: null,
        residents: 5,
        residentShare: 5 / 12,
      },
      {
        field: "Ethnic group",
        answer: "White British",
        volunteers: 5,
        volunteerShare: 5 / 6,
        residents: 7,
        residentShare: 7 / 12,
      },
      {
        field: "Disability",
        answer: "no",
        volunteers: null,
        volunteerShare: null,
        residents: 6,
        residentShare: 0.5,
      },
      {
        field: "Disability",
        answer: "yes",
        volunteers: 5,
        volunteerShare: 5 / 6,
        residents: 6,
        residentShare: 0.5,
      },
    ]);
  });

  it("writes the profile into the report CSV with suppressed counts as <5", async () => {
    const report = await volunteeringReport(database.db, officer, { from: "2025-04-01", to: "2026-03-31" });
    const csv = reportCsv(report, await volunteerEqualityProfile(database.db, officer, now));
    const lines = csv.split("\r\n");
    expect(lines).toContain("Field,Answer,Volunteers,Volunteers (%),Residents,Residents (%)");
    expect(lines).toContain("Ethnic group,White British,5,83.3,7,58.3");
    expect(lines).toContain("Ethnic group,Asian British,<5,,5,41.7");
    expect(csv).not.toContain("Christian");
  });

  it("refuses people outside staff", async () => {
    await expect(
      equalityAggregate(database.db, actorFor(organisationId, "tenant"), { kind: "residents" }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
