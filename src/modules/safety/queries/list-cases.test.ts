import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { listCases } from "./list-cases.ts";

// The case list counts matches only up to a cap: past it, "more than" and previous/next pages.
// 1,060 open noise cases and 7 closed harassment cases, inserted in one statement each.

let database: Database;
let officer: TestBrowser;
let actor: Actor;
const openNoise = 1060;

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  actor = actorFor(organisationId, "officer");
  const insertCases = (prefix: string, count: number, category: string, closed: boolean) =>
    database.query(
      `INSERT INTO safety_case (organisation_id, id, reference, workflow, category, nsir_type, counts_as_asb, location_type,
         status, opened_on, closed_on, source, created_at, updated_at)
       SELECT $1, gen_random_uuid(), $2 || '-' || lpad(g::text, 5, '0'), 'asb', $3, 'nuisance', true, 'open-space',
              CASE WHEN $4 THEN 'closed' ELSE 'open' END, DATE '2025-01-01' + g % 300,
              CASE WHEN $4 THEN DATE '2025-12-01' END, 'import', now(), now()
         FROM generate_series(1, $5::int) AS g`,
      [organisationId, prefix, category, closed, count],
    );
  await insertCases("N", openNoise, "noise", false);
  await insertCases("H", 7, "harassment", true);
  await addUser(database, organisationId, "officer", "list-officer@example.org");
  officer = new TestBrowser(await buildTestApp(database));
  await officer.signIn("list-officer@example.org");
});

afterAll(async () => {
  await database.close();
});

describe("listCases with a count limit", () => {
  it("says the total is a lower bound when more cases match than the limit", async () => {
    const page = await listCases(database.db, actor, { state: "open", countLimit: 100, pageSize: 10 });
    expect(page).toMatchObject({ total: 100, totalIsLowerBound: true, hasNextPage: true });
    expect(page.rows).toHaveLength(10);
  });

  it("gives the exact total when the matches fit within the limit", async () => {
    const closed = await listCases(database.db, actor, { state: "closed", countLimit: 100 });
    expect(closed).toMatchObject({ total: 7, totalIsLowerBound: false, hasNextPage: false });
    const exactlyAtLimit = await listCases(database.db, actor, { state: "closed", countLimit: 7 });
    expect(exactlyAtLimit).toMatchObject({ total: 7, totalIsLowerBound: false });
  });

  it("counts exactly without a limit, as the API does", async () => {
    const all = await listCases(database.db, actor, { state: "all", pageSize: 5 });
    expect(all).toMatchObject({ total: openNoise + 7, totalIsLowerBound: false, hasNextPage: true });
  });

  it("returns the same rows with and without a limit, and knows the last page", async () => {
    const filters = {
      state: "open",
      category: "noise",
      sort: "reference",
      dir: "asc",
      pageSize: 50,
    } as const;
    const capped = await listCases(database.db, actor, { ...filters, page: 3, countLimit: 10 });
    const exact = await listCases(database.db, actor, { ...filters, page: 3 });
    expect(capped.rows.map((r) => r.reference)).toEqual(exact.rows.map((r) => r.reference));
    expect(capped.rows[0]?.reference).toBe("N-00101");
    const last = await listCases(database.db, actor, { ...filters, page: 22, countLimit: 10 });
    expect(last.rows).toHaveLength(10);
    expect(last.hasNextPage).toBe(false);
  });
});

describe("the case list page past 1,000 matches", () => {
  it("shows 'More than 1,000 cases' with only a next link on the first page", async () => {
    const response = await officer.get("/safety?state=open&category=noise");
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain("More than 1,000 cases");
    expect(body).toContain('rel="next"');
    expect(body).not.toContain('rel="prev"');
    expect(body).not.toContain('aria-label="Page 2"');
  });

  it("shows previous and next in the middle and no next on the last page", async () => {
    const middle = await (await officer.get("/safety?state=open&category=noise&page=5")).text();
    expect(middle).toContain('rel="prev"');
    expect(middle).toContain('rel="next"');
    const last = await (
      await officer.get("/safety?state=open&category=noise&sort=reference&dir=asc&page=22")
    ).text();
    expect(last).toContain("N-01060");
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
  });

  it("still counts and numbers the pages exactly under the limit", async () => {
    const body = await (await officer.get("/safety?state=closed")).text();
    expect(body).toContain("7 cases");
    expect(body).not.toContain("More than");
    expect(body).not.toContain('rel="next"');
  });
});
