import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation } from "./fixtures.ts";

describe("CSV uploads on the pages", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let browser: TestBrowser;

  async function upload(path: string, csv: string, skipBadRows = false): Promise<Response> {
    const form = new FormData();
    form.set("_csrf", await browser.csrfToken(path));
    form.set("file", new File([csv], "upload.csv", { type: "text/csv" }));
    if (skipBadRows) form.set("skipBadRows", "yes");
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return app.request(path, { method: "POST", body: form, headers: { cookie } });
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const org = await makeOrganisation(database.db);
    await addUser(database, org.id, "officer", "uploads@example.org");
    browser = new TestBrowser(app);
    await browser.signIn("uploads@example.org");
  });
  afterAll(async () => database.close());

  it("imports nothing from a people file with a bad row, and lists the row", async () => {
    const response = await upload(
      "/people/import",
      "given_name,family_name,person_type,date_of_birth\nAda,Byron,resident,1990-01-01\nBob,Smith,lodger,\n",
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("line 3: person_type:");
    expect(page).toContain("Nothing was imported");
    expect((await database.query<{ n: number }>("SELECT count(*)::int AS n FROM person"))[0].n).toBe(0);
  });

  it("imports the good rows of an assets file when asked to skip bad ones", async () => {
    const response = await upload(
      "/places/assets/import",
      "name,asset_type,la_code,owner\nHall One,community-hall,E07000110,Trust\nCastle,castle,E07000110,Crown\n",
      true,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("1 community assets were imported; 1 bad rows were skipped");
  });

  it("refuses a file that is not CSV and a file with missing columns", async () => {
    const form = new FormData();
    form.set("_csrf", await browser.csrfToken("/places/homes/import"));
    form.set("file", new File(["x"], "homes.xlsx"));
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const wrongType = await app.request("/places/homes/import", {
      method: "POST",
      body: form,
      headers: { cookie },
    });
    expect(wrongType.status).toBe(422);
    expect(await wrongType.text()).toContain("The file must be a CSV file");
    const missing = await upload("/places/homes/import", "uprn,town\n1,Dover\n");
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("missing the columns address_line_1, postcode, tenure, la_code");
  });
});
