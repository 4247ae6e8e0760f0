import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { deliveryFigures } from "../queries/delivery-figures.ts";
import { queryRows } from "../rows.ts";
import type { AttendanceRole, Depth } from "../schema.ts";
import { makeThemedOrganisation } from "../testing/themed-organisation.ts";
import { rebuildAttendanceSummary } from "./attendance-summary.ts";
import { recordAttendance, recordSession } from "./record-session.ts";
import { removeFromRegister } from "./remove-from-register.ts";

// The attendance summary against a full recomputation after random register commands, and the
// figures from it against the figures from the visits. Days run from June 2024 to June 2026, across
// the boundary of two 60-month blocks (January 2025).

const firstDay = Date.UTC(2024, 5, 1);
const days = 735;
const dayOf = (offset: number) => new Date(firstDay + offset * 86_400_000).toISOString().slice(0, 10);
const people = 5;
const sessions = 4;

type Step =
  | {
      kind: "record";
      session: number;
      attendees: { person: number; role: AttendanceRole; minutes: number }[];
    }
  | { kind: "remove"; session: number; people: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("record" as const),
    session: fc.integer({ min: 0, max: sessions - 1 }),
    attendees: fc.uniqueArray(
      fc.record({
        person: fc.integer({ min: 0, max: people - 1 }),
        role: fc.constantFrom<AttendanceRole>("participant", "volunteer", "service-user-input"),
        minutes: fc.integer({ min: 0, max: 120 }),
      }),
      { selector: (a) => a.person, minLength: 1, maxLength: people },
    ),
  }),
  fc.record({
    kind: fc.constant("remove" as const),
    session: fc.integer({ min: 0, max: sessions - 1 }),
    people: fc.uniqueArray(fc.integer({ min: 0, max: people - 1 }), { minLength: 1, maxLength: people }),
  }),
);
const sessionOf = fc.record({
  day: fc.integer({ min: 0, max: days - 1 }),
  depth: fc.constantFrom<Depth>("light", "in-depth"),
  project: fc.integer({ min: 0, max: 2 }),
});
const periodOf = fc
  .tuple(fc.integer({ min: 0, max: days - 1 }), fc.integer({ min: 0, max: days - 1 }))
  .map(([a, b]) => ({ from: dayOf(Math.min(a, b)), to: dayOf(Math.max(a, b)) }));

let database: Database;
let run = 0;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const summaryOf = (org: string, table: "attendance_summary" | "attendance_summary_source") =>
  queryRows<Record<string, unknown>>(
    database.db,
    sql`SELECT block, participant_id, resident::text, in_depth::text, volunteer::text, service_user::text,
               theme_ids::text, theme_resident::text, theme_in_depth::text
        FROM ${sql.raw(table)} WHERE organisation_id = ${org} ORDER BY block, participant_id`,
  );

describe("the attendance summary", () => {
  it("equals a full recomputation after any sequence of register commands, and gives the same figures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sessionOf, { minLength: sessions, maxLength: sessions }),
        fc.array(step, { minLength: 2, maxLength: 10 }),
        fc.array(periodOf, { minLength: 3, maxLength: 3 }),
        async (sessionRows, steps, periods) => {
          const db = database.db;
          const {
            organisationId: org,
            manager,
            projectIds,
            personIds,
          } = await makeThemedOrganisation(db, `Summary Homes ${++run}`, {
            themes: ["alpha", "beta"],
            projects: [["alpha"], ["beta"], ["alpha", "beta"]].map((themes) => ({
              themes,
              communityDevelopment: false,
            })),
            tenants: Array.from({ length: people }, (_, i) => i % 2 === 0),
            laCode: "E06000035",
          });
          const sessionIds: string[] = [];
          for (const s of sessionRows)
            sessionIds.push(
              (
                await recordSession(db, manager, testNow, {
                  projectId: projectIds[s.project],
                  title: `Session on ${dayOf(s.day)}`,
                  heldOn: dayOf(s.day),
                  durationMinutes: 60,
                  depth: s.depth,
                  laCode: "E06000035",
                })
              ).id,
            );
          for (const command of steps) {
            if (command.kind === "record")
              await recordAttendance(db, manager, testNow, sessionIds[command.session], {
                attendees: command.attendees.map((a) => ({
                  participantId: personIds[a.person],
                  role: a.role,
                  minutes: a.minutes,
                })),
              });
            else
              await removeFromRegister(db, manager, testNow, sessionIds[command.session], {
                participantIds: command.people.map((person) => personIds[person]),
              });
            // After every command, not only the last: a later command could hide an earlier mistake.
            expect(await summaryOf(org, "attendance_summary")).toEqual(
              await summaryOf(org, "attendance_summary_source"),
            );
          }
          const kept = await summaryOf(org, "attendance_summary");
          for (const period of [{ from: dayOf(0), to: dayOf(days - 1) }, ...periods])
            expect(await deliveryFigures(db, manager, period)).toEqual(
              await deliveryFigures(db, manager, period, { summary: false }),
            );
          // A rebuild (the bulk loads' way) gives the same rows as the commands kept.
          await rebuildAttendanceSummary(db, org);
          expect(await summaryOf(org, "attendance_summary")).toEqual(kept);
        },
      ),
      { numRuns: 10 },
    );
  }, 300_000);
});
