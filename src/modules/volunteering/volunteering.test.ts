import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { Problem } from "../../platform/http/problem.ts";
import { addSession } from "./commands/add-session.ts";
import { applyForOpportunity } from "./commands/apply.ts";
import { decideApplication } from "./commands/decide-application.ts";
import { decideOpportunity } from "./commands/decide-opportunity.ts";
import { logOwnHours, resubmitHours } from "./commands/log-hours.ts";
import { logSessionHours } from "./commands/log-session-hours.ts";
import { postOpportunity } from "./commands/post-opportunity.ts";
import { recordCheck } from "./commands/record-check.ts";
import { reviewHours } from "./commands/review-hours.ts";
import { setHourlyRate } from "./commands/set-hourly-rate.ts";
import { volunteeringValue } from "./queries/volunteering-value.ts";
import { placedVolunteer } from "./testing/roles.ts";

let database: Database;
let officer: Actor;
let manager: Actor;
let outsider: Actor;
let organisationId: string;

const role = {
  title: "Homework club helper",
  description: "Help children with homework after school.",
  activity: "Luton Arches homework club",
  theme: "children-and-young-people",
  skills: ["teaching"],
  interests: ["young-people"],
  availability: ["weekday-afternoons"],
  remote: "no",
  locationName: "Luton Arches community centre",
  postcode: "me4 5ay",
  timeCommitment: "2 hours a week",
  dbsRequired: "yes",
  trainingRequired: ["safeguarding"],
  minimumAge: "18",
  places: "1",
};
const applicant = (emailAddress: string) => ({
  givenName: "Amira",
  familyName: "Khan",
  email: emailAddress,
  dateOfBirth: "1990-02-03",
  interests: ["young-people"],
});

async function expectProblem(promise: Promise<unknown>, status: number, pattern?: RegExp): Promise<Problem> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  const problem = error as Problem;
  expect(problem.status).toBe(status);
  if (pattern)
    expect(`${problem.title} ${problem.detail} ${JSON.stringify(problem.fieldErrors ?? {})}`).toMatch(
      pattern,
    );
  return problem;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const organisation = await makeOrganisation(database.db);
  organisationId = organisation.id;
  officer = actorFor(organisationId, "officer");
  manager = actorFor(organisationId, "manager");
  outsider = actorFor((await makeOrganisation(database.db, "Other Homes")).id, "officer");
});
afterAll(async () => database.close());

describe("a volunteering role from posting to valued hours", () => {
  it("keeps a posted role out of public applications until a coordinator approves it", async () => {
    const posted = await postOpportunity(database.db, officer, testNow, role);
    expect(posted.status).toBe("submitted");
    expect(posted.postcode).toBe("ME4 5AY");
    await expectProblem(
      applyForOpportunity(database.db, organisationId, testNow, posted.id, applicant("a@example.org")),
      404,
    );
    const approved = await decideOpportunity(database.db, officer, testNow, posted.id, "approve");
    expect(approved.status).toBe("approved");
  });

  it("hides one organisation's role from another as not found", async () => {
    const posted = await postOpportunity(database.db, officer, testNow, role);
    await expectProblem(decideOpportunity(database.db, outsider, testNow, posted.id, "approve"), 404);
  });

  it("refuses a role with a postcode outside the districts we can place", async () => {
    await expectProblem(
      postOpportunity(database.db, officer, testNow, { ...role, postcode: "SW1A 1AA" }),
      422,
      /Kent or Medway/,
    );
  });

  it("runs applied → approved → placed, refusing placement without a DBS check, then logs, disputes, verifies and values hours", async () => {
    const posted = await postOpportunity(database.db, officer, testNow, role);
    await decideOpportunity(database.db, officer, testNow, posted.id, "approve");
    const tenant = actorFor(organisationId, "tenant");
    const userId = tenant.kind === "user" ? tenant.userId : null;
    const application = await applyForOpportunity(
      database.db,
      organisationId,
      testNow,
      posted.id,
      applicant("amira@example.org"),
      { userId },
    );
    expect(application.status).toBe("applied");
    const again = await applyForOpportunity(
      database.db,
      organisationId,
      testNow,
      posted.id,
      applicant("amira@example.org"),
    );
    expect(again.id).toBe(application.id);

    await decideApplication(database.db, officer, testNow, application.id, "approve");
    // The one place is taken by an approved volunteer: the role is now full.
    await expectProblem(
      applyForOpportunity(database.db, organisationId, testNow, posted.id, applicant("second@example.org")),
      409,
      /full/,
    );

    await expectProblem(
      decideApplication(database.db, officer, testNow, application.id, "place"),
      422,
      /enhanced DBS check, and they have none/,
    );
    await recordCheck(database.db, officer, testNow, application.volunteerId, {
      kind: "dbs-enhanced",
      issuedOn: "2023-01-10",
      expiresOn: "2026-01-10",
    });
    await recordCheck(database.db, officer, testNow, application.volunteerId, {
      kind: "safeguarding",
      issuedOn: "2026-01-10",
      expiresOn: "",
    });
    await expectProblem(
      decideApplication(database.db, officer, testNow, application.id, "place"),
      422,
      /passed its renewal date/,
    );
    await recordCheck(database.db, officer, testNow, application.volunteerId, {
      kind: "dbs-enhanced",
      issuedOn: "2026-02-01",
      expiresOn: "2029-02-01",
    });
    const placed = await decideApplication(database.db, officer, testNow, application.id, "place");
    expect(placed.status).toBe("placed");

    const ownHours = (workedOn: string, minutes: string) =>
      logOwnHours(database.db, tenant, testNow, { opportunityId: posted.id, workedOn, minutes });
    await expectProblem(ownHours("2026-06-16", "2"), 422, /today or in the past/);
    await expectProblem(ownHours("2026-06-10", "25"), 422, /24 hours/);
    const first = await ownHours("2026-06-10", "20");
    await expectProblem(ownHours("2026-06-10", "5"), 422, /at most 4 hours/);
    expect(first.status).toBe("submitted");
    expect(first.minutes).toBe(1200);

    await reviewHours(
      database.db,
      officer,
      testNow,
      [first.id],
      "dispute",
      "The club ran for two hours that day",
    );
    const corrected = await resubmitHours(database.db, tenant, testNow, first.id, {
      workedOn: "2026-06-10",
      minutes: "1:30",
    });
    expect(corrected.minutes).toBe(90);
    expect(corrected.status).toBe("submitted");
    await reviewHours(database.db, officer, testNow, [first.id], "verify");

    await setHourlyRate(database.db, manager, testNow, {
      year: "2026",
      ratePence: "1221",
      source: "National Living Wage from April 2025 (£12.21)",
    });
    const value = await volunteeringValue(database.db, organisationId, {
      from: "2026-01-01",
      to: "2026-12-31",
    });
    // 90 minutes × £12.21 an hour = £18.315 → 1,832p (rounded once, half up).
    expect(value.total).toEqual({ minutes: 90, hours: 1.5, valuePence: 1832, activeVolunteers: 1 });
    expect(value.byTheme).toMatchObject([
      { theme: "children-and-young-people", minutes: 90, valuePence: 1832 },
    ]);
    expect(value.byArea[0]?.minutes).toBe(90);
    expect(value.yearsWithoutRate).toEqual([]);
  });

  it("logs a session's hours in bulk, all or nothing, verified and counted towards milestones", async () => {
    const posted = await postOpportunity(database.db, officer, testNow, {
      ...role,
      dbsRequired: "no",
      trainingRequired: [],
      minimumAge: "",
      places: "5",
    });
    await decideOpportunity(database.db, officer, testNow, posted.id, "approve");
    const ids: string[] = [];
    for (const emailAddress of ["b1@example.org", "b2@example.org"]) {
      ids.push(await placedVolunteer(database.db, officer, testNow, posted.id, applicant(emailAddress)));
    }
    const session = await addSession(
      database.db,
      officer,
      testNow,
      posted.id,
      new Date("2026-06-01T09:00:00Z"),
      new Date("2026-06-01T21:00:00Z"),
    );
    await expectProblem(
      logSessionHours(database.db, officer, testNow, session.id, [
        { volunteerId: ids[0] ?? "", hours: "11" },
        { volunteerId: ids[1] ?? "", hours: "lots" },
      ]),
      422,
      /as a number/,
    );
    expect(
      (await volunteeringValue(database.db, organisationId, { from: "2026-06-01", to: "2026-06-01" })).total
        .minutes,
    ).toBe(0);
    const logged = await logSessionHours(database.db, officer, testNow, session.id, [
      { volunteerId: ids[0] ?? "", hours: "11" },
      { volunteerId: ids[1] ?? "", hours: "" },
    ]);
    expect(logged).toBe(1);
    const day = await volunteeringValue(database.db, organisationId, {
      from: "2026-06-01",
      to: "2026-06-01",
    });
    expect(day.total.minutes).toBe(660);
    // 2026 has a rate (set above): 660 minutes × 1221p / 60 = 13,431p exactly.
    expect(day.total.valuePence).toBe(13431);
    const milestones = await database.query<{ hours: number }>(
      "SELECT hours FROM vol_milestone WHERE organisation_id = $1 AND volunteer_id = $2",
      [organisationId, ids[0]],
    );
    expect(milestones.map((m) => Number(m.hours))).toEqual([10]);
  });

  it("counts hours in a year without a rate but gives them no value, and names the year", async () => {
    const value = await volunteeringValue(database.db, organisationId, {
      from: "2020-01-01",
      to: "2020-12-31",
    });
    expect(value.total.valuePence).toBe(0);
    await expectProblem(
      volunteeringValue(database.db, organisationId, { from: "2026-02-30", to: "2026-12-31" }),
      422,
    );
  });

  it("refuses a board member verifying hours and an officer setting the rate", async () => {
    await expectProblem(
      reviewHours(database.db, actorFor(organisationId, "read-only"), testNow, [], "verify"),
      403,
    );
    await expectProblem(
      setHourlyRate(database.db, officer, testNow, { year: "2026", ratePence: "1500", source: "x" }),
      403,
    );
  });
});
