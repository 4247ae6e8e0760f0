import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Actor } from "../../platform/access/actor.ts";
import { actorForUser } from "../../platform/auth/users.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { applyAsKnownVolunteer } from "./commands/apply-as-volunteer.ts";
import { decideOpportunity } from "./commands/decide-opportunity.ts";
import { postOpportunity } from "./commands/post-opportunity.ts";
import { registerVolunteer } from "./commands/register-volunteer.ts";
import { volunteeringModule } from "./module.ts";
import { type Browser, browserFor, signedIn, testApp } from "./test-app.ts";

// A signed-in, known volunteer applies on one page: known details are shown, not asked again;
// only what the record lacks is asked, and it is saved with the application in one transaction.

const now = new Date("2026-06-15T10:00:00.000Z");
let database: Database;
let app: Hono<AppEnv>;
let slug: string;
let complete: { browser: Browser; actor: Actor };
let sparse: { browser: Browser; actor: Actor; volunteerId: string };
let stranger: Browser;
let gardenId: string;
let youthId: string;
let fullId: string;

const base = {
  description: "Help out.",
  activity: "Estate activities",
  theme: "environment",
  interests: ["gardening"],
  availability: ["weekends"],
  remote: "no",
  timeCommitment: "2 hours a week",
  dbsRequired: "no",
  places: "5",
  postcode: "ME4 5AY",
};

const applications = (volunteerEmail: string) =>
  database.query<{ title: string; message: string | null }>(
    `SELECT o.title, a.message FROM vol_application a JOIN volunteer v ON v.organisation_id = a.organisation_id AND v.id = a.volunteer_id
      JOIN vol_opportunity o ON o.organisation_id = a.organisation_id AND o.id = a.opportunity_id WHERE v.email = $1 ORDER BY o.title`,
    [volunteerEmail],
  );

beforeAll(async () => {
  database = await openTestDatabase();
  const organisation = await makeOrganisation(database.db, "Known Apply Homes");
  slug = organisation.slug;
  const officer = actorFor(organisation.id, "officer");
  app = testApp(database, [volunteeringModule], now);
  const role = async (title: string, extra: Record<string, string> = {}) => {
    const created = await postOpportunity(database.db, officer, now, { ...base, title, ...extra });
    await decideOpportunity(database.db, officer, now, created.id, "approve");
    return created.id;
  };
  gardenId = await role("Community gardener");
  youthId = await role("Youth club helper", { minimumAge: "18" });
  fullId = await role("Full role", { places: "1" });
  const first = await signedIn(app, database, organisation.id, "tenant", now, "complete@example.org");
  await registerVolunteer(
    database.db,
    officer,
    now,
    {
      givenName: "Priya",
      familyName: "Shah",
      email: "complete@example.org",
      phone: "07700 900123",
      dateOfBirth: "1980-02-03",
      postcode: "ME4 5AY",
      interests: ["gardening"],
      availability: ["weekends"],
    },
    { userId: first.user.id },
  );
  complete = { browser: first.browser, actor: actorForUser(first.user) };
  const second = await signedIn(app, database, organisation.id, "tenant", now, "sparse@example.org");
  const record = await registerVolunteer(
    database.db,
    officer,
    now,
    { givenName: "Sam", familyName: "Okafor", email: "sparse@example.org" },
    { userId: second.user.id },
  );
  sparse = { browser: second.browser, actor: actorForUser(second.user), volunteerId: record.id };
  stranger = browserFor(app, null);
  // Fill the one place of "Full role".
  const filler = await registerVolunteer(database.db, officer, now, {
    givenName: "Fay",
    familyName: "Filler",
    email: "filler@example.org",
  });
  await database.query(
    `INSERT INTO vol_application (organisation_id, id, opportunity_id, volunteer_id, status, applied_at, updated_at)
     VALUES ($1, gen_random_uuid(), $2, $3, 'placed', $4, $4)`,
    [organisation.id, fullId, filler.id, now],
  );
});
afterAll(async () => database.close());

describe("one-page apply for a known volunteer", () => {
  it("shows what we hold and asks nothing else when the record is complete", async () => {
    const page = await (await complete.browser.get(`/volunteer/${slug}/roles/${gardenId}/apply`)).text();
    expect(page).toContain('<h1 class="govuk-heading-l">Apply: Community gardener</h1>');
    expect(page).toContain("Priya Shah");
    expect(page).toContain("complete@example.org");
    expect(page).toContain("3 February 1980");
    expect(page).not.toContain('name="givenName"');
    expect(page).not.toContain('name="email"');
    expect(page).not.toContain('name="phone"');
    expect(page).not.toContain("We need a little more");
    expect(page).toContain('name="message"');
  });

  it("sends the application from the one page, with the message", async () => {
    const response = await complete.browser.post(`/volunteer/${slug}/roles/${gardenId}/apply`, {
      step: "known",
      message: "I grow vegetables.",
      givenName: "Mallory",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/applied\?ref=[0-9A-F]{8}$/);
    expect(await applications("complete@example.org")).toEqual([
      { title: "Community gardener", message: "I grow vegetables." },
    ]);
    const [name] = await database.query<{ given_name: string }>(
      "SELECT given_name FROM volunteer WHERE email = 'complete@example.org'",
    );
    expect(name?.given_name).toBe("Priya");
  });

  it("asks a sparse record only for what is missing, and the minimum age's date of birth is required", async () => {
    const page = await (await sparse.browser.get(`/volunteer/${slug}/roles/${youthId}/apply`)).text();
    expect(page).toContain("We need a little more");
    for (const field of ['name="phone"', 'name="postcode"', 'name="dateOfBirth-day"', 'name="interests"'])
      expect(page).toContain(field);
    expect(page).toContain("This role is for people aged 18 or over");
    const refused = await sparse.browser.post(`/volunteer/${slug}/roles/${youthId}/apply`, {
      step: "known",
      postcode: "ME4 5AY",
    });
    await expectRefused(
      refused,
      "govuk-error-summary",
      "Enter your date of birth: this role is for people aged 18 or over",
      'value="ME4 5AY"',
    );
    expect(await applications("sparse@example.org")).toEqual([]);
    const [record] = await database.query<{ postcode: string | null }>(
      "SELECT postcode FROM volunteer WHERE id = $1",
      [sparse.volunteerId],
    );
    expect(record?.postcode).toBeNull();
  });

  it("refuses bad answers with every error at once and saves nothing", async () => {
    const response = await sparse.browser.post(`/volunteer/${slug}/roles/${gardenId}/apply`, {
      step: "known",
      phone: "not a phone",
      postcode: "NOWHERE",
      interests: "knitting-bombs",
      "dateOfBirth-day": "31",
      "dateOfBirth-month": "2",
      "dateOfBirth-year": "1990",
    });
    await expectRefused(
      response,
      "Enter a real postcode, like ME1 2AB",
      "Choose interests from the list",
      'href="#dateOfBirth-day"',
    );
    expect(await applications("sparse@example.org")).toEqual([]);
  });

  it("saves the missing details to the record with the application", async () => {
    const response = await sparse.browser.post(`/volunteer/${slug}/roles/${youthId}/apply`, {
      step: "known",
      "dateOfBirth-day": "4",
      "dateOfBirth-month": "5",
      "dateOfBirth-year": "1999",
      postcode: "me4 5ay",
      availability: ["weekday-evenings", "weekends"],
    });
    expect(response.status).toBe(303);
    const [record] = await database.query<{
      date_of_birth: string;
      postcode: string;
      la_code: string | null;
      availability: string[];
    }>("SELECT date_of_birth::text, postcode, la_code, availability FROM volunteer WHERE id = $1", [
      sparse.volunteerId,
    ]);
    expect(record).toMatchObject({ date_of_birth: "1999-05-04", postcode: "ME4 5AY" });
    expect(record?.availability).toEqual(["weekday-evenings", "weekends"]);
    const audit = await database.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_id = $1 AND action = 'update'",
      [sparse.volunteerId],
    );
    expect(audit.map((row) => row.summary)).toEqual([
      "Volunteer added their dateOfBirth, postcode, availability while applying",
    ]);
    const again = await (await sparse.browser.get(`/volunteer/${slug}/roles/${gardenId}/apply`)).text();
    expect(again).not.toContain('name="postcode"');
    expect(again).toContain('name="phone"');
  });

  it("refuses a full role with a clear message and no application", async () => {
    await expect(
      applyAsKnownVolunteer(database.db, complete.actor, now, fullId, { message: "" }),
    ).rejects.toMatchObject({ status: 409, title: "This role is full" });
    expect((await applications("complete@example.org")).map((row) => row.title)).not.toContain("Full role");
  });

  it("gives the long journey to someone signed out", async () => {
    const page = await (await stranger.get(`/volunteer/${slug}/roles/${gardenId}/apply`)).text();
    expect(page).toContain("What is your name?");
  });

  it("refuses a signed-in person with no volunteer record", async () => {
    const nobody = actorFor(sparse.actor.organisationId, "tenant");
    await expect(applyAsKnownVolunteer(database.db, nobody, now, gardenId, {})).rejects.toMatchObject({
      status: 404,
    });
  });
});
