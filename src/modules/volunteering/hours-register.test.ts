import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { addSession } from "./commands/add-session.ts";
import { postOpportunity } from "./commands/post-opportunity.ts";
import { volunteeringModule } from "./module.ts";
import { type Browser, signedIn, testApp } from "./test-app.ts";
import { approvedEstateRole, estateRole } from "./testing/roles.ts";

// Issue 13 item 1: the session hours register searches the role's volunteers by name, postcode or
// reference, without JavaScript too, tells namesakes apart, and renders only who it must.

const now = new Date("2026-03-02T09:00:00Z");
let database: Database;
let app: Hono<AppEnv>;
let organisationId: string;
let officer: Browser;
let tenant: Browser;
let sessionId = "";
let base = "";
const ids: Record<string, string> = {};

/** A placed volunteer, written straight to the tables: the register only reads them. */
async function placed(
  roleId: string,
  key: string,
  given: string,
  family: string,
  extra: { dob?: string; postcode?: string } = {},
) {
  const [row] = await database.query<{ id: string }>(
    `INSERT INTO volunteer (organisation_id, id, given_name, family_name, email, date_of_birth, postcode, interests, skills, availability, created_at)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, '{}', '{}', '{}', $7) RETURNING id`,
    [organisationId, given, family, `${key}@example.org`, extra.dob ?? null, extra.postcode ?? null, now],
  );
  const id = row?.id ?? "";
  await database.query(
    `INSERT INTO vol_application (organisation_id, id, opportunity_id, volunteer_id, status, applied_at, updated_at)
     VALUES ($1, gen_random_uuid(), $2, $3, 'placed', $4, $4)`,
    [organisationId, roleId, id, now],
  );
  ids[key] = id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  app = testApp(database, [volunteeringModule], now);
  const login = await signedIn(app, database, organisationId, "officer", now);
  officer = login.browser;
  tenant = (await signedIn(app, database, organisationId, "tenant", now)).browser;
  const coordinator = {
    kind: "user",
    organisationId,
    userId: login.user.id,
    role: "officer",
    name: "Test officer",
    email: login.user.email,
    partnerOrganisationId: null,
  } as Actor;
  const role = await approvedEstateRole(database.db, coordinator, now, {
    title: "Beach clean",
    places: "100",
  });
  await placed(role.id, "annYoung", "Ann", "Smith", { dob: "2005-04-01", postcode: "ME4 4AA" });
  await placed(role.id, "annOlder", "Ann", "Smith", { dob: "1960-04-01", postcode: "ME7 1BB" });
  await placed(role.id, "joUnderscore", "Jo_e", "Under");
  await placed(role.id, "joke", "Joke", "Under");
  // More than the 30 a register lists at once: the rest are found by search.
  for (let i = 0; i < 32; i++) await placed(role.id, `filler${i}`, `Filler${i}`, "Person");
  const other = await postOpportunity(
    database.db,
    coordinator,
    now,
    estateRole({ title: "Cafe", places: "100" }),
  );
  await placed(other.id, "elsewhere", "Annabel", "Smithers");
  const session = await addSession(
    database.db,
    coordinator,
    now,
    role.id,
    new Date("2026-02-28T10:00:00Z"),
    new Date("2026-02-28T12:00:00Z"),
  );
  sessionId = session.id;
  base = `/volunteering/sessions/${sessionId}/hours`;
});
afterAll(async () => database.close());

describe("the session hours register", () => {
  it("lists no one up front for a large role, only the search, and stays small", async () => {
    const response = await officer.get(base);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Search for each person who came");
    expect(page).toContain(`data-kith-live-search="${base}/candidates"`);
    expect(page).not.toContain("Filler1");
    expect(page).not.toContain('name="hours-');
  });

  it("finds volunteers placed in the role by name, postcode or reference, not other roles'", async () => {
    const byName = await (await officer.get(`${base}?q=smi`)).text();
    expect(byName).toContain(`name="hours-${ids.annYoung}"`);
    expect(byName).toContain(`name="hours-${ids.annOlder}"`);
    expect(byName).not.toContain("Annabel");
    const byPostcode = await (await officer.get(`${base}?q=me71`)).text();
    expect(byPostcode).toContain(`name="hours-${ids.annOlder}"`);
    expect(byPostcode).not.toContain(`name="hours-${ids.annYoung}"`);
    const reference = (ids.joke ?? "").slice(-6).toUpperCase();
    const byReference = await (await officer.get(`${base}?q=${reference}`)).text();
    expect(byReference).toContain(`name="hours-${ids.joke}"`);
    expect(byReference).toContain("1 person found");
  });

  it("tells namesakes apart by age band, postcode and reference", async () => {
    const fragment = await (await officer.get(`${base}/candidates?q=ann`)).text();
    expect(fragment).not.toContain("<html");
    expect(fragment).toContain(`under 25, ME4 4AA, ref ${(ids.annYoung ?? "").slice(-6).toUpperCase()}`);
    expect(fragment).toContain(`50 or over, ME7 1BB, ref ${(ids.annOlder ?? "").slice(-6).toUpperCase()}`);
  });

  it("refuses a search under 2 characters and takes % and _ literally", async () => {
    const short = await officer.get(`${base}/candidates?q=a`);
    await expectRefused(short, "Enter at least 2 characters");
    const shortPage = await officer.get(`${base}?q=a`);
    await expectRefused(shortPage, 'href="#q"');
    const underscore = await (await officer.get(`${base}?q=${encodeURIComponent("jo_")}`)).text();
    expect(underscore).toContain(`name="hours-${ids.joUnderscore}"`);
    expect(underscore).not.toContain(`name="hours-${ids.joke}"`);
    const percent = await (await officer.get(`${base}?q=${encodeURIComponent("%s")}`)).text();
    expect(percent).toContain("Nobody placed in this role matches");
  });

  it("adds without JavaScript: search, enter hours, save; the saved person is listed and not offered again", async () => {
    const saved = await officer.post(base, {
      q: "smi",
      [`hours-${ids.annOlder}`]: "2.5",
      [`hours-${ids.annYoung}`]: "",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${base}?done=hours`);
    const logged = await database.query<{ volunteer_id: string; minutes: number; status: string }>(
      "SELECT volunteer_id, minutes, status FROM vol_hours WHERE session_id = $1",
      [sessionId],
    );
    expect(logged).toEqual([{ volunteer_id: ids.annOlder, minutes: 150, status: "verified" }]);
    const page = await (await officer.get(`${base}?done=hours`)).text();
    expect(page).toContain("Logged for this session (1)");
    expect(page).toContain("2.5 hours");
    const again = await (await officer.get(`${base}?q=smi`)).text();
    expect(again).not.toContain(`name="hours-${ids.annOlder}"`);
    expect(again).toContain(`name="hours-${ids.annYoung}"`);
    expect(again).toContain("Hours already logged for this session: Ann Smith.");
    // The same form posted again (a second tab) logs nothing twice.
    const twice = await officer.post(base, { q: "smi", [`hours-${ids.annOlder}`]: "1" });
    await expectRefused(
      twice,
      "Hours are already logged for this person at this session",
      `id="hours-${ids.annOlder}-error"`,
    );
    const count = await database.query("SELECT 1 FROM vol_hours WHERE session_id = $1", [sessionId]);
    expect(count).toHaveLength(1);
  });

  it("shows the posted people again with their errors, and saves nothing", async () => {
    const wrong = await officer.post(base, {
      q: "under",
      [`hours-${ids.joke}`]: "25",
      [`hours-${ids.joUnderscore}`]: "1",
    });
    await expectRefused(
      wrong,
      `id="hours-${ids.joke}-error"`,
      "A day has only 24 hours",
      `name="hours-${ids.joUnderscore}"`,
      'value="1"',
    );
    const rows = await database.query(
      "SELECT 1 FROM vol_hours WHERE session_id = $1 AND volunteer_id IN ($2, $3)",
      [sessionId, ids.joke, ids.joUnderscore],
    );
    expect(rows).toHaveLength(0);
  });

  it("refuses the register and its search to people who cannot coordinate", async () => {
    expect((await tenant.get(base)).status).toBe(403);
    expect((await tenant.get(`${base}/candidates?q=smi`)).status).toBe(403);
  });
});
