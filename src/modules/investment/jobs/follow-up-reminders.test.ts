import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { completeFollowUp } from "../commands/record-outcome.ts";
import { investmentModule } from "../module.ts";
import { makeJobClub, residentOutcome } from "../testing/projects.ts";
import { remindDueFollowUps } from "./follow-up-reminders.ts";

let database: Database;
let organisationId: string;
let otherOrganisationId: string;

const messages = async (orgId: string) =>
  database.query<{ recipient: string; subject: string; body: string }>(
    "SELECT recipient, subject, body FROM outbound_message WHERE organisation_id = $1 ORDER BY created_at, subject",
    [orgId],
  );

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  otherOrganisationId = (await makeOrganisation(database.db, "Other Homes")).id;
  await addUser(database, organisationId, "manager", "manager@example.org");
  await addUser(database, organisationId, "officer", "officer@example.org");
  await addUser(database, otherOrganisationId, "manager", "other@example.org");
  const manager = actorFor(organisationId, "manager");
  const projectId = await makeJobClub(database.db, manager, testNow);
  const outcome = (ref: string, achievedOn: string) =>
    residentOutcome(database.db, manager, testNow, projectId, ref, achievedOn);
  await outcome("A", "2026-01-10"); // follow-ups due 2026-07-10 and 2027-01-10
  const b = await outcome("B", "2026-01-20"); // due 2026-07-20 and 2027-01-20
  // B's 12-month follow-up is done early: it must never be reminded.
  await completeFollowUp(database.db, manager, testNow, b, 12, {
    completedOn: "2026-03-01",
    distanceRating: 7,
    sustained: true,
  });
});
afterAll(async () => database.close());

describe("follow-up reminders job", () => {
  it("is one of the module's daily jobs", () => {
    expect(investmentModule.jobs?.map((job) => [job.name, job.daily])).toEqual([
      ["investment.follow-up-reminders", true],
    ]);
  });

  it("reminds managers a fortnight ahead, once per follow-up, without naming people", async () => {
    // 30 June 2026: A's 6-month (10 July) is within 14 days; B's (20 July) is not yet.
    expect(await remindDueFollowUps(database, organisationId, new Date("2026-06-30T09:00:00Z"))).toBe(1);
    const first = await messages(organisationId);
    expect(first).toHaveLength(1); // the manager only, not the officer
    expect(first[0]).toMatchObject({ recipient: "manager@example.org", subject: "1 outcome follow-ups due" });
    expect(first[0]?.body).toContain("Job club: 6-month follow-up due 10 July 2026");
    expect(first[0]?.body).not.toContain("Resident A");

    // Run again the same day, and the next day: nothing new to remind.
    expect(await remindDueFollowUps(database, organisationId, new Date("2026-06-30T10:00:00Z"))).toBe(0);
    expect(await remindDueFollowUps(database, organisationId, new Date("2026-07-01T09:00:00Z"))).toBe(0);
    expect(await messages(organisationId)).toHaveLength(1);
  });

  it("later reminds B's 6-month and A's 12-month, never B's completed 12-month one", async () => {
    expect(await remindDueFollowUps(database, organisationId, new Date("2026-07-10T09:00:00Z"))).toBe(1);
    expect(await remindDueFollowUps(database, organisationId, new Date("2027-02-01T09:00:00Z"))).toBe(1);
    const all = await messages(organisationId);
    expect(all).toHaveLength(3);
    expect(all[2]?.body).toContain("12-month follow-up due 10 January 2027");
    expect(all[2]?.body).toContain("1 already overdue");
    const stamped = await database.query<{ months: number; reminded_on: string | null }>(
      "SELECT months, to_char(reminded_on, 'YYYY-MM-DD') AS reminded_on FROM outcome_follow_up WHERE organisation_id = $1 ORDER BY due_on",
      [organisationId],
    );
    expect(stamped.map((row) => row.reminded_on)).toEqual(["2026-06-30", "2026-07-10", "2027-02-01", null]);
  });

  it("touches no other organisation", async () => {
    expect(await remindDueFollowUps(database, otherOrganisationId, new Date("2027-02-01T09:00:00Z"))).toBe(0);
    expect(await messages(otherOrganisationId)).toEqual([]);
  });
});
