import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { runActionReminders } from "../jobs/safety-jobs.ts";
import { subjectAccessExport } from "../queries/subject-access.ts";
import { openHomeCase } from "../testing/cases.ts";
import { makeHomes, makePerson, medway } from "../testing/fixtures.ts";
import { closeCase } from "./close-case.ts";
import { setLegalHold } from "./publication-and-sharing.ts";
import { recordAction } from "./record-action.ts";
import { approveDeletion, casesDueForDeletion } from "./retention.ts";
import { addCaseNote } from "./update-case.ts";

let database: Database;
let organisationId: string;
let officer: Actor;
let manager: Actor;
let homeId: string;
let personId: string;

// Cases opened and closed long ago: "now" is moved forward rather than back-dating closure.
const later = new Date("2032-07-01T09:00:00Z");

async function oldCase(summary: string): Promise<string> {
  const created = await openHomeCase(database, officer, homeId, {
    summary,
    openedOn: "2026-01-05",
    parties: [
      { role: "complainant", name: "", personId },
      {
        role: "alleged-perpetrator",
        name: "Kyle Fenwick",
        address: "3 Moor Lane",
        contact: "kyle@example.net",
      },
    ],
  });
  return created.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 8000);
  personId = await makePerson(database, organisationId, "Ruth", "Ng", homeId);
  officer = actorFor(organisationId, "officer");
  manager = actorFor(organisationId, "manager");
});

afterAll(async () => {
  await database.close();
});

describe("retention", () => {
  it("lists cases 6 years after closure, except legal holds and orders in force, and anonymises on approval", async () => {
    const plain = await oldCase("Plain");
    const held = await oldCase("Held");
    const ordered = await oldCase("Injunction");
    const injunction = await recordAction(database.db, officer, testNow, ordered, {
      actionType: "civil-injunction",
      details: { terms: "Stay away", expiresOn: "2033-01-01" },
    });
    for (const id of [plain, held, ordered])
      await closeCase(database.db, officer, testNow, id, {
        outcome: "resolved",
        reason: "Behaviour stopped",
        closedOn: "2026-02-01",
        actions: { [injunction.id]: { decision: "completed" } },
      });
    await setLegalHold(database.db, manager, testNow, held, true);
    expect(await casesDueForDeletion(database.db, manager, testNow)).toEqual([]);
    const due = await casesDueForDeletion(database.db, manager, later);
    expect(due.map((d) => d.id)).toEqual([plain]);
    await expect(approveDeletion(database.db, manager, later, held)).rejects.toMatchObject({ status: 409 });
    await expect(approveDeletion(database.db, officer, later, plain)).rejects.toMatchObject({ status: 403 });
    await approveDeletion(database.db, manager, later, plain);
    const parties = await database.query<{ display_name: string; contact: string | null }>(
      "SELECT display_name, contact FROM safety_party WHERE organisation_id = $1 AND case_id = $2",
      [organisationId, plain],
    );
    expect(parties.every((p) => p.display_name === "Anonymised" && p.contact === null)).toBe(true);
    const [kept] = await database.query<{ opened_on: string; category: string; anonymised_at: Date | null }>(
      "SELECT opened_on::text, category, anonymised_at FROM safety_case WHERE organisation_id = $1 AND id = $2",
      [organisationId, plain],
    );
    expect(kept).toMatchObject({ opened_on: "2026-01-05", category: "noise" });
    expect(kept?.anonymised_at).not.toBeNull();
  });
});

describe("subject access", () => {
  it("gives the person their own details and redacts the other parties", async () => {
    const id = await oldCase("Music");
    await addCaseNote(database.db, officer, testNow, id, {
      kind: "contact",
      title: "Visited Kyle Fenwick",
      body: "Kyle Fenwick at 3 Moor Lane said sorry",
    });
    const report = await subjectAccessExport(database.db, manager, testNow, personId);
    const text = JSON.stringify(report);
    expect(report.cases.length).toBeGreaterThan(0);
    expect(text).toContain("Ruth Ng");
    expect(text).not.toContain("Kyle");
    expect(text).not.toContain("Fenwick");
    expect(text).not.toContain("Moor Lane");
    expect(text).not.toContain("kyle@example.net");
    expect(text).toContain("Visited [redacted]");
    // Art. 15(1)(b): the categories held, per kind of record, come from the personal-data tags.
    const categories = Object.fromEntries(report.categoriesOfData.map((c) => [c.table, c.categories]));
    expect(categories.safety_party).toEqual(["personal", "special-category", "criminal-offence"]);
    expect(categories.safety_timeline_entry).toEqual(["criminal-offence"]);
    expect(categories.safety_case).toEqual(["special-category", "criminal-offence"]);
    expect(report.categoriesOfData.find((c) => c.table === "safety_party")?.records).toBe(
      "Your details as a party to a case",
    );
    await expect(subjectAccessExport(database.db, officer, testNow, personId)).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("reminders and overdue alerts", () => {
  it("reminds once before the target date and alerts once when overdue", async () => {
    const created = await openHomeCase(database, officer, homeId, {
      summary: "Dog",
      openedOn: "2026-06-10",
      parties: [{ role: "complainant", name: "", personId }],
    });
    await recordAction(database.db, officer, testNow, created.id, {
      actionType: "advice",
      startedOn: "2026-06-15",
      dueOn: "2026-06-16",
    });
    const context = (now: Date) => ({ database, now, organisationId, payload: {} });
    const first = await runActionReminders(context(testNow));
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    expect((await runActionReminders(context(testNow))).reminders).toBe(0);
    const overdue = await runActionReminders(context(new Date("2026-06-20T09:00:00Z")));
    expect(overdue.overdue).toBeGreaterThanOrEqual(1);
    expect((await runActionReminders(context(new Date("2026-06-21T09:00:00Z")))).overdue).toBe(0);
  });
});
