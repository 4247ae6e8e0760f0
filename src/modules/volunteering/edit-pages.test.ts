import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { registerVolunteer } from "./commands/register-volunteer.ts";
import { volunteeringModule } from "./module.ts";
import { type Browser, signedIn, testApp } from "./test-app.ts";

const now = new Date("2026-06-15T10:00:00.000Z");
let database: Database;
let app: Hono<AppEnv>;
let organisationId: string;
let officer: Browser;
let tenant: Browser;
let outsider: Browser;
let ownId: string;

const rows = async (sql: string, params: unknown[] = []) =>
  database.query<Record<string, unknown>>(sql, params);
const audits = async (entityId: string, action: string) =>
  rows("SELECT summary, before, after FROM audit_log WHERE entity_id = $1 AND action = $2", [
    entityId,
    action,
  ]);

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db, "Weald and Medway Homes")).id;
  app = testApp(database, [volunteeringModule], now);
  officer = (await signedIn(app, database, organisationId, "officer", now)).browser;
  const tenantLogin = await signedIn(app, database, organisationId, "tenant", now);
  tenant = tenantLogin.browser;
  const own = await registerVolunteer(
    database.db,
    actorFor(organisationId, "officer"),
    now,
    { givenName: "Tam", familyName: "Own", email: "tam@example.org", interests: "food" },
    { userId: tenantLogin.user.id },
  );
  ownId = own.id;
  const other = await makeOrganisation(database.db, "Other Homes");
  outsider = (await signedIn(app, database, other.id, "officer", now)).browser;
});
afterAll(async () => database.close());

describe("a coordinator registering and changing a volunteer", () => {
  it("registers a volunteer by hand, with errors beside the fields when answers are wrong", async () => {
    const bad = await officer.post("/volunteering/volunteers/new", {
      givenName: "Ali",
      familyName: "",
      email: "not-an-email",
      "dateOfBirth-day": "31",
      "dateOfBirth-month": "2",
      "dateOfBirth-year": "1990",
    });
    await expectRefused(
      bad,
      'href="#familyName"',
      'id="familyName-error"',
      'href="#dateOfBirth-day"',
      'value="Ali"',
    );
    expect(await rows("SELECT 1 FROM volunteer WHERE given_name = 'Ali'")).toHaveLength(0);

    const made = await officer.post("/volunteering/volunteers/new", {
      givenName: "Ali",
      familyName: "Khan",
      email: "ali.khan@example.org",
      postcode: "me4 4tr",
      interests: ["gardening", "food"],
      availability: ["weekday-mornings"],
    });
    expect(made.status).toBe(303);
    const [saved] = await rows(
      "SELECT id, postcode, interests, la_code FROM volunteer WHERE email = 'ali.khan@example.org'",
    );
    expect(made.headers.get("location")).toBe(`/volunteering/volunteers/${saved?.id}?done=registered`);
    expect(saved?.postcode).toBe("ME4 4TR");
    expect(saved?.interests).toEqual(["gardening", "food"]);
    expect(await audits(String(saved?.id), "create")).toHaveLength(1);
  });

  it("changes a volunteer's details, moves them with their postcode, and audits before and after", async () => {
    const [ali] = await rows("SELECT id FROM volunteer WHERE email = 'ali.khan@example.org'");
    const form = await officer.get(`/volunteering/volunteers/${ali?.id}/edit`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('value="ali.khan@example.org"');
    const clash = await officer.post(`/volunteering/volunteers/${ali?.id}/edit`, {
      givenName: "Ali",
      familyName: "Khan",
      email: "TAM@example.org",
    });
    await expectRefused(clash, 'href="#email"', "Another volunteer is registered with this email address");
    const saved = await officer.post(`/volunteering/volunteers/${ali?.id}/edit`, {
      givenName: "Ali",
      familyName: "Khan-Smith",
      email: "ali.khan@example.org",
      postcode: "",
      interests: ["digital"],
    });
    expect(saved.status).toBe(303);
    const [after] = await rows(
      "SELECT family_name, postcode, la_code, latitude, interests FROM volunteer WHERE id = $1",
      [ali?.id],
    );
    expect(after).toMatchObject({ family_name: "Khan-Smith", postcode: null, la_code: null, latitude: null });
    expect(after?.interests).toEqual(["digital"]);
    const [entry] = await audits(String(ali?.id), "update");
    expect(entry?.before).toMatchObject({ familyName: "Khan", postcode: "ME4 4TR" });
    expect(entry?.after).toMatchObject({ familyName: "Khan-Smith", postcode: null });
  });

  it("changes a check's renewal date, refusing a renewal before the issue date", async () => {
    const [ali] = await rows("SELECT id FROM volunteer WHERE email = 'ali.khan@example.org'");
    const recorded = await officer.post(`/volunteering/volunteers/${ali?.id}/checks`, {
      kind: "dbs-enhanced",
      "issuedOn-day": "1",
      "issuedOn-month": "3",
      "issuedOn-year": "2023",
      "expiresOn-day": "1",
      "expiresOn-month": "3",
      "expiresOn-year": "2026",
    });
    expect(recorded.status).toBe(303);
    const [check] = await rows("SELECT id FROM volunteer_check WHERE volunteer_id = $1", [ali?.id]);
    const profile = await (await officer.get(`/volunteering/volunteers/${ali?.id}`)).text();
    expect(profile).toContain(`/volunteering/checks/${check?.id}/edit`);
    expect(profile).toContain("Expired");
    const wrong = await officer.post(`/volunteering/checks/${check?.id}/edit`, {
      kind: "dbs-enhanced",
      "issuedOn-day": "1",
      "issuedOn-month": "3",
      "issuedOn-year": "2023",
      "expiresOn-day": "1",
      "expiresOn-month": "1",
      "expiresOn-year": "2020",
    });
    await expectRefused(wrong, 'href="#expiresOn-day"');
    const renewed = await officer.post(`/volunteering/checks/${check?.id}/edit`, {
      kind: "dbs-enhanced",
      reference: "001234567890",
      "issuedOn-day": "1",
      "issuedOn-month": "3",
      "issuedOn-year": "2026",
      "expiresOn-day": "1",
      "expiresOn-month": "3",
      "expiresOn-year": "2029",
    });
    expect(renewed.status).toBe(303);
    const [after] = await rows(
      "SELECT issued_on::text, expires_on::text, reference FROM volunteer_check WHERE id = $1",
      [check?.id],
    );
    expect(after).toMatchObject({
      issued_on: "2026-03-01",
      expires_on: "2029-03-01",
      reference: "001234567890",
    });
    expect(await audits(String(check?.id), "update")).toHaveLength(1);
  });

  it("hides other organisations' volunteers and checks behind a 404, and the forms from tenants", async () => {
    const [ali] = await rows("SELECT id FROM volunteer WHERE email = 'ali.khan@example.org'");
    const [check] = await rows("SELECT id FROM volunteer_check LIMIT 1");
    expect((await outsider.get(`/volunteering/volunteers/${ali?.id}/edit`)).status).toBe(404);
    expect((await outsider.get(`/volunteering/checks/${check?.id}/edit`)).status).toBe(404);
    const tried = await outsider.post(`/volunteering/volunteers/${ali?.id}/edit`, {
      givenName: "X",
      familyName: "Y",
      email: "x@example.org",
    });
    expect(tried.status).toBe(404);
    expect(
      (
        await tenant.post("/volunteering/volunteers/new", {
          givenName: "A",
          familyName: "B",
          email: "ab@example.org",
        })
      ).status,
    ).toBe(403);
  });
});

describe("a volunteer's own profile", () => {
  it("saves their interests, skills and free times but not their name", async () => {
    const page = await tenant.get("/my-volunteering/profile");
    expect(page.status).toBe(200);
    const saved = await tenant.post("/my-volunteering/profile", {
      givenName: "Changed",
      interests: ["gardening"],
      skills: ["cooking"],
      availability: ["weekends"],
      phone: "07700 900123",
    });
    expect(saved.status).toBe(303);
    const [after] = await rows(
      "SELECT given_name, interests, skills, availability, phone FROM volunteer WHERE id = $1",
      [ownId],
    );
    expect(after).toMatchObject({ given_name: "Tam", phone: expect.stringContaining("07700") });
    expect(after?.interests).toEqual(["gardening"]);
    expect(after?.skills).toEqual(["cooking"]);
    expect(after?.availability).toEqual(["weekends"]);
    const bad = await tenant.post("/my-volunteering/profile", { interests: ["not-a-thing"] });
    await expectRefused(bad, "Choose interests from the list");
  });

  it("adds their own training with its renewal date, but leaves DBS checks to the coordinator", async () => {
    const dbs = await tenant.post("/my-volunteering/checks", {
      kind: "dbs-enhanced",
      "issuedOn-day": "1",
      "issuedOn-month": "1",
      "issuedOn-year": "2026",
    });
    await expectRefused(dbs, "Your coordinator records DBS checks");
    const added = await tenant.post("/my-volunteering/checks", {
      kind: "first-aid",
      "issuedOn-day": "10",
      "issuedOn-month": "1",
      "issuedOn-year": "2026",
      "expiresOn-day": "10",
      "expiresOn-month": "1",
      "expiresOn-year": "2029",
    });
    expect(added.status).toBe(303);
    const checks = await rows("SELECT kind, expires_on::text FROM volunteer_check WHERE volunteer_id = $1", [
      ownId,
    ]);
    expect(checks).toEqual([{ kind: "first-aid", expires_on: "2029-01-10" }]);
    expect(await (await tenant.get("/my-volunteering/profile")).text()).toContain("10 January 2029");
  });
});
