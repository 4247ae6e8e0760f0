import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { person } from "../src/modules/people/schema.ts";
import type { Database } from "../src/platform/db/database.ts";
import { newId } from "../src/platform/db/ids.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation, testNow } from "./fixtures.ts";

// On PGlite every request shares ONE database session. An upload import sends BEGIN, its
// batches and COMMIT as separate calls; these tests start other requests while it runs and
// check that none of them sees the import's uncommitted rows or is swallowed by its transaction.

const importedRows = 12_000;

function peopleFile(badLastRow: boolean): string {
  const rows = Array.from({ length: importedRows }, (_, i) => `Given${i},Imported,resident`);
  if (badLastRow) rows.push("Bad,Imported,lodger");
  return `given_name,family_name,person_type\n${rows.join("\n")}\n`;
}

describe("an upload import and other requests at the same time", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let browser: TestBrowser;
  let orgId: string;

  async function upload(csv: string): Promise<Response> {
    const form = new FormData();
    form.set("_csrf", await browser.csrfToken("/people/import"));
    form.set("file", new File([csv], "people.csv", { type: "text/csv" }));
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return app.request("/people/import", { method: "POST", body: form, headers: { cookie } });
  }

  const importedCount = async () =>
    (
      await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM person WHERE family_name = 'Imported'",
      )
    )[0].n;

  /** Runs other work over and over until the upload answers; returns the upload and what the others saw. */
  async function whileUploading(csv: string, other: (round: number) => Promise<number>) {
    let settled = false;
    const uploading = upload(csv).finally(() => {
      settled = true;
    });
    const seen: number[] = [];
    let round = 0;
    while (!settled) {
      seen.push(await other(round++));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { response: await uploading, seen };
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    orgId = (await makeOrganisation(database.db)).id;
    await addUser(database, orgId, "officer", "isolation@example.org");
    browser = new TestBrowser(app);
    await browser.signIn("isolation@example.org");
  });
  afterAll(async () => database.close());

  it("keeps a write made during a failed import, and never shows the import's rows", async () => {
    const written: string[] = [];
    const { response, seen } = await whileUploading(peopleFile(true), async (round) => {
      const id = newId();
      // Another request's own write, in its own transaction: it must survive the import's rollback.
      await database.db.transaction(async (tx) => {
        await tx.insert(person).values({
          organisationId: orgId,
          id,
          givenName: `Concurrent${round}`,
          familyName: "Visitor",
          personType: "contact",
          createdAt: testNow,
        });
      });
      written.push(id);
      const list = await browser.get("/people");
      expect(list.status).toBe(200);
      return importedCount();
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Nothing was imported");
    expect(written.length).toBeGreaterThan(0);
    expect(seen.every((n) => n === 0)).toBe(true);
    expect(await importedCount()).toBe(0);
    const visitors = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM person WHERE family_name = 'Visitor'",
    );
    expect(visitors[0].n).toBe(written.length);
  });

  it("shows a successful import's rows all at once, never a part of them", async () => {
    const { response, seen } = await whileUploading(peopleFile(false), () => importedCount());
    expect(response.status).toBe(200);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n) => n === 0 || n === importedRows)).toBe(true);
    expect(await importedCount()).toBe(importedRows);
  });

  it("lets work that holds the session query through the database handle without waiting for itself", async () => {
    const inside = await database.withConnection(async (connection) => {
      await connection.execScript("BEGIN");
      const [direct] = await database.query<{ n: number }>("SELECT 1 AS n");
      const nested = await database.withConnection((again) => again.query<{ n: number }>("SELECT 2 AS n"));
      await connection.execScript("COMMIT");
      return [direct.n, nested[0].n];
    });
    expect(inside).toEqual([1, 2]);
  });
});
