import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { closeCase } from "../commands/close-case.ts";
import { setPublication } from "../commands/publication-and-sharing.ts";
import { recordAction } from "../commands/record-action.ts";
import { addCaseNote } from "../commands/update-case.ts";
import { currentNextStep } from "../domain/portal-next-step.ts";
import { subjectAccessExport } from "../queries/subject-access.ts";
import { openHomeCase } from "../testing/cases.ts";
import { makeHomes, makePerson, makeTenantUser, medway } from "../testing/fixtures.ts";

// Issue 13 item 3: secure two-way messages between a complainant and the officer, and a next step
// that is current. Another complainant on the same case and the alleged perpetrator never see a thread.

let database: Database;
let organisationId: string;
let officerActor: Actor;
let caseId: string;
const browsers: Record<"sam" | "kim" | "pat" | "officer", TestBrowser> = {} as never;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  const homes = await makeHomes(database, organisationId, medway, 3, 7200);
  const people: Record<string, string> = {};
  for (const [index, [given, family]] of [
    ["Sam", "Okafor"],
    ["Kim", "Lowe"],
    ["Pat", "Reyes"],
  ].entries()) {
    people[given] = await makePerson(database, organisationId, given, family, homes[index] ?? null);
    await makeTenantUser(
      database,
      organisationId,
      people[given],
      `${given} ${family}`,
      `${given.toLowerCase()}@example.org`,
    );
  }
  const officerUser = await addUser(database, organisationId, "officer", "officer@example.org");
  officerActor = actorFor(organisationId, "officer", { userId: officerUser.id });
  const created = await openHomeCase(database, officerActor, homes[0], {
    category: "harassment",
    summary: "Shouting on the landing",
    parties: [
      { role: "complainant", name: "", personId: people.Sam },
      { role: "complainant", name: "", personId: people.Kim },
      { role: "alleged-perpetrator", name: "", personId: people.Pat },
    ],
  });
  caseId = created.id;
  const app = await buildTestApp(database);
  for (const name of ["sam", "kim", "pat", "officer"] as const) {
    browsers[name] = new TestBrowser(app);
    expect((await browsers[name].signIn(`${name}@example.org`)).status).toBe(303);
  }
});

afterAll(async () => {
  await database.close();
});

const rows = <T>(sql: string, params: unknown[] = [organisationId]) => database.query<T>(sql, params);

describe("secure messages", () => {
  it("lets the complainant message the officer, audited, with staff emailed but not the words", async () => {
    const { sam } = browsers;
    const sent = await sam.post(
      `/my-cases/${caseId}/messages`,
      { body: "He shouted at my door again last night" },
      { csrf: await sam.csrfToken(`/my-cases/${caseId}`) },
    );
    expect(sent.status).toBe(303);
    const page = await (await sam.get(`/my-cases/${caseId}`)).text();
    expect(page).toContain("He shouted at my door again last night");
    const audit = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE organisation_id = $1 AND entity_type = 'safety_message' AND action = 'create'",
    );
    expect(audit[0]?.n).toBe(1);
    const mail = await rows<{ recipient: string; body: string }>(
      "SELECT recipient, body FROM outbound_message WHERE organisation_id = $1 AND subject LIKE 'New message from the complainant%'",
    );
    expect(mail.map((m) => m.recipient)).toEqual(["officer@example.org"]);
    expect(mail[0]?.body).not.toContain("shouted");
  });

  it("shows the officer each complainant's thread and lets them reply; only that complainant sees it", async () => {
    const { sam, kim, pat, officer } = browsers;
    const casePage = await (await officer.get(`/safety/cases/${caseId}`)).text();
    expect(casePage).toContain("Messages with complainants");
    expect(casePage).toContain("He shouted at my door again last night");
    // The reply form whose label names Sam (threads are listed in no set order between complainants).
    const samForm = casePage.split("<form").find((form) => form.includes("Reply to Sam Okafor")) ?? "";
    const samParty = /name="partyId" value="([0-9a-f-]{36})"/.exec(samForm)?.[1] ?? "";
    expect(samParty).not.toBe("");
    const read = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_read_log WHERE organisation_id = $1 AND entity_type = 'safety_message'",
    );
    expect(read[0]?.n).toBeGreaterThan(0);
    const reply = await officer.post(
      `/safety/cases/${caseId}/messages`,
      { partyId: samParty, body: "Thank you. I will visit him on Friday." },
      { csrf: await officer.csrfToken(`/safety/cases/${caseId}`) },
    );
    expect(reply.status).toBe(303);
    const samPage = await (await sam.get(`/my-cases/${caseId}`)).text();
    expect(samPage).toContain("Thank you. I will visit him on Friday.");
    expect(samPage).toContain("Your officer");
    const mailed = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbound_message WHERE organisation_id = $1 AND recipient = 'sam@example.org' AND subject LIKE 'A reply about your case%'",
    );
    expect(mailed[0]?.n).toBe(1);
    // The other complainant sees the case, but not Sam's thread.
    const kimPage = await kim.get(`/my-cases/${caseId}`);
    expect(kimPage.status).toBe(200);
    const kimText = await kimPage.text();
    expect(kimText).not.toContain("shouted at my door");
    expect(kimText).not.toContain("visit him on Friday");
    // The alleged perpetrator cannot open the case or write on it.
    expect((await pat.get(`/my-cases/${caseId}`)).status).toBe(404);
    const patPost = await pat.post(
      `/my-cases/${caseId}/messages`,
      { body: "Let me see" },
      { csrf: await pat.csrfToken("/my-cases") },
    );
    expect(patPost.status).toBe(404);
    const patApi = await (await pat.get("/api/v1/portal/cases")).text();
    expect(patApi).not.toContain("visit him on Friday");
  });

  it("puts a complainant's own thread, and no one else's, in their subject access export", async () => {
    const manager = actorFor(organisationId, "manager");
    const people = await rows<{ id: string; given_name: string }>(
      "SELECT id, given_name FROM person WHERE organisation_id = $1",
    );
    const personOf = (given: string) => people.find((p) => p.given_name === given)?.id ?? "";
    const sam = JSON.stringify(await subjectAccessExport(database.db, manager, testNow, personOf("Sam")));
    expect(sam).toContain("He shouted at my door again last night");
    expect(sam).toContain("Secure messages with officers");
    const kim = JSON.stringify(await subjectAccessExport(database.db, manager, testNow, personOf("Kim")));
    expect(kim).not.toContain("He shouted at my door");
    expect(kim).not.toContain("visit him on Friday");
  });

  it("refuses an empty message and a reply to someone who is not a complainant, and saves nothing", async () => {
    const { sam, officer } = browsers;
    const before = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_message WHERE organisation_id = $1",
    );
    const empty = await sam.post(
      `/my-cases/${caseId}/messages`,
      { body: "   " },
      { csrf: await sam.csrfToken(`/my-cases/${caseId}`) },
    );
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Enter your message");
    const [perpetrator] = await rows<{ id: string }>(
      "SELECT id FROM safety_party WHERE organisation_id = $1 AND role = 'alleged-perpetrator'",
    );
    const wrong = await officer.post(
      `/safety/cases/${caseId}/messages`,
      { partyId: perpetrator?.id ?? "", body: "Hello" },
      { csrf: await officer.csrfToken(`/safety/cases/${caseId}`) },
    );
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("Choose a complainant on this case to reply to");
    const after = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_message WHERE organisation_id = $1",
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

describe("next step on the portal", () => {
  it("shows the officer's next step until a later shared update makes it stale, then the next due action, and none once closed", async () => {
    const { sam } = browsers;
    await setPublication(database.db, officerActor, testNow, caseId, {
      publishedFields: ["next-step"],
      nextStep: "We will write to your neighbour this week.",
    });
    expect(await (await sam.get(`/my-cases/${caseId}`)).text()).toContain(
      "We will write to your neighbour this week.",
    );
    const later = new Date(testNow.getTime() + 3_600_000);
    await recordAction(database.db, officerActor, later, caseId, {
      actionType: "warning",
      details: { kind: "written" },
      published: true,
      dueOn: "2026-06-20",
    });
    await addCaseNote(database.db, officerActor, later, caseId, {
      kind: "contact",
      title: "Letter sent to your neighbour",
      published: true,
    });
    const stale = await (await sam.get(`/my-cases/${caseId}`)).text();
    expect(stale).not.toContain("We will write to your neighbour this week.");
    expect(stale).toMatch(/Next step<\/dt><dd class="govuk-summary-list__value">Warning, by 20 June 2026/);
    const [action] = await rows<{ id: string }>(
      "SELECT id FROM safety_action WHERE organisation_id = $1 AND status = 'open'",
    );
    await closeCase(database.db, officerActor, new Date(later.getTime() + 60_000), caseId, {
      outcome: "resolved",
      reason: "Behaviour stopped",
      actions: { [action?.id ?? ""]: { decision: "completed" } },
    });
    const closed = await (await sam.get(`/my-cases/${caseId}`)).text();
    expect(closed).not.toContain("Next step");
    const refused = await sam.post(
      `/my-cases/${caseId}/messages`,
      { body: "Still happening" },
      { csrf: await sam.csrfToken("/my-cases") },
    );
    expect(refused.status).toBe(409);
  });

  it("prefers a fresh written next step over actions, and the earliest due action when stale", () => {
    const writtenAt = new Date("2026-06-01T10:00:00Z");
    const openActions = [
      { name: "Home visit", dueOn: "2026-06-09" },
      { name: "Warning", dueOn: "2026-06-05" },
      { name: "Mediation", dueOn: null },
    ];
    const base = { closed: false, written: "We will call you", writtenAt, openActions };
    expect(currentNextStep({ ...base, sharedUpdates: [writtenAt] })?.text).toBe("We will call you");
    expect(currentNextStep({ ...base, sharedUpdates: [new Date("2026-06-02T09:00:00Z")] })).toEqual({
      text: "Warning",
      kind: "action",
      dueOn: "2026-06-05",
    });
    expect(currentNextStep({ ...base, closed: true, sharedUpdates: [] })).toBeNull();
  });
});
