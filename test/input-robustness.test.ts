import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { databaseErrorCode, toProblem } from "../src/platform/http/errors.ts";
import { isRealDate } from "../src/platform/http/fields.ts";
import { buildTestApp, TestBrowser, userWithAllScopesToken } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation } from "./fixtures.ts";

// Issue 18 item 10: inputs that used to come back as HTTP 500.

const home = {
  uprn: "100062150001",
  addressLine1: "1 Test Street",
  town: "Maidstone",
  postcode: "ME15 6QX",
  tenure: "social-rent",
  laCode: "E07000110",
};

describe("no 500 for any input", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let token: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const mine = await makeOrganisation(database.db, "Ours");
    token = await userWithAllScopesToken(database, mine.id, "officer", "officer@ours.example");
  });
  afterAll(async () => database.close());

  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });

  it("refuses a NUL byte in a signed-out form with a 422 naming the field", async () => {
    const browser = new TestBrowser(app);
    const response = await browser.post("/sign-in", { email: "a\u0000@x.org", password: "x" });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("email contains a character that cannot be stored");
  });

  it("refuses a NUL byte in a path and in a query string", async () => {
    expect((await app.request("/campaigns/%00")).status).toBe(422);
    const search = await app.request("/api/v1/homes?q=a%00b", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(search.status).toBe(422);
    expect(((await search.json()) as { errors: Record<string, string> }).errors).toEqual({
      q: expect.stringContaining("cannot be stored"),
    });
  });

  it("refuses a lone surrogate in a JSON string, naming the field", async () => {
    const response = await post("/api/v1/homes", `{"uprn":"1","addressLine1":"\\ud800 Street"}`);
    expect(response.status).toBe(422);
    expect(Object.keys(((await response.json()) as { errors: Record<string, string> }).errors)).toEqual([
      "addressLine1",
    ]);
  });

  it("allows a proper surrogate pair (an emoji) through", async () => {
    const response = await post("/api/v1/homes", { ...home, addressLine1: "1 \ud83c\udfe0 Street" });
    expect(response.status).toBe(201);
  });

  it("bounds dates to the years the columns and date arithmetic hold", () => {
    expect(isRealDate("9999-12-31")).toBe(false);
    expect(isRealDate("0001-01-01")).toBe(false);
    expect(isRealDate("1900-01-01")).toBe(true);
    expect(isRealDate("2199-12-31")).toBe(true);
  });

  it("gives 409, never 500, when the same record is created at the same moment", async () => {
    const duplicate = { ...home, uprn: "100062150002" };
    const statuses = (await Promise.all([1, 2, 3, 4].map(() => post("/api/v1/homes", duplicate)))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
  });

  it("maps a database error code found in `cause`, as Drizzle wraps it", () => {
    const wrapped = (code: string) =>
      new Error("Failed query", { cause: Object.assign(new Error("x"), { code }) });
    expect(databaseErrorCode(wrapped("23505"))).toBe("23505");
    expect(toProblem(wrapped("23505")).status).toBe(409);
    expect(toProblem(wrapped("22008")).status).toBe(422);
    expect(toProblem(wrapped("22P05")).status).toBe(422);
    expect(toProblem(wrapped("23502")).status).toBe(422);
    expect(toProblem(wrapped("23514")).status).toBe(422);
    expect(toProblem(wrapped("23503")).status).toBe(422);
    expect(toProblem(wrapped("40001")).status).toBe(500);
    expect(toProblem(new Error("ours")).status).toBe(500);
  });
});
