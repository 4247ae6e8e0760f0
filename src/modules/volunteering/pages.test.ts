import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import { readingOrder, structureOf } from "../../../test/pdf-structure.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { districtBoundaries } from "../places/index.ts";
import { volunteeringModule } from "./module.ts";
import { seedVolunteering } from "./seed.ts";
import { type Browser, browserFor, signedIn, testApp } from "./test-app.ts";

/** A Kent or Medway district's name, when Kith holds its outline (only those are drawn). */
const districtName = (code: string) => districtBoundaries([code])[0]?.name;

const now = new Date("2026-06-15T10:00:00.000Z");
let database: Database;
let app: Hono<AppEnv>;
let slug: string;
let organisationId: string;
let officer: Browser;
let tenant: Browser;
let board: Browser;
let outsider: Browser;

const rows = async (sql: string, params: unknown[] = []) =>
  database.query<Record<string, unknown>>(sql, params);

beforeAll(async () => {
  database = await openTestDatabase();
  const organisation = await makeOrganisation(database.db, "Weald and Medway Homes");
  organisationId = organisation.id;
  slug = organisation.slug;
  app = testApp(database, [volunteeringModule], now);
  const tenantLogin = await signedIn(app, database, organisationId, "tenant", now);
  await seedVolunteering({
    database,
    organisationId,
    now,
    random: mulberry(7),
    log: () => {},
    users: [{ id: tenantLogin.user.id, email: tenantLogin.user.email, name: "Tenant", role: "tenant" }],
  } as Parameters<typeof seedVolunteering>[0]);
  tenant = tenantLogin.browser;
  officer = (await signedIn(app, database, organisationId, "officer", now)).browser;
  board = (await signedIn(app, database, organisationId, "read-only", now)).browser;
  const other = await makeOrganisation(database.db, "Other Homes");
  outsider = (await signedIn(app, database, other.id, "officer", now)).browser;
});
afterAll(async () => database.close());

function mulberry(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("volunteering pages", () => {
  it("seeds two years of roles, volunteers and hours with value", async () => {
    const [counts] = await rows(
      "SELECT (SELECT count(*) FROM vol_opportunity)::int AS roles, (SELECT count(*) FROM volunteer)::int AS volunteers, (SELECT count(*) FROM vol_hours)::int AS hours, (SELECT min(worked_on)::text FROM vol_hours) AS first",
    );
    expect(Number(counts?.roles)).toBeGreaterThan(30);
    expect(Number(counts?.volunteers)).toBe(480);
    expect(Number(counts?.hours)).toBeGreaterThan(5000);
    expect(String(counts?.first) < "2024-09-01").toBe(true);
  });

  it("lets the public search open roles by interest and distance, and never shows unapproved ones", async () => {
    const page = await browserFor(app, null).get(`/volunteer/${slug}?interest=gardening&postcode=ME4+4TR`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("Community garden volunteer");
    const [waiting] = await rows("SELECT id, title FROM vol_opportunity WHERE status = 'submitted' LIMIT 1");
    expect((await browserFor(app, null).get(`/volunteer/${slug}/roles/${waiting?.id}`)).status).toBe(404);
    const bad = await browserFor(app, null).get(`/volunteer/${slug}?postcode=NOT+A+POSTCODE`);
    await expectRefused(bad, "Enter a real postcode");
  });

  it("takes an application through the one-question-per-page journey to a confirmation", async () => {
    const [role] =
      await rows(`SELECT o.id FROM vol_opportunity o WHERE status = 'approved' AND minimum_age IS NOT NULL AND NOT remote
      AND places > (SELECT count(*) FROM vol_application a WHERE a.opportunity_id = o.id AND a.status IN ('approved', 'placed')) LIMIT 1`);
    const path = `/volunteer/${slug}/roles/${role?.id}/apply`;
    const visitor = browserFor(app, null);
    expect(await (await visitor.get(path)).text()).toContain("What is your name?");
    const missing = await visitor.post(path, { step: "name", givenName: "Jo" });
    await expectRefused(missing, "Enter your last name");
    const answers = {
      givenName: "Jo",
      familyName: "Bloggs",
      email: "jo.bloggs@example.org",
      dateOfBirth: "1991-04-05",
      interests: ["digital", "food"],
      message: "I love it",
    };
    const tooYoung = await visitor.post(path, {
      step: "date-of-birth",
      ...answers,
      "dateOfBirth-day": "1",
      "dateOfBirth-month": "1",
      "dateOfBirth-year": "2015",
    });
    expect(await tooYoung.text()).toContain("What is your postcode?");
    const check = await visitor.post(path, { step: "message", ...answers });
    const checkText = await check.text();
    expect(checkText).toContain("Check your answers");
    expect(checkText).toContain("Computers and technology, Food and cooking");
    const sent = await visitor.post(path, { step: "submit", ...answers });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toMatch(/applied\?ref=[0-9A-F]{8}$/);
    const [profile] = await rows("SELECT interests FROM volunteer WHERE email = 'jo.bloggs@example.org'");
    expect(profile?.interests).toEqual(["digital", "food"]);
    const [application] = await rows(
      "SELECT a.status FROM vol_application a JOIN volunteer v ON v.organisation_id = a.organisation_id AND v.id = a.volunteer_id WHERE v.email = 'jo.bloggs@example.org'",
    );
    expect(application?.status).toBe("applied");
  });

  it("refuses an under-age applicant at the final step and saves nothing", async () => {
    const [role] = await rows(
      "SELECT id, minimum_age FROM vol_opportunity WHERE status = 'approved' AND minimum_age = 18 LIMIT 1",
    );
    const answers = {
      givenName: "Kid",
      familyName: "Young",
      email: "kid@example.org",
      dateOfBirth: "2012-01-01",
    };
    const refused = await browserFor(app, null).post(`/volunteer/${slug}/roles/${role?.id}/apply`, {
      step: "submit",
      ...answers,
    });
    await expectRefused(refused, "aged 18 or over");
    expect(await rows("SELECT 1 FROM volunteer WHERE email = 'kid@example.org'")).toHaveLength(0);
  });

  it("lets the tenant log hours on their role, refusing a future date", async () => {
    const page = await tenant.get("/my-volunteering/log");
    const html = await page.text();
    const roleId =
      /name="opportunityId" type="radio" value="([0-9a-f-]{36})"/.exec(html)?.[1] ??
      /value="([0-9a-f-]{36})"[^>]*name="opportunityId"/.exec(html)?.[1] ??
      /id="opportunityId"[^>]*value="([0-9a-f-]{36})"/.exec(html)?.[1];
    expect(roleId).toBeTruthy();
    const future = await tenant.post("/my-volunteering/log", {
      opportunityId: roleId ?? "",
      "workedOn-day": "20",
      "workedOn-month": "6",
      "workedOn-year": "2026",
      minutes: "2",
    });
    await expectRefused(future, "today or in the past");
    const logged = await tenant.post("/my-volunteering/log", {
      opportunityId: roleId ?? "",
      "workedOn-day": "14",
      "workedOn-month": "6",
      "workedOn-year": "2026",
      minutes: "2.5",
      note: "Extra session",
    });
    expect(logged.status).toBe(303);
    const [entry] = await rows("SELECT id, minutes, status FROM vol_hours WHERE note = 'Extra session'");
    expect(entry).toMatchObject({ minutes: 150, status: "submitted" });
    const review = await officer.get("/volunteering/hours");
    expect(await review.text()).toContain("Extra session");
    const verified = await officer.post("/volunteering/hours", {
      hours: String(entry?.id),
      decision: "verify",
    });
    expect(verified.status).toBe(303);
    const [after] = await rows("SELECT status FROM vol_hours WHERE id = $1", [entry?.id]);
    expect(after?.status).toBe("verified");
  });

  it("shows the value on the dashboard, to the board as well", async () => {
    const page = await board.get("/volunteering");
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toMatch(/£[0-9,]+<\/span>value of volunteering/);
    expect(text).toContain("Value of volunteering by theme");
  });

  it("maps volunteers by district with a key, a title and description, and the counts in a table", async () => {
    const text = await (await officer.get("/volunteering")).text();
    const counts = await rows(
      "SELECT la_code, count(*)::int AS n FROM volunteer WHERE organisation_id = $1 AND la_code IS NOT NULL GROUP BY la_code",
      [organisationId],
    );
    expect(counts.length).toBeGreaterThan(0);
    expect(text).toContain('<title id="volunteers-by-district-title">Volunteers by district</title>');
    expect(text).toMatch(/<desc id="volunteers-by-district-desc">Registered volunteers by the district/);
    expect(text).toContain("<path d=");
    const table = text.slice(text.indexOf('id="volunteers-by-district-table"'));
    const drawn = counts.filter((row) => districtName(String(row.la_code)));
    expect(drawn.length).toBeGreaterThan(0);
    for (const row of drawn) {
      const name = districtName(String(row.la_code));
      expect(table).toMatch(
        new RegExp(`>${name}</th><td class="govuk-table__cell govuk-table__cell--numeric">${row.n}</td>`),
      );
    }
  });

  it("gives the tenant a PDF certificate, and a coordinator a reference", async () => {
    const certificate = await tenant.get("/my-volunteering/certificate.pdf");
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get("content-type")).toBe("application/pdf");
    const certificatePdf = Buffer.from(await certificate.arrayBuffer());
    expect(certificatePdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Tagged for screen readers: language, title shown, the heading before the text, the border skipped.
    const structure = structureOf(certificatePdf);
    expect(structure).toMatchObject({ lang: "en-GB", marked: true, displayTitle: true });
    expect(readingOrder(structure.root)).toEqual(["StructTreeRoot", "Document", "H1", "P", "P", "P"]);
    const [someone] = await rows("SELECT volunteer_id FROM vol_hours WHERE status = 'verified' LIMIT 1");
    const reference = await officer.get(`/volunteering/volunteers/${someone?.volunteer_id}/reference.pdf`);
    expect(reference.status).toBe(200);
  });

  it("lets a manager change the certificate wording, refusing unknown placeholders", async () => {
    const manager = (await signedIn(app, database, organisationId, "manager", now)).browser;
    expect(
      (
        await officer.post("/volunteering/templates", {
          kind: "certificate",
          heading: "X",
          body: "Y",
          signedBy: "Z",
        })
      ).status,
    ).toBe(403);
    const bad = await manager.post("/volunteering/templates", {
      kind: "certificate",
      heading: "Award",
      body: "Thanks {{nickname}}",
      signedBy: "Chair",
    });
    await expectRefused(bad, "Use only the placeholders listed");
    const saved = await manager.post("/volunteering/templates", {
      kind: "certificate",
      heading: "Award for volunteering",
      body: "Thank you {{name}} for {{hours}} hours.",
      signedBy: "The Chair",
    });
    expect(saved.status).toBe(303);
    const pdf = Buffer.from(
      await (await tenant.get("/my-volunteering/certificate.pdf")).arrayBuffer(),
    ).toString("latin1");
    expect(pdf).toContain("Award for volunteering"); // the document title, from the saved heading
  });

  it("hides one organisation's volunteers and roles from another", async () => {
    const [someone] = await rows("SELECT id FROM volunteer WHERE user_id IS NULL LIMIT 1");
    expect((await outsider.get(`/volunteering/volunteers/${someone?.id}`)).status).toBe(404);
    expect((await outsider.get(`/volunteering/volunteers/${someone?.id}/certificate.pdf`)).status).toBe(404);
    // A tenant is never a coordinator: refused before the look-up (issue 18 item 6).
    expect((await tenant.get(`/volunteering/volunteers/${someone?.id}`)).status).toBe(403);
    expect((await board.get("/volunteering/volunteers")).status).toBe(403);
  });

  it("downloads the report as CSV and XLSX with the same total", async () => {
    const csv = await (await officer.get("/volunteering/reports.csv?from=2025-04-01&to=2026-03-31")).text();
    const total = csv.split("\r\n").find((line) => line.startsWith("Total,"));
    expect(total).toMatch(/^Total,All volunteering,,[0-9.]+,[0-9]+,[0-9.]+,[0-9]+$/);
    const xlsx = await officer.get("/volunteering/reports.xlsx?from=2025-04-01&to=2026-03-31");
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect((await officer.get("/volunteering/reports?from=2026-13-01&to=2026-01-01")).status).toBe(422);
  });

  it("answers the JSON API with the report and refuses bad dates with a problem", async () => {
    const report = await officer.get("/api/v1/volunteering/report?from=2025-01-01&to=2025-12-31");
    expect(report.status).toBe(200);
    const body = (await report.json()) as { total: { valuePence: number; minutes: number } };
    const [sum] = await rows(
      "SELECT round(sum(minutes * 1221) / 60.0)::bigint AS value, sum(minutes)::int AS minutes FROM vol_hours WHERE status = 'verified' AND worked_on BETWEEN '2025-01-01' AND '2025-12-31'",
    );
    expect(body.total.minutes).toBe(Number(sum?.minutes));
    expect(body.total.valuePence).toBe(Number(sum?.value));
    const bad = await officer.get("/api/v1/volunteering/report?from=2025-02-30&to=2025-12-31");
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });
});
