import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createPartnerOrganisation } from "../../people/index.ts";
import { getSharedCase, listSharedCases } from "../queries/shared-cases.ts";
import { makeHomes, medway } from "../testing/fixtures.ts";
import { shareWithAgency, stopSharing } from "./agency-sharing.ts";
import { openCase } from "./open-case.ts";
import { recordAction } from "./record-action.ts";
import { addCaseNote } from "./update-case.ts";

// Sharing a case with a partner agency: what its users see, and when they stop seeing it.

let database: Database;
let organisationId: string;
let officer: Actor;
let police: Actor;
let probation: Actor;
let policeId: string;
let groupId: string;
let homeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 8100);
  officer = actorFor(organisationId, "officer");
  const partner = (name: string, kind: string) =>
    createPartnerOrganisation(database.db, systemActor(organisationId), testNow, { name, kind });
  policeId = (await partner("Kent Police", "agency")).id;
  const probationId = (await partner("Probation Service", "agency")).id;
  groupId = (await partner("Residents' Association", "community-group")).id;
  police = actorFor(organisationId, "partner-agency", { partnerOrganisationId: policeId });
  probation = actorFor(organisationId, "partner-agency", { partnerOrganisationId: probationId });
});

afterAll(async () => {
  await database.close();
});

async function caseWithParties(): Promise<{ id: string; reference: string }> {
  const created = await openCase(database.db, officer, testNow, {
    category: "harassment",
    locationType: "home",
    homeId,
    summary: "Dora Quill shouted threats at the door",
    openedOn: "2026-06-01",
    safeguardingFlags: ["Child in household"],
    parties: [
      { role: "complainant", name: "Ann Lee", contact: "ann@example.org" },
      {
        role: "alleged-perpetrator",
        name: "Dora Quill",
        address: "4 Elm Row, ME1 1AA",
        contact: "dora@example.net",
      },
    ],
  });
  await addCaseNote(database.db, officer, testNow, created.id, {
    kind: "contact",
    title: "Visited Dora Quill",
    body: "Dora Quill at 4 Elm Row denied it",
  });
  await recordAction(database.db, officer, testNow, created.id, {
    actionType: "warning",
    details: { kind: "verbal" },
  });
  return created;
}

const countAudit = async (action: string, entityId: string) =>
  (
    await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND action = $2 AND entity_id = $3",
      [organisationId, action, entityId],
    )
  )[0]?.n ?? 0;

describe("sharing a case with a partner agency", () => {
  it("shows the agency only the parts shared, with names redacted from shared text, and audits the read", async () => {
    const created = await caseWithParties();
    await shareWithAgency(database.db, officer, testNow, created.id, {
      partnerOrganisationId: policeId,
      lawfulBasis: "Crime and Disorder Act 1998 s115",
      purpose: "Joint problem-solving",
      sharedParts: ["summary", "actions"],
    });
    const view = await getSharedCase(database.db, police, testNow, created.id);
    expect(view.reference).toBe(created.reference);
    expect(view.shares[0]).toMatchObject({
      agencyName: "Kent Police",
      lawfulBasis: "Crime and Disorder Act 1998 s115",
    });
    expect(view.parts).toEqual(["summary", "actions"]);
    expect(view.summary).toBe("[redacted] shouted threats at the door");
    expect(view.actions?.map((a) => a.type)).toEqual(["Warning"]);
    expect(view.parties).toBeUndefined();
    expect(view.timeline).toBeUndefined();
    expect(view.safeguardingFlags).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain("Quill");
    expect(await countAudit("read", created.id)).toBe(1);
  });

  it("shows names but not contact details when only names are shared", async () => {
    const created = await caseWithParties();
    await shareWithAgency(database.db, officer, testNow, created.id, {
      partnerOrganisationId: policeId,
      lawfulBasis: "Information-sharing agreement 2026",
      purpose: "Risk management",
      sharedParts: ["parties-names", "timeline", "risk"],
    });
    const view = await getSharedCase(database.db, police, testNow, created.id);
    expect(view.parties?.map((p) => p.name).sort()).toEqual(["Ann Lee", "Dora Quill"]);
    expect(view.parties?.every((p) => !("contact" in p) && !("address" in p))).toBe(true);
    expect(view.safeguardingFlags).toEqual(["Child in household"]);
    const visit = view.timeline?.find((e) => e.title === "Visited Dora Quill");
    expect(visit?.body).toBe("Dora Quill at [redacted] denied it");
    expect(JSON.stringify(view)).not.toContain("dora@example.net");
    expect(view.summary).toBeUndefined();
  });

  it("answers 404 to another agency, a bad id and a case never shared, and audits each as denied", async () => {
    const created = await caseWithParties();
    const unshared = await caseWithParties();
    await shareWithAgency(database.db, officer, testNow, created.id, {
      partnerOrganisationId: policeId,
      lawfulBasis: "Crime and Disorder Act 1998 s115",
      purpose: "Joint problem-solving",
      sharedParts: ["summary"],
    });
    await expect(getSharedCase(database.db, probation, testNow, created.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(getSharedCase(database.db, police, testNow, unshared.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(getSharedCase(database.db, police, testNow, "not-an-id")).rejects.toMatchObject({
      status: 404,
    });
    expect(await countAudit("denied", created.id)).toBe(1);
    expect(await countAudit("denied", unshared.id)).toBe(1);
    expect(await countAudit("denied", "not-an-id")).toBe(1);
    expect((await listSharedCases(database.db, probation, testNow)).map((c) => c.id)).not.toContain(
      created.id,
    );
    await expect(getSharedCase(database.db, officer, testNow, created.id)).rejects.toMatchObject({
      status: 403,
    });
  });

  it("stops showing the case when an officer stops sharing or the end date passes", async () => {
    const ended = await caseWithParties();
    const lapsing = await caseWithParties();
    const endedShare = await shareWithAgency(database.db, officer, testNow, ended.id, {
      partnerOrganisationId: policeId,
      lawfulBasis: "Crime and Disorder Act 1998 s115",
      purpose: "Joint problem-solving",
    });
    await shareWithAgency(database.db, officer, testNow, lapsing.id, {
      partnerOrganisationId: policeId,
      lawfulBasis: "Crime and Disorder Act 1998 s115",
      purpose: "Joint problem-solving",
      expiresOn: "2026-06-20",
    });
    const listed = (await listSharedCases(database.db, police, testNow)).map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([ended.id, lapsing.id]));
    await expect(stopSharing(database.db, police, testNow, ended.id, endedShare)).rejects.toMatchObject({
      status: 403,
    });
    await stopSharing(database.db, officer, testNow, ended.id, endedShare);
    await expect(getSharedCase(database.db, police, testNow, ended.id)).rejects.toMatchObject({
      status: 404,
    });
    const later = new Date("2026-06-21T09:00:00Z");
    await expect(getSharedCase(database.db, police, later, lapsing.id)).rejects.toMatchObject({
      status: 404,
    });
    const listedLater = (await listSharedCases(database.db, police, later)).map((c) => c.id);
    expect(listedLater).not.toContain(ended.id);
    expect(listedLater).not.toContain(lapsing.id);
    const [row] = await database.query<{ ended_at: Date | null; ended_by: string | null }>(
      "SELECT ended_at, ended_by FROM safety_sharing WHERE organisation_id = $1 AND id = $2",
      [organisationId, endedShare],
    );
    expect(row?.ended_at).not.toBeNull();
    expect(row?.ended_by).toBe(officer.kind === "user" ? officer.userId : "");
  });

  it("refuses a bad sharing record with every error at once and writes nothing", async () => {
    const created = await caseWithParties();
    const attempt = shareWithAgency(database.db, officer, testNow, created.id, {
      lawfulBasis: "",
      purpose: "x",
      sharedParts: ["everything" as "summary"],
      expiresOn: "2026-02-30",
    });
    await expect(attempt).rejects.toMatchObject({ status: 422 });
    const errors = await attempt.catch((e: { fieldErrors: Record<string, string> }) => e.fieldErrors);
    expect(Object.keys(errors).sort()).toEqual(
      expect.arrayContaining(["agencyName", "lawfulBasis", "purpose", "expiresOn"]),
    );
    expect(Object.keys(errors).some((k) => k.startsWith("sharedParts"))).toBe(true);
    await expect(
      shareWithAgency(database.db, officer, testNow, created.id, {
        partnerOrganisationId: groupId,
        lawfulBasis: "Crime and Disorder Act 1998 s115",
        purpose: "Joint problem-solving",
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { partnerOrganisationId: "Choose an agency from the list" },
    });
    await expect(
      shareWithAgency(database.db, officer, testNow, created.id, {
        agencyName: "Fire service",
        lawfulBasis: "Crime and Disorder Act 1998 s115",
        purpose: "Joint problem-solving",
        expiresOn: "2026-06-01",
      }),
    ).rejects.toMatchObject({ status: 422 });
    const rows = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_sharing WHERE organisation_id = $1 AND case_id = $2",
      [organisationId, created.id],
    );
    expect(rows[0]?.n).toBe(0);
  });
});
