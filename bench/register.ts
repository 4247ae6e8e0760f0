// Attendance register at scale on PostgreSQL: an organisation with 50,000 people, all participants.
//   npx node bench/register.ts [--scale 1] [--searches 300]
// Prints the register page's size and time, and search-as-you-type latency (the results fragment the
// page's script fetches) at p50/p99, with the load average. --scale 0.02 checks the script works.
// DATABASE_URL chooses the server (default postgres://postgres@127.0.0.1:5432/postgres); the script
// makes its own database and drops it at the end.
import { rebuildAttendanceSummary } from "../src/modules/investment/index.ts";
import { lightSession, makeLunchClub } from "../src/modules/investment/test-project.ts";
import { familyNames, givenNames } from "../src/modules/people/seed.ts";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { addUser, buildTestApp, TestBrowser } from "../test/app.ts";
import { testNow } from "../test/fixtures.ts";
import { benchOrganisation, kilobytes, loadAverage, p50p99, registerBench } from "./register-setup.ts";

const { scale, searches, database, drop } = await registerBench("kith_bench_register");
const people = Math.round(50_000 * scale);

const given = givenNames;
const family = familyNames;

try {
  const { org, actor } = await benchOrganisation(database, "Bench Homes");
  await loadReferenceData(database, loadConfig().referenceDir);
  const built = performance.now();
  // Family names repeat with a number (Smith7) so names repeat about as often as in a real borough.
  await database.query(
    `INSERT INTO person (organisation_id, id, given_name, family_name, date_of_birth, postcode, address, person_type, created_at)
     SELECT $1, gen_random_uuid(), ($3::text[])[1 + g % ${given.length}],
            ($4::text[])[1 + (g / ${given.length}) % ${family.length}] || CASE WHEN g % 3 = 0 THEN '' ELSE (g % 97)::text END,
            date '1935-01-01' + (g * 37 % 30000), 'ME' || (1 + g % 20) || ' ' || (g % 9) || chr(65 + g % 26) || chr(65 + g % 23),
            (1 + g % 200) || ' ' || (ARRAY['Elm Road','High Street','Castle View','Mill Lane','Church Street'])[1 + g % 5],
            'resident', $2
       FROM generate_series(1, ${people}) g`,
    [org, testNow, given, family],
  );
  await database.query(
    `INSERT INTO participant (organisation_id, id, person_id, display_name, date_of_birth, tenant, communities, created_at)
     SELECT organisation_id, gen_random_uuid(), id, given_name || ' ' || family_name, date_of_birth, false, '{}', created_at
       FROM person WHERE organisation_id = $1`,
    [org],
  );
  await database.query("ANALYZE person; ANALYZE participant");
  const projectId = await makeLunchClub(database.db, actor, testNow);
  const session = (heldOn: string) =>
    lightSession(database.db, actor, testNow, { projectId, title: "Lunch club", heldOn });
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
  // Written in bulk, past the register commands: the summary is built from what was written.
  await rebuildAttendanceSummary(database.db, org);
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
  console.log(
    `Register benchmark, PostgreSQL, ${people.toLocaleString("en-GB")} people (all participants), 40 on the register`,
  );
  console.log(`  data built in ${(buildMs / 1000).toFixed(1)} s`);
  console.log(
    `  register page: ${kilobytes(pageBytes)}; with the last session's 40 to copy: ${kilobytes(copyBytes)}; with 25 search results: ${kilobytes(searchBytes)}`,
  );
  console.log(`  register page time: ${p50p99(pageMs)} (${pageMs.length} loads)`);
  console.log(`  search as you type: ${p50p99(searchMs)} (${searchMs.length} searches)`);
  console.log(loadAverage());
} finally {
  await drop();
}
