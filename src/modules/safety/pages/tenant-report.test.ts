import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TestBrowser, testPassword } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { makeOrganisation } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import { createUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import { makeHomes, makePerson, medway } from "../testing/fixtures.ts";

// Issue 13 item 3: the tenant's report. Safety advice first, only tenant-facing categories with
// hints, Change links, evidence sent with the report, and a reference shown and emailed at once.

let database: Database;
let organisationId: string;
let tenant: TestBrowser;
let officer: TestBrowser;

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const heic = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypheic"), 0, 0, 0, 0]);
const answers = {
  category: "noise",
  hateStrand: "",
  happenedOn: "2026-06-10",
  where: "elsewhere",
  locationDescription: "The car park behind Kestrel House",
  description: "Music from a car until 2am",
};

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  const [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 7100);
  const personId = await makePerson(database, organisationId, "Ria", "Patel", homeId);
  const system = systemActor(organisationId);
  await createUser(database.db, system, new Date("2026-06-01T09:00:00Z"), {
    organisationId,
    email: "ria@example.org",
    name: "Ria Patel",
    role: "tenant",
    password: testPassword,
    personId,
  });
  await createUser(database.db, system, new Date("2026-06-01T09:00:00Z"), {
    organisationId,
    email: "officer@example.org",
    name: "Olu Officer",
    role: "officer",
    password: testPassword,
  });
  // Room for a file over the 10 MB evidence limit, so the command's own check is what refuses it.
  const app = await buildTestApp(database, undefined, { config: { maxUploadBytes: 12 * 1024 * 1024 } });
  tenant = new TestBrowser(app);
  officer = new TestBrowser(app);
  expect((await tenant.signIn("ria@example.org")).status).toBe(303);
  expect((await officer.signIn("officer@example.org")).status).toBe(303);
});

afterAll(async () => {
  await database.close();
});

function cookies(browser: TestBrowser): string {
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function send(files: File[], fields: Record<string, string> = answers): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", await tenant.csrfToken("/report"));
  for (const [key, value] of Object.entries({ ...fields, step: "check", send: "yes" })) form.set(key, value);
  for (const file of files) form.append("evidence", file);
  return tenant.app.request("/report", { method: "POST", body: form, headers: { cookie: cookies(tenant) } });
}

const count = async (sql: string) =>
  Number((await database.query<{ n: number }>(sql, [organisationId]))[0]?.n ?? 0);

describe("tenant report", () => {
  it("gives emergency advice before any question", async () => {
    const page = await (await tenant.get("/report")).text();
    expect(page).toContain("If you are in danger now, call 999.");
    expect(page).toContain("govuk-warning-text");
    expect(page).toContain("call the police on 101");
    expect(page).not.toContain('type="radio"');
    const first = await tenant.post(
      "/report",
      { step: "start" },
      { csrf: await tenant.csrfToken("/report") },
    );
    expect(await first.text()).toContain("What do you want to report?");
  });

  it("offers only tenant-facing categories, each with a hint, and refuses a staff-only one", async () => {
    const first = await (
      await tenant.post("/report", { step: "start" }, { csrf: await tenant.csrfToken("/report") })
    ).text();
    expect(first).toContain("Rubbish and fly-tipping");
    expect(first).toContain("Loud music, parties, shouting or banging");
    expect(first).not.toContain("No access for gas");
    expect(first).not.toContain("Exploitation concern");
    expect(first.match(/govuk-radios__hint/g)?.length).toBe(first.match(/govuk-radios__input/g)?.length);
    const before = await count("SELECT count(*)::int AS n FROM safety_report WHERE organisation_id = $1");
    const staffOnly = await tenant.post(
      "/report",
      { ...answers, step: "check", send: "yes", category: "no-access" },
      { csrf: await tenant.csrfToken("/report") },
    );
    expect(staffOnly.status).toBe(422);
    const refusal = await staffOnly.text();
    expect(refusal).toContain("Select what you want to report");
    expect(refusal).not.toContain("No access for gas");
    const afterward = await count("SELECT count(*)::int AS n FROM safety_report WHERE organisation_id = $1");
    expect(afterward).toBe(before);
  });

  it("has a Change link for every answer that returns to the question and then to the check page", async () => {
    const check = await (
      await tenant.post(
        "/report",
        { ...answers, category: "harassment", hateStrand: "race", step: "details" },
        { csrf: await tenant.csrfToken("/report") },
      )
    ).text();
    expect(check).toContain("Check your report before sending it");
    const changes = [...check.matchAll(/name="change" value="([a-z]+)"/g)].map((m) => m[1]);
    expect(changes).toEqual(["what", "hate", "when", "where", "details"]);
    const question = await tenant.post(
      "/report",
      { ...answers, category: "harassment", hateStrand: "race", step: "check", change: "when" },
      { csrf: await tenant.csrfToken("/report") },
    );
    const questionPage = await question.text();
    expect(questionPage).toContain("When did it happen?");
    expect(questionPage).toContain('name="return" value="check"');
    const back = await tenant.post(
      "/report",
      {
        ...answers,
        category: "harassment",
        hateStrand: "race",
        step: "when",
        return: "check",
        "happenedOn-day": "3",
        "happenedOn-month": "6",
        "happenedOn-year": "2026",
      },
      { csrf: await tenant.csrfToken("/report") },
    );
    const backPage = await back.text();
    expect(backPage).toContain("Check your report before sending it");
    expect(backPage).toContain("3 June 2026");
    expect(backPage).toContain("Race");
  });

  it("sends evidence with the report, shows and emails the reference at once, and keeps it on the case", async () => {
    const sent = await send([new File([png], "car.png"), new File([png], "car-2.png")]);
    expect(sent.status).toBe(303);
    const location = sent.headers.get("location") ?? "";
    const page = await (await tenant.get(location)).text();
    const reference = /ASB-2026-\d{6}/.exec(page)?.[0] ?? "";
    expect(reference).not.toBe("");
    expect(page).toContain("govuk-panel--confirmation");
    const mail = await database.query<{ subject: string; body: string }>(
      "SELECT subject, body FROM outbound_message WHERE organisation_id = $1 AND recipient = 'ria@example.org'",
      [organisationId],
    );
    expect(mail.some((m) => m.subject.includes(reference) && m.body.includes(reference))).toBe(true);
    const reportId = /report=([0-9a-f-]{36})/.exec(location)?.[1] ?? "";
    const files = await database.query<{ file_name: string; case_id: string | null }>(
      "SELECT file_name, case_id FROM safety_document WHERE organisation_id = $1 AND report_id = $2 ORDER BY file_name",
      [organisationId, reportId],
    );
    expect(files.map((f) => [f.file_name, f.case_id])).toEqual([
      ["car-2.png", null],
      ["car.png", null],
    ]);
    // Somebody else's report id shows no reference.
    expect(await (await officer.get(location)).text()).not.toContain(reference);

    const token = await officer.csrfToken(`/safety/pending/${reportId}`);
    const opened = await officer.post(
      `/safety/pending/${reportId}`,
      { decision: "open-case" },
      { csrf: token },
    );
    expect(opened.status).toBe(303);
    const caseId = /\/safety\/cases\/([0-9a-f-]{36})/.exec(opened.headers.get("location") ?? "")?.[1] ?? "";
    const casePage = await (await officer.get(`/safety/cases/${caseId}`)).text();
    expect(casePage).toContain(`Case ${reference}`);
    const documentId = /documents\/([0-9a-f-]{36})">car\.png/.exec(casePage)?.[1] ?? "";
    expect(documentId).not.toBe("");
    const download = await officer.get(`/safety/cases/${caseId}/documents/${documentId}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
    const audited = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_read_log WHERE organisation_id = $1 AND entity_type = 'safety_document' AND entity_id = $2",
      [organisationId, documentId],
    );
    expect(audited[0]?.n).toBe(1);
    // The tenant sees the files as theirs on the case.
    expect(await (await tenant.get(`/my-cases/${caseId}`)).text()).toContain("car-2.png");
  });

  it("shows the officer the reference and the evidence, downloadable and audited, before triage", async () => {
    const sent = await send([new File([png], "window.png")]);
    const location = sent.headers.get("location") ?? "";
    const reportId = /report=([0-9a-f-]{36})/.exec(location)?.[1] ?? "";
    const reference = /ASB-2026-\d{6}/.exec(await (await tenant.get(location)).text())?.[0] ?? "";
    expect(reference).not.toBe("");
    const triage = await officer.get(`/safety/pending/${reportId}`);
    expect(triage.status).toBe(200);
    const page = await triage.text();
    expect(page).toContain(reference);
    const link = new RegExp(`/safety/pending/${reportId}/evidence/([0-9a-f-]{36})">window\\.png`).exec(page);
    const documentId = link?.[1] ?? "";
    expect(documentId).not.toBe("");
    const download = await officer.get(`/safety/pending/${reportId}/evidence/${documentId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
    const audited = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_read_log WHERE organisation_id = $1 AND entity_type = 'safety_document' AND entity_id = $2",
      [organisationId, documentId],
    );
    expect(audited[0]?.n).toBe(1);
    // The tenant who sent it, a made-up report id and a made-up file id all get no file.
    expect((await tenant.get(`/safety/pending/${reportId}/evidence/${documentId}`)).status).toBe(403);
    const otherReport = "00000000-0000-7000-8000-000000000000";
    expect((await officer.get(`/safety/pending/${otherReport}/evidence/${documentId}`)).status).toBe(404);
    expect((await officer.get(`/safety/pending/${reportId}/evidence/${otherReport}`)).status).toBe(404);
    expect((await officer.get(`/safety/pending/${reportId}/evidence/not-an-id`)).status).toBe(404);
  });

  it("refuses evidence of the wrong type, HEIC photos and files over 10 MB, and saves nothing", async () => {
    const reports = "SELECT count(*)::int AS n FROM safety_report WHERE organisation_id = $1";
    const documents = "SELECT count(*)::int AS n FROM safety_document WHERE organisation_id = $1";
    const before = [await count(reports), await count(documents)];
    const fake = await send([new File([png], "ok.png"), new File(["MZ not a pdf"], "letter.pdf")]);
    expect(fake.status).toBe(422);
    const fakePage = await fake.text();
    expect(fakePage).toContain("must be a PDF, JPG, PNG or MP3 (letter.pdf is not)");
    expect(fakePage).toContain("govuk-error-summary");
    const phone = await send([new File([heic], "IMG_0001.heic")]);
    expect(phone.status).toBe(422);
    expect(await phone.text()).toContain("iPhone HEIC photo");
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(png);
    const large = await send([new File([big], "huge.png")]);
    expect(large.status).toBe(413);
    expect(await large.text()).toContain("each file must be smaller than 10 MB");
    const many = await send(Array.from({ length: 6 }, (_, i) => new File([png], `p${i}.png`)));
    expect(many.status).toBe(422);
    expect(await many.text()).toContain("Select up to 5 files");
    expect([await count(reports), await count(documents)]).toEqual(before);
  });
});
