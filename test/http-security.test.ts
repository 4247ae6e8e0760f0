import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHome } from "../src/modules/places/index.ts";
import { createApiToken } from "../src/platform/auth/api-tokens.ts";
import { actorForUser, findUserByEmail } from "../src/platform/auth/users.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp, TestBrowser, testPassword } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor, makeOrganisation, testNow } from "./fixtures.ts";

const validHome = {
  uprn: "100062154321",
  addressLine1: "1 Test Street",
  town: "Maidstone",
  postcode: "me15 6qx",
  tenure: "social-rent",
  laCode: "E07000110",
};

describe("HTTP security", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let ownHomeId: string;
  let otherHomeId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const mine = await makeOrganisation(database.db, "Ours");
    const theirs = await makeOrganisation(database.db, "Theirs");
    await addUser(database, mine.id, "officer", "officer@ours.example");
    await addUser(database, mine.id, "read-only", "board@ours.example");
    await addUser(database, theirs.id, "officer", "officer@theirs.example");
    ownHomeId = (await createHome(database, actorFor(mine.id, "officer"), testNow, validHome)).id;
    otherHomeId = (
      await createHome(database, actorFor(theirs.id, "officer"), testNow, {
        ...validHome,
        uprn: "100062154999",
      })
    ).id;
  });
  afterAll(async () => database.close());

  async function officerToken(name: string, scopes: string[]): Promise<string> {
    const officer = await findUserByEmail(database.db, "officer@ours.example");
    if (!officer) throw new Error("officer missing");
    return (await createApiToken(database.db, actorForUser(officer), testNow, { name, scopes })).token;
  }

  it("sends a strict Content-Security-Policy and no-store on every page", async () => {
    const response = await app.request("/sign-in");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it("refuses a form posted without a valid CSRF token and signs nobody in", async () => {
    const browser = new TestBrowser(app);
    await browser.get("/sign-in");
    const forged = await browser.post(
      "/sign-in",
      { email: "officer@ours.example", password: testPassword },
      { csrf: "forged" },
    );
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("Your form has expired");
    expect(browser.cookies.has("kith_session")).toBe(false);
  });

  it("signs in with the right password and redirects only to local paths", async () => {
    const browser = new TestBrowser(app);
    const token = await browser.csrfToken("/sign-in?next=https://evil.example/");
    const response = await browser.post(
      "/sign-in?next=//evil.example/x",
      { email: "officer@ours.example", password: testPassword },
      { csrf: token },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(browser.cookies.has("kith_session")).toBe(true);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("kith_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("answers 404, not 403, for another organisation's home, in pages and the API", async () => {
    const browser = new TestBrowser(app);
    await browser.signIn("officer@ours.example");
    expect((await browser.get(`/places/homes/${ownHomeId}`)).status).toBe(200);
    const page = await browser.get(`/places/homes/${otherHomeId}`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("100062154999");
    expect((await browser.get("/places/homes/not-a-uuid")).status).toBe(404);
  });

  it("redirects signed-out visitors to sign in, and keeps the page they wanted", async () => {
    const response = await app.request("/places/homes?search=abc");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/sign-in?next=${encodeURIComponent("/places/homes?search=abc")}`,
    );
  });

  it("answers API errors as problem+json, with field errors, and writes nothing", async () => {
    const token = await officerToken("sync", ["places:read", "places:write"]);
    const before = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM home");
    const response = await app.request("/api/v1/homes", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...validHome, uprn: "12ab", postcode: "NOT A POSTCODE", laCode: "E09999999" }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { errors: Record<string, string> };
    expect(problem.errors.uprn).toMatch(/12 digits/);
    expect(problem.errors.postcode).toMatch(/real postcode/);
    const after = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM home");
    expect(after[0].n).toBe(before[0].n);

    const malformed = await app.request("/api/v1/homes", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    const cross = await app.request(`/api/v1/homes/${otherHomeId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(cross.status).toBe(404);
    const unknownLa = await app.request("/api/v1/homes", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...validHome, uprn: "55", laCode: "E07000999" }),
    });
    expect(unknownLa.status).toBe(422);
    expect(((await unknownLa.json()) as { errors: Record<string, string> }).errors.laCode).toMatch(
      /no local authority/,
    );
  });

  it("answers a possible duplicate person with a 409 naming the records, and adds them once confirmed", async () => {
    const token = await officerToken("people sync", ["people:write"]);
    const add = (body: object) =>
      app.request("/api/v1/people", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const person = { givenName: "Ada", familyName: "Oak", dateOfBirth: "1970-01-02", personType: "resident" };
    const first = await add(person);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const again = await add(person);
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("application/json");
    expect(await again.json()).toMatchObject({
      title: "This person may already be on record",
      duplicates: [{ id, reason: "same name and date of birth" }],
    });
    expect((await add({ ...person, confirmNotDuplicate: true })).status).toBe(201);
  });

  it("limits an API token to its scopes and rejects unknown tokens", async () => {
    const token = await officerToken("read only", ["places:read"]);
    const read = await app.request("/api/v1/homes", { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const write = await app.request("/api/v1/homes", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(validHome),
    });
    expect(write.status).toBe(403);
    const people = await app.request("/api/v1/people", { headers: { authorization: `Bearer ${token}` } });
    expect(people.status).toBe(403);
    const bogus = await app.request("/api/v1/homes", { headers: { authorization: "Bearer kith_nope" } });
    expect(bogus.status).toBe(401);
  });

  it("serves an OpenAPI 3.1 document describing the API", async () => {
    const response = await app.request("/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/homes", "/homes/{id}", "/people", "/neighbourhoods"]),
    );
  });

  it("refuses an upload larger than the limit with a 413 and a clear message", async () => {
    const browser = new TestBrowser(app);
    await browser.signIn("officer@ours.example");
    const token = await browser.csrfToken("/places/homes/import");
    const form = new FormData();
    form.set("_csrf", token);
    form.set("file", new File([new Uint8Array(2 * 1024 * 1024)], "big.csv", { type: "text/csv" }));
    const response = await app.request("/places/homes/import", {
      method: "POST",
      body: form,
      headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("The file is too large");
  });

  it("lets the read-only board look but not change", async () => {
    const browser = new TestBrowser(app);
    await browser.signIn("board@ours.example");
    expect((await browser.get("/places/homes")).status).toBe(200);
    const token = await browser.csrfToken("/places/homes");
    const response = await browser.post("/places/homes/new", validHome, { csrf: token });
    expect(response.status).toBe(403);
  });

  it("ends every session with sign out everywhere", async () => {
    const first = new TestBrowser(app);
    const second = new TestBrowser(app);
    await first.signIn("officer@ours.example");
    await second.signIn("officer@ours.example");
    expect((await second.get("/places/homes")).status).toBe(200);
    await first.post("/account/sign-out-everywhere", {}, { csrf: await first.csrfToken("/account") });
    expect((await second.get("/places/homes")).status).toBe(303);
  });
});
