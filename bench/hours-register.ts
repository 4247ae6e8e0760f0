// Volunteering session hours register at scale on PostgreSQL: 50,000 volunteers, all placed in one role
// (the worst case: the register searches the role's team).
//   npx node bench/hours-register.ts [--scale 1] [--searches 300]
// Prints the page's size and time and search-as-you-type latency (p50/p99) with the load average.
// --scale 0.02 checks the script works. DATABASE_URL chooses the server (default
// postgres://postgres@127.0.0.1:5432/postgres); the script makes its own database and drops it.
import { addSession } from "../src/modules/volunteering/commands/add-session.ts";
import { decideOpportunity } from "../src/modules/volunteering/commands/decide-opportunity.ts";
import { postOpportunity } from "../src/modules/volunteering/commands/post-opportunity.ts";
import { estateRoleInput } from "../src/modules/volunteering/testing/role-input.ts";
import { addUser, buildTestApp, TestBrowser } from "../test/app.ts";
import { testNow } from "../test/fixtures.ts";
import { benchOrganisation, kilobytes, loadAverage, p50p99, registerBench } from "./register-setup.ts";

const { scale, searches, database, drop } = await registerBench("kith_bench_hours");
const volunteers = Math.round(50_000 * scale);

const givenNames = ["Amara", "Bilal", "Cerys", "Dylan", "Esme", "Faisal", "Gwen", "Hugo", "Iris", "Jonah"];
const familyNames = ["Ahmed", "Baker", "Cole", "Doyle", "Ellis", "Frost", "Gill", "Hart", "Irwin", "Jones"];

try {
  const { org, actor } = await benchOrganisation(database, "Bench Trust");
  const role = await postOpportunity(database.db, actor, testNow, estateRoleInput("Park keepers", 1000));
  await decideOpportunity(database.db, actor, testNow, role.id, "approve");
  const built = performance.now();
  // Family names carry a number on two in three people, so names repeat as in a real borough.
  await database.query(
    `INSERT INTO volunteer (organisation_id, id, given_name, family_name, email, date_of_birth, postcode, interests, skills, availability, created_at)
     SELECT $1, gen_random_uuid(), (ARRAY[${givenNames.map((n) => `'${n}'`).join(",")}])[1 + g % 10],
            (ARRAY[${familyNames.map((n) => `'${n}'`).join(",")}])[1 + (g / 10) % 10] || CASE WHEN g % 3 = 0 THEN '' ELSE (g % 89)::text END,
            'v' || g || '@example.org', date '1940-01-01' + (g * 37 % 28000),
            'ME' || (1 + g % 20) || ' ' || (g % 9) || chr(65 + g % 26) || chr(65 + g % 23), '{}', '{}', '{}', $2
       FROM generate_series(1, ${volunteers}) g`,
    [org, testNow],
  );
  await database.query(
    `INSERT INTO vol_application (organisation_id, id, opportunity_id, volunteer_id, status, applied_at, updated_at)
     SELECT organisation_id, gen_random_uuid(), $2, id, 'placed', created_at, created_at FROM volunteer WHERE organisation_id = $1`,
    [org, role.id],
  );
  const session = await addSession(
    database.db,
    actor,
    testNow,
    role.id,
    new Date(testNow.getTime() - 86_400_000),
    new Date(testNow.getTime() - 79_200_000),
  );
  // Forty volunteers already have hours for the session.
  await database.query(
    `INSERT INTO vol_hours (organisation_id, id, volunteer_id, opportunity_id, session_id, worked_on, minutes, theme, status, logged_by, logged_at)
     SELECT organisation_id, gen_random_uuid(), id, $2, $3, $4, 120, 'environment', 'verified', 'coordinator', $5
       FROM volunteer WHERE organisation_id = $1 ORDER BY id LIMIT 40`,
    [org, role.id, session.id, new Date(testNow.getTime() - 86_400_000).toISOString().slice(0, 10), testNow],
  );
  await database.query("ANALYZE volunteer; ANALYZE vol_application; ANALYZE vol_hours");
  const buildMs = performance.now() - built;

  await addUser(database, org, "manager", "manager@example.org");
  const browser = new TestBrowser(await buildTestApp(database));
  await browser.signIn("manager@example.org");
  const base = `/volunteering/sessions/${session.id}/hours`;
  const pageMs: number[] = [];
  let pageBytes = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const response = await browser.get(base);
    if (response.status !== 200) throw new Error(`The register answered ${response.status}`);
    pageBytes = (await response.arrayBuffer()).byteLength;
    pageMs.push(performance.now() - started);
  }
  const searchBytes = (await (await browser.get(`${base}?q=jo`)).arrayBuffer()).byteLength;
  const searchMs: number[] = [];
  for (let i = 0; i < searches; i++) {
    const word = `${givenNames[i % 10]} ${familyNames[(i * 3) % 10]}`.toLowerCase();
    const q = word.slice(0, 2 + (i % 7));
    const started = performance.now();
    const response = await browser.get(`${base}/candidates?q=${encodeURIComponent(q)}`);
    await response.text();
    if (response.status !== 200) throw new Error(`Search ${q} answered ${response.status}`);
    searchMs.push(performance.now() - started);
  }
  console.log(
    `Hours register benchmark, PostgreSQL, ${volunteers.toLocaleString("en-GB")} volunteers all placed in one role, 40 already logged`,
  );
  console.log(`  data built in ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`  register page: ${kilobytes(pageBytes)}; with 25 search results: ${kilobytes(searchBytes)}`);
  console.log(`  page time: ${p50p99(pageMs)} (${pageMs.length} loads)`);
  console.log(`  search as you type: ${p50p99(searchMs)} (${searchMs.length} searches)`);
  console.log(loadAverage());
} finally {
  await drop();
}
