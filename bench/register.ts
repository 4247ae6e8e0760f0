// Attendance register at scale on PostgreSQL: an organisation with 50,000 people, all participants.
//   npx node bench/register.ts [--scale 1] [--searches 300]
// Prints the register page's size and time, and search-as-you-type latency (the results fragment the
// page's script fetches) at p50/p99, with the load average. --scale 0.02 checks the script works.
// DATABASE_URL chooses the server (default postgres://postgres@127.0.0.1:5432/postgres); the script
// makes its own database and drops it at the end.
import { loadavg } from "node:os";
import { recordSession } from "../src/modules/investment/commands/record-session.ts";
import { makeLunchClub } from "../src/modules/investment/test-project.ts";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import type { Actor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { newId } from "../src/platform/db/ids.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { addUser, buildTestApp, TestBrowser } from "../test/app.ts";
import { testNow } from "../test/fixtures.ts";
import { registerBench } from "./register-setup.ts";

const { scale, searches, database, drop } = await registerBench("kith_bench_register");
const people = Math.round(50_000 * scale);

const given = [
  "Anna",
  "Ben",
  "Chloe",
  "Dev",
  "Ella",
  "Femi",
  "Grace",
  "Harry",
  "Isla",
  "Jack",
  "Kemi",
  "Liam",
  "Maya",
  "Noah",
  "Olu",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
];
const family = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Patel",
  "Robinson",
  "Wright",
  "Thompson",
  "Evans",
  "Walker",
  "White",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
  "Khan",
  "Okafor",
  "Nowak",
  "Murphy",
];
const sqlArray = (list: string[]) => `ARRAY[${list.map((v) => `'${v}'`).join(",")}]`;
const percentile = (ms: number[], p: number) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

try {
  await migrate(database);
  await loadReferenceData(database, loadConfig().referenceDir);
  const org = (
    await createOrganisation(database.db, null, testNow, { name: "Bench Homes", kind: "housing-association" })
  ).id;
  const actor: Actor = {
    kind: "user",
    userId: newId(),
    organisationId: org,
    role: "manager",
    name: "Bench",
    email: "bench@example.org",
    personId: null,
    partnerOrganisationId: null,
    scopes: null,
  };
  const built = performance.now();
  // Family names repeat with a number (Smith7) so names repeat about as often as in a real borough.
  await database.query(
    `INSERT INTO person (organisation_id, id, given_name, family_name, date_of_birth, postcode, address, person_type, created_at)
     SELECT $1, gen_random_uuid(), (${sqlArray(given)})[1 + g % ${given.length}],
            (${sqlArray(family)})[1 + (g / ${given.length}) % ${family.length}] || CASE WHEN g % 3 = 0 THEN '' ELSE (g % 97)::text END,
            date '1935-01-01' + (g * 37 % 30000), 'ME' || (1 + g % 20) || ' ' || (g % 9) || chr(65 + g % 26) || chr(65 + g % 23),
            (1 + g % 200) || ' ' || (ARRAY['Elm Road','High Street','Castle View','Mill Lane','Church Street'])[1 + g % 5],
            'resident', $2
       FROM generate_series(1, ${people}) g`,
    [org, testNow],
  );
  await database.query(
    `INSERT INTO participant (organisation_id, id, person_id, display_name, date_of_birth, tenant, communities, created_at)
     SELECT organisation_id, gen_random_uuid(), id, given_name || ' ' || family_name, date_of_birth, false, '{}', created_at
       FROM person WHERE organisation_id = $1`,
    [org],
  );
  await database.query("ANALYZE person; ANALYZE participant");
  const projectId = await makeLunchClub(database.db, actor, testNow);
  const session = async (heldOn: string) =>
    (
      await recordSession(database.db, actor, testNow, {
        projectId,
        title: "Lunch club",
        heldOn,
        durationMinutes: 90,
        depth: "light",
        laCode: "E06000035",
        lsoa21Code: null,
      })
    ).id;
  const lastWeek = await session("2026-06-08");
  const today = await session("2026-06-15");
  // Forty regulars on each register, as a busy lunch club would have.
  for (const id of [lastWeek, today])
    await database.query(
      `INSERT INTO attendance (organisation_id, session_id, participant_id, role, minutes, held_on)
       SELECT organisation_id, $2, id, 'participant', 0, (SELECT held_on FROM activity_session WHERE id = $2)
         FROM participant WHERE organisation_id = $1 ORDER BY id LIMIT 40`,
      [org, id],
    );
  const buildMs = performance.now() - built;

  await addUser(database, org, "manager", "manager@example.org");
  const browser = new TestBrowser(await buildTestApp(database));
  await browser.signIn("manager@example.org");
  const pageMs: number[] = [];
  let pageBytes = 0;
  let copyBytes = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const response = await browser.get(`/investment/sessions/${today}`);
    pageBytes = (await response.arrayBuffer()).byteLength;
    pageMs.push(performance.now() - started);
  }
  copyBytes = (await (await browser.get(`/investment/sessions/${today}?from=last`)).arrayBuffer()).byteLength;
  const searchBytes = (await (await browser.get(`/investment/sessions/${today}?q=smi`)).arrayBuffer())
    .byteLength;

  // Search as you type: each search is a prefix an officer would have typed, 2 to 7 characters.
  const typed: string[] = [];
  for (let i = 0; typed.length < searches; i++) {
    const word = `${given[i % given.length]} ${family[(i * 7) % family.length]}`.toLowerCase();
    typed.push(word.slice(0, 2 + (i % 6)));
  }
  const searchMs: number[] = [];
  for (const q of typed) {
    const started = performance.now();
    const response = await browser.get(`/investment/sessions/${today}/candidates?q=${encodeURIComponent(q)}`);
    await response.text();
    if (response.status !== 200) throw new Error(`Search ${q} answered ${response.status}`);
    searchMs.push(performance.now() - started);
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `Register benchmark, PostgreSQL, ${people.toLocaleString("en-GB")} people (all participants), 40 on the register`,
  );
  console.log(`  data built in ${(buildMs / 1000).toFixed(1)} s`);
  console.log(
    `  register page: ${kb(pageBytes)}; with the last session's 40 to copy: ${kb(copyBytes)}; with 25 search results: ${kb(searchBytes)}`,
  );
  console.log(
    `  register page time: p50 ${percentile(pageMs, 0.5).toFixed(1)} ms, p99 ${percentile(pageMs, 0.99).toFixed(1)} ms (${pageMs.length} loads)`,
  );
  console.log(
    `  search as you type: p50 ${percentile(searchMs, 0.5).toFixed(1)} ms, p99 ${percentile(searchMs, 0.99).toFixed(1)} ms (${searchMs.length} searches)`,
  );
  console.log(
    `  load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await drop();
}
