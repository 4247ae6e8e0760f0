import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { statementsDuring as statementsOf } from "../../../../test/statements.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { closeCase } from "../commands/close-case.ts";
import { checkCommunityTrigger } from "../commands/community-trigger.ts";
import { openCase } from "../commands/open-case.ts";
import { recordFurtherReport } from "../commands/record-report.ts";
import { getSafetySettings, londonDay } from "../domain/settings.ts";
import { makeHomes, makePerson, medway } from "../testing/fixtures.ts";
import { getCase } from "./get-case.ts";
import { incidentCounts, relatedOpenCases } from "./repeats.ts";

// The case page at a million cases (issue 14): a fixed, small number of statements per view,
// whatever the case holds, and the same figures as the commands' own paths compute.

let database: Database;
let organisationId: string;
let officer: Actor;
let homes: string[];
let personId: string;

const statementsDuring = <T>(work: () => Promise<T>) => statementsOf(database, work);

const isAudit = (statement: string) => /audit/i.test(statement);

/** The read log's summaries for one case. */
async function readLogEntries(caseId: string): Promise<string[]> {
  const rows = await database.query<{ summary: string }>(
    "SELECT summary FROM audit_read_log WHERE entity_type = 'safety_case' AND entity_id = $1",
    [caseId],
  );
  return rows.map((row) => row.summary);
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  homes = await makeHomes(database, organisationId, medway, 3, 7100, "Osprey House");
  personId = await makePerson(database, organisationId, "Noor", "Patel", homes[0]);
  officer = actorFor(organisationId, "officer");
});

afterAll(async () => {
  await database.close();
});

async function open(homeId: string | undefined, summary: string, perpetrator = "Lee 50%_Shaw") {
  return openCase(database.db, officer, testNow, {
    category: "noise",
    ...(homeId
      ? { locationType: "home" as const, homeId }
      : { locationType: "open-space" as const, locationDescription: "Riverside park", laCode: medway }),
    summary,
    openedOn: "2026-06-01",
    parties: [
      { role: "complainant", personId },
      { role: "alleged-perpetrator", name: perpetrator, externalRef: "EXT-50%" },
    ],
  });
}

describe("case page queries", () => {
  it("reads a full case in one statement that also writes its audit entry, with the same figures as the commands", async () => {
    const first = await open(homes[0], "Music at night");
    const second = await open(homes[1], "Shouting");
    const closed = await open(homes[2], "Long over");
    await closeCase(database.db, officer, testNow, closed.id, {
      outcome: "resolved",
      reason: "Moved",
      closedOn: "2026-06-03",
    });
    for (const day of ["2026-06-05", "2026-06-08"])
      await recordFurtherReport(database.db, officer, testNow, first.id, {
        reportedOn: day,
        description: "Again",
      });

    const readsBefore = await readLogEntries(first.id);
    const { result: file, statements } = await statementsDuring(() =>
      getCase(database.db, officer, testNow, first.id),
    );
    // One statement: the case file, with its place, what depends on its parties and the read's
    // audit entry. The page's session look-up makes two round trips.
    expect(statements.length).toBe(1);
    expect(statements.filter(isAudit).length).toBe(1);
    const readsAfter = await readLogEntries(first.id);
    expect(readsAfter.length).toBe(readsBefore.length + 1);
    expect(readsAfter).toContain(`Viewed case ${file.record.reference}`);

    expect(file.record.id).toBe(first.id);
    expect(file.record.createdAt).toBeInstanceOf(Date);
    expect(file.parties.map((p) => p.role).sort()).toEqual(["alleged-perpetrator", "complainant"]);
    expect(file.reports.map((r) => r.reportedOn)).toEqual([...file.reports.map((r) => r.reportedOn)].sort());
    expect(file.reports.length).toBe(3);
    expect(file.timeline.length).toBeGreaterThan(0);
    expect(file.place.address).toContain("Osprey House");
    expect(file.place.localAuthority).not.toBeNull();
    // Related: the open case at the same block and with the same people; never the closed one or itself.
    expect(file.related.map((r) => r.id)).toEqual([second.id]);
    expect(file.related[0]?.reasons).toEqual(["same block", "same people"]);
    // The Community Trigger count from the page's parties equals the command's own check.
    const today = londonDay(testNow);
    expect(file.trigger).toEqual(await checkCommunityTrigger(database.db, organisationId, first.id, today));
    expect(file.trigger.qualifyingReports).toBe(5);
    const counts = await incidentCounts(
      database.db,
      organisationId,
      [personId, "EXT-50%"],
      today,
      await getSafetySettings(database.db, organisationId),
    );
    const complainant = file.parties.find((p) => p.role === "complainant");
    const perpetrator = file.parties.find((p) => p.role === "alleged-perpetrator");
    expect(complainant?.incidents).toEqual(counts.get(personId));
    expect(perpetrator?.incidents).toEqual(counts.get("EXT-50%"));
    expect(complainant?.incidents.victim).toBe(5);
  });

  it("uses the same statement text for every case, so the server can keep it prepared", async () => {
    const a = await open(homes[0], "One");
    const b = await open(undefined, "Two", "Someone Else");
    const viewA = await statementsDuring(() => getCase(database.db, officer, testNow, a.id));
    const viewB = await statementsDuring(() => getCase(database.db, officer, testNow, b.id));
    const caseQueries = (list: string[]) => list.filter((s) => /safety_case/.test(s));
    expect(caseQueries(viewA.statements).length).toBe(1);
    expect(caseQueries(viewB.statements)).toEqual(caseQueries(viewA.statements));
    // No branch the page never runs (intake's match by name, which has no index): PostgreSQL costs a
    // prepared statement's generic plan with every branch in it, and at a million cases that branch
    // made it plan the statement afresh on every view instead of reusing one plan.
    expect(viewA.statements.some((s) => /display_name/.test(s))).toBe(false);
  });

  it("finds related open cases in one statement, matching names and references literally", async () => {
    const { result, statements } = await statementsDuring(() =>
      relatedOpenCases(database.db, officer, { partyNames: ["lee 50%_shaw"], personKeys: ["EXT-%"] }),
    );
    expect(statements.length).toBe(1);
    expect(result.length).toBeGreaterThan(0);
    expect(result.every((r) => r.reasons.includes("same people"))).toBe(true);
    const wildcard = await relatedOpenCases(database.db, officer, {
      partyNames: ["lee %"],
      personKeys: ["%"],
    });
    expect(wildcard).toEqual([]);
  });

  it("answers 404 for another organisation's case and for an id that is not one", async () => {
    const created = await open(homes[0], "Private");
    const other = await makeOrganisation(database.db, "Elsewhere Homes");
    await expect(
      getCase(database.db, actorFor(other.id, "manager"), testNow, created.id),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(getCase(database.db, officer, testNow, "nope")).rejects.toMatchObject({ status: 404 });
    // The read is audited only when the case was found in the reader's organisation.
    expect(await readLogEntries(created.id)).toEqual([]);
  });
});
