import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { recordAttendance, recordSession } from "../commands/record-session.ts";
import type { AttendanceRole, Depth } from "../schema.ts";
import { makeThemedOrganisation } from "../testing/themed-organisation.ts";
import { type DeliveryFigures, deliveryFigures } from "./delivery-figures.ts";

// The one-pass delivery figures against a direct computation over the same random rows in plain
// TypeScript: each figure is counted here the obvious way, person by person and session by session.

const las = ["E06000035", "E07000110"];
const lsoas = ["E01016016", "E01016017", null];
const themes = ["alpha", "beta"];
// Lunch club (alpha, community development), Job club (beta), Garden (both themes).
const projects = [
  { themes: ["alpha"], communityDevelopment: true },
  { themes: ["beta"], communityDevelopment: false },
  { themes: ["alpha", "beta"], communityDevelopment: false },
];
const people = 6;
const firstDay = Date.UTC(2025, 0, 1);
const dayOf = (offset: number) => new Date(firstDay + offset * 86_400_000).toISOString().slice(0, 10);
const lastOffset = 520; // 2026-06-05, before the test clock's today

type SessionRow = {
  project: number;
  day: number;
  depth: Depth;
  la: number;
  lsoa: number;
  attendees: { person: number; role: AttendanceRole; minutes: number }[];
};
type Filter = { from: string; to: string; themeCode: string | null; laCode: string | null };

const sessionRow = fc.record({
  project: fc.integer({ min: 0, max: projects.length - 1 }),
  day: fc.integer({ min: 0, max: lastOffset }),
  depth: fc.constantFrom<Depth>("light", "in-depth"),
  la: fc.integer({ min: 0, max: las.length - 1 }),
  lsoa: fc.integer({ min: 0, max: lsoas.length - 1 }),
  attendees: fc.uniqueArray(
    fc.record({
      person: fc.integer({ min: 0, max: people - 1 }),
      role: fc.constantFrom<AttendanceRole>("participant", "participant", "volunteer", "service-user-input"),
      minutes: fc.integer({ min: 0, max: 240 }),
    }),
    { selector: (a) => a.person, maxLength: people },
  ),
});
const filterOf = fc
  .record({
    a: fc.integer({ min: 0, max: lastOffset }),
    b: fc.integer({ min: 0, max: lastOffset }),
    themeCode: fc.constantFrom(null, ...themes),
    laCode: fc.constantFrom(null, ...las),
  })
  .map(({ a, b, themeCode, laCode }) => ({
    from: dayOf(Math.min(a, b)),
    to: dayOf(Math.max(a, b)),
    themeCode,
    laCode,
  }));

/** Every figure worked out directly from the rows, with no shared code with the SQL. */
function directFigures(sessions: SessionRow[], tenants: boolean[], filter: Filter) {
  const scoped = sessions.filter(
    (s) =>
      dayOf(s.day) >= filter.from &&
      dayOf(s.day) <= filter.to &&
      (!filter.laCode || las[s.la] === filter.laCode) &&
      (!filter.themeCode || projects[s.project].themes.includes(filter.themeCode)),
  );
  const visits = scoped.flatMap((s) => s.attendees.map((a) => ({ ...a, session: s })));
  const distinct = (list: typeof visits) => new Set(list.map((v) => v.person)).size;
  const residentsOf = (list: typeof visits) => list.filter((v) => v.role === "participant");
  const inDepthPeople = (list: typeof visits) =>
    new Set(list.filter((v) => v.session.depth === "in-depth").map((v) => v.person)).size;
  const byRole = (role: AttendanceRole) => visits.filter((v) => v.role === role);
  const residents = residentsOf(visits);
  const tenantVisits = residents.filter((v) => tenants[v.person]);
  const minutes = (list: typeof visits) => list.reduce((sum, v) => sum + v.minutes, 0);
  const months = [...new Set(scoped.map((s) => dayOf(s.day).slice(0, 7)))].sort();
  const inMonth = (month: string) => (s: SessionRow) => dayOf(s.day).startsWith(month);
  const places = [
    ...new Set(scoped.filter((s) => lsoas[s.lsoa]).map((s) => `${lsoas[s.lsoa]} ${las[s.la]}`)),
  ].sort();
  const atPlace = (key: string) => (s: SessionRow) => `${lsoas[s.lsoa]} ${las[s.la]}` === key;
  const cd = (s: SessionRow) => projects[s.project].communityDevelopment;
  const themeSessions = (code: string) => scoped.filter((s) => projects[s.project].themes.includes(code));
  return {
    reach: {
      residents: {
        total: distinct(residents),
        light: distinct(residents) - inDepthPeople(residents),
        inDepth: inDepthPeople(residents),
      },
      tenants: {
        total: distinct(tenantVisits),
        light: distinct(tenantVisits) - inDepthPeople(tenantVisits),
        inDepth: inDepthPeople(tenantVisits),
      },
      volunteers: { people: distinct(byRole("volunteer")), hours: minutes(byRole("volunteer")) / 60 },
      serviceUserInput: {
        people: distinct(byRole("service-user-input")),
        hours: minutes(byRole("service-user-input")) / 60,
      },
      sessions: scoped.length,
      attendances: visits.length,
    },
    trend: months.map((month) => ({
      month,
      sessions: scoped.filter(inMonth(month)).length,
      people: distinct(residents.filter((v) => inMonth(month)(v.session))),
      attendances: visits.filter((v) => inMonth(month)(v.session)).length,
    })),
    activity: {
      neighbourhoods: places.map((key) => ({
        lsoa21Code: key.split(" ")[0],
        laCode: key.split(" ")[1],
        sessions: scoped.filter(atPlace(key)).length,
        communityDevelopmentSessions: scoped.filter(atPlace(key)).filter(cd).length,
        people: distinct(residents.filter((v) => atPlace(key)(v.session))),
      })),
      communityDevelopmentSessions: scoped.filter(cd).length,
      unplacedCommunityDevelopmentSessions: scoped.filter((s) => !lsoas[s.lsoa]).filter(cd).length,
    },
    themes: themes
      .filter((code) => themeSessions(code).length > 0)
      .map((code) => {
        const inTheme = residents.filter((v) => projects[v.session.project].themes.includes(code));
        return {
          code,
          residents: distinct(inTheme),
          inDepth: inDepthPeople(inTheme),
          sessions: themeSessions(code).length,
        };
      }),
  };
}

function comparable(figures: DeliveryFigures) {
  return { ...figures, themes: [...figures.themes.values()].sort((a, b) => a.code.localeCompare(b.code)) };
}

let database: Database;
let run = 0;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** Records the sessions for a new organisation, then compares every figure with the direct count. */
async function agreesWithDirectCount(sessions: SessionRow[], tenants: boolean[], filters: Filter[]) {
  const db = database.db;
  // Each run is its own organisation, so runs cannot see each other's rows.
  const { manager, projectIds, personIds } = await makeThemedOrganisation(db, `Random Homes ${++run}`, {
    themes,
    projects,
    tenants,
    laCode: las[0],
  });
  for (const s of sessions) {
    const { id } = await recordSession(db, manager, testNow, {
      projectId: projectIds[s.project],
      title: `Session on ${dayOf(s.day)}`,
      heldOn: dayOf(s.day),
      durationMinutes: 60,
      depth: s.depth,
      laCode: las[s.la],
      lsoa21Code: lsoas[s.lsoa],
    });
    if (s.attendees.length)
      await recordAttendance(db, manager, testNow, id, {
        attendees: s.attendees.map((a) => ({
          participantId: personIds[a.person],
          role: a.role,
          minutes: a.minutes,
        })),
      });
  }
  for (const filter of [{ from: dayOf(0), to: dayOf(lastOffset), themeCode: null, laCode: null }, ...filters])
    expect(comparable(await deliveryFigures(db, manager, filter))).toEqual(
      directFigures(sessions, tenants, filter),
    );
}

describe("delivery figures", () => {
  it("agree with a direct count of the same random sessions and attendance, however narrowed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sessionRow, { maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: people, maxLength: people }),
        fc.array(filterOf, { minLength: 3, maxLength: 3 }),
        (sessions, tenants, filters) => agreesWithDirectCount(sessions, tenants, filters),
      ),
      { numRuns: 12 },
    );
  }, 300_000);

  it("agree with a direct count over a period of more than 62 months", async () => {
    // A person's months are kept as bits of bigints, 62 to a word: this period needs two words.
    const session = (day: number, person: number, role: AttendanceRole): SessionRow => ({
      project: 0,
      day,
      depth: "light",
      la: 0,
      lsoa: 0,
      attendees: [{ person, role, minutes: 30 }],
    });
    const sessions = [
      session(-1900, 0, "participant"), // October 2019, the period's first month
      session(-16, 1, "participant"), // December 2024, its 63rd month: the second word's first bit
      session(-16, 2, "volunteer"),
      session(400, 0, "participant"),
      session(410, 1, "participant"),
    ];
    const longPeriod = { from: "2019-10-01", to: dayOf(lastOffset), themeCode: null, laCode: null };
    await agreesWithDirectCount(sessions, [true, false, true, false, false, false], [longPeriod]);
  });
});
