import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { Problem } from "../../platform/http/problem.ts";
import { addSession } from "./commands/add-session.ts";
import { decideOpportunity } from "./commands/decide-opportunity.ts";
import { logSessionHours } from "./commands/log-session-hours.ts";
import { postOpportunity } from "./commands/post-opportunity.ts";
import { recordCheck } from "./commands/record-check.ts";
import { registerVolunteer } from "./commands/register-volunteer.ts";
import { retention, volunteersAtRisk } from "./queries/hours.ts";
import { suggestOpportunities, suggestVolunteers } from "./queries/matching.ts";
import { listOpportunities } from "./queries/opportunities.ts";
import { placedVolunteer } from "./testing/roles.ts";

let database: Database;
let officer: Actor;
let organisationId: string;
const partnerId = "0190b8a0-0000-7000-8000-0000000000aa";

const base = {
  description: "Help out.",
  activity: "Estate activities",
  theme: "environment",
  availability: ["weekends"],
  remote: "no",
  timeCommitment: "2 hours a week",
  dbsRequired: "no",
  places: "5",
};

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  officer = actorFor(organisationId, "officer");
});
afterAll(async () => database.close());

describe("matching", () => {
  it("ranks roles by shared interests, skills, times and distance, and shows what is still needed", async () => {
    const garden = await postOpportunity(database.db, officer, testNow, {
      ...base,
      title: "Gardener",
      interests: ["gardening"],
      skills: ["diy"],
      postcode: "ME4 5AY",
    });
    const faraway = await postOpportunity(database.db, officer, testNow, {
      ...base,
      title: "Gardener far away",
      interests: ["gardening"],
      postcode: "CT9 3QL",
    });
    const kids = await postOpportunity(database.db, officer, testNow, {
      ...base,
      title: "Youth club",
      interests: ["young-people"],
      dbsRequired: "yes",
      postcode: "ME4 5AY",
    });
    const unrelated = await postOpportunity(database.db, officer, testNow, {
      ...base,
      title: "Bookkeeper",
      interests: ["advice"],
      skills: ["finance"],
      postcode: "ME4 5AY",
    });
    for (const role of [garden, faraway, kids, unrelated])
      await decideOpportunity(database.db, officer, testNow, role.id, "approve");
    const person = await registerVolunteer(database.db, officer, testNow, {
      givenName: "Ada",
      familyName: "Green",
      email: "ada@example.org",
      postcode: "ME4 4TR",
      interests: ["gardening", "young-people"],
      skills: ["diy"],
      availability: ["weekends"],
    });

    const matches = await suggestOpportunities(database.db, officer, testNow, person.id);
    expect(matches.map((m) => m.record.title)).toEqual(["Gardener", "Youth club", "Gardener far away"]);
    // Gardener: interest 3 + skill 2 + weekends 1 + near 2 = 8; youth club 3 + 1 + 2 = 6; far garden 3 + 1 = 4.
    expect(matches.map((m) => m.score)).toEqual([8, 6, 4]);
    expect(matches[0]?.reasons).toEqual([
      "Shared interests: Gardening and growing",
      "Skills the role needs: DIY and repairs",
      "Free when the role happens: Weekends",
      "About 1 km away",
    ]);
    expect(matches[1]?.stillNeeded).toEqual([
      "The role is regulated activity and needs an enhanced DBS check, and they have none",
    ]);
    expect(matches[0]?.stillNeeded).toEqual([]);

    const volunteers = await suggestVolunteers(database.db, officer, testNow, garden.id);
    expect(volunteers.map((m) => m.record.email)).toEqual(["ada@example.org"]);
    expect(await suggestVolunteers(database.db, officer, testNow, unrelated.id)).toEqual([]);
    await expect(
      suggestOpportunities(database.db, actorFor(organisationId, "read-only"), testNow, person.id),
    ).rejects.toBeInstanceOf(Problem);
  });

  it("refuses a second volunteer with the same email", async () => {
    const error = await registerVolunteer(database.db, officer, testNow, {
      givenName: "Ada",
      familyName: "Again",
      email: "ADA@example.org",
    }).catch((e: unknown) => e);
    expect((error as Problem).status).toBe(409);
  });
});

describe("partners and retention", () => {
  it("keeps a partner's role its own: marked with the partner, and the only one it sees", async () => {
    const partner = actorFor(organisationId, "community-group", { partnerOrganisationId: partnerId });
    const posted = await postOpportunity(database.db, partner, testNow, {
      ...base,
      title: "Group role",
      interests: ["events"],
      postcode: "ME8 6QF",
    });
    expect(posted.partnerOrganisationId).toBe(partnerId);
    expect(posted.laCode).toBe("E06000035");
    expect((await listOpportunities(database.db, partner)).map((role) => role.title)).toEqual(["Group role"]);
    expect((await listOpportunities(database.db, officer)).length).toBeGreaterThan(1);
    await expect(
      decideOpportunity(database.db, partner, testNow, posted.id, "approve"),
    ).rejects.toBeInstanceOf(Problem);
  });

  it("flags a placed volunteer with no hours for N weeks, and measures retention", async () => {
    const role = await postOpportunity(database.db, officer, testNow, {
      ...base,
      title: "Litter pick",
      interests: ["outdoor-work"],
      postcode: "ME4 5AY",
      places: "10",
    });
    await decideOpportunity(database.db, officer, testNow, role.id, "approve");
    const early = new Date("2026-01-05T10:00:00Z");
    const people: string[] = [];
    for (const name of ["stays", "leaves"]) {
      people.push(
        await placedVolunteer(database.db, officer, early, role.id, {
          givenName: name,
          familyName: "Picker",
          email: `${name}@example.org`,
        }),
      );
    }
    await recordCheck(database.db, officer, testNow, people[0] ?? "", {
      kind: "first-aid",
      issuedOn: "2026-01-01",
    });
    const january = await addSession(
      database.db,
      officer,
      testNow,
      role.id,
      new Date("2026-01-10T10:00:00Z"),
      new Date("2026-01-10T12:00:00Z"),
    );
    const june = await addSession(
      database.db,
      officer,
      testNow,
      role.id,
      new Date("2026-06-06T10:00:00Z"),
      new Date("2026-06-06T12:00:00Z"),
    );
    await logSessionHours(
      database.db,
      officer,
      testNow,
      january.id,
      people.map((volunteerId) => ({ volunteerId, hours: "2" })),
    );
    await logSessionHours(database.db, officer, testNow, june.id, [
      { volunteerId: people[0] ?? "", hours: "2" },
    ]);

    const atRisk = await volunteersAtRisk(database.db, officer, testNow, 6);
    expect(atRisk.map((v) => v.name)).toContain("leaves Picker");
    expect(atRisk.map((v) => v.name)).not.toContain("stays Picker");
    expect(atRisk.find((v) => v.name === "leaves Picker")?.lastWorkedOn).toBe("2026-01-10");
    expect((await volunteersAtRisk(database.db, officer, testNow, 30)).map((v) => v.name)).not.toContain(
      "leaves Picker",
    );

    const kept = await retention(database.db, officer, { from: "2026-01-01", to: "2026-06-30" });
    expect(kept).toMatchObject({ cohort: 2, retained: 1, rate: 0.5 });
    expect(kept.monthly).toEqual([
      { month: "2026-01", activeVolunteers: 2, minutes: 240 },
      { month: "2026-06", activeVolunteers: 1, minutes: 120 },
    ]);
  });
});
