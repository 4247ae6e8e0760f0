import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { reachFigures } from "../queries/figures.ts";
import { queryRows } from "../rows.ts";
import { makeActiveProject } from "../testing/projects.ts";
import { createChangeTemplate, createTheme } from "./define-strategy.ts";
import { recordAttendance, recordSession } from "./record-session.ts";
import { registerParticipant } from "./register-participant.ts";

// Attendance rows carry their session's date so that a year's figures read only that year's rows.
// These tests hold the copy to the session: set on every write, refused if different, and moved
// with the session in the same statement if the session's date is ever changed.

let database: Database;
let manager: Actor;
let organisationId: string;
let projectId: string;
const people: string[] = [];

async function sessionWithAttendance(heldOn: string): Promise<string> {
  const session = await recordSession(database.db, manager, testNow, {
    projectId,
    title: `Club on ${heldOn}`,
    heldOn,
    durationMinutes: 60,
    depth: "light",
    laCode: "E06000035",
  });
  await recordAttendance(database.db, manager, testNow, session.id, {
    attendees: people.map((participantId) => ({ participantId })),
  });
  return session.id;
}

async function attendanceDates(sessionId: string): Promise<string[]> {
  const rows = await database.query<{ held_on: string }>(
    "SELECT to_char(held_on, 'YYYY-MM-DD') AS held_on FROM attendance WHERE organisation_id = $1 AND session_id = $2",
    [organisationId, sessionId],
  );
  return rows.map((row) => row.held_on);
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  manager = actorFor(organisationId, "manager");
  await createTheme(database.db, manager, testNow, {
    code: "wellbeing",
    name: "Promoting wellbeing",
    outcomes: ["Residents are less isolated"],
  });
  const template = await createChangeTemplate(database.db, manager, testNow, {
    name: "Social connection",
    inputs: "Staff time",
    activities: "Weekly club",
    outputs: "Sessions held",
    outcomes: "Less isolation",
    indicatorCodes: [],
  });
  projectId = await makeActiveProject(database.db, manager, testNow, {
    name: "Lunch club",
    kind: "service",
    themeCodes: ["wellbeing"],
    canResource: "partly",
    changeTemplateId: template.id,
  });
  for (let i = 0; i < 3; i++) {
    const person = await registerParticipant(database.db, manager, testNow, {
      externalRef: `date-${i}`,
      displayName: `Person ${i}`,
      tenant: true,
      laCode: "E06000035",
    });
    people.push(person.id);
  }
});
afterAll(async () => database.close());

describe("the session date on attendance rows", () => {
  it("dates every recorded attendance row with its session's date", async () => {
    const sessionId = await sessionWithAttendance("2026-05-12");
    expect(await attendanceDates(sessionId)).toEqual(["2026-05-12", "2026-05-12", "2026-05-12"]);
  });

  it("moves a session's attendance to the new date in the same transaction when the session's date changes", async () => {
    const sessionId = await sessionWithAttendance("2026-03-20");
    const seenInside = await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE activity_session SET held_on = '2026-04-02' WHERE organisation_id = ${organisationId} AND id = ${sessionId}`,
      );
      const rows = await queryRows<{ held_on: string }>(
        tx,
        sql`SELECT DISTINCT to_char(held_on, 'YYYY-MM-DD') AS held_on FROM attendance WHERE organisation_id = ${organisationId} AND session_id = ${sessionId}`,
      );
      return rows.map((row) => row.held_on);
    });
    expect(seenInside).toEqual(["2026-04-02"]);
    expect(await attendanceDates(sessionId)).toEqual(["2026-04-02", "2026-04-02", "2026-04-02"]);
    // The year's figures follow the move: the session's three people now count in 2026/27, not 2025/26.
    const before = await reachFigures(database.db, manager, { from: "2025-04-01", to: "2026-03-31" });
    const after = await reachFigures(database.db, manager, { from: "2026-04-01", to: "2027-03-31" });
    expect(before.attendances).toBe(0);
    expect(after.attendances).toBe(6);
  });

  it("refuses an attendance row dated differently from its session and writes nothing", async () => {
    const sessionId = await sessionWithAttendance("2026-06-01");
    const other = await registerParticipant(database.db, manager, testNow, {
      externalRef: "date-other",
      displayName: "Someone else",
      laCode: "E06000035",
    });
    await expect(
      database.query(
        "INSERT INTO attendance (organisation_id, session_id, participant_id, role, minutes, held_on) VALUES ($1, $2, $3, 'participant', 0, '2026-06-02')",
        [organisationId, sessionId, other.id],
      ),
    ).rejects.toThrow(/attendance_session_dated/);
    expect(await attendanceDates(sessionId)).toHaveLength(3);
  });
});
