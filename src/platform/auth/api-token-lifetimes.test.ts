import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "../http/app-env.ts";
import { setApiTokenMaxDays } from "./api-token-settings.ts";
import { createApiToken } from "./api-tokens.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { actorForUser, findUserByEmail } from "./users.ts";

const day = 24 * 60 * 60 * 1000;

// Issue 18 finding 5: API tokens never expired and survived a password reset and "sign out everywhere".
describe("API token lifetimes", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let now = testNow;
  const at = (ms: number) => new Date(testNow.getTime() + ms);

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database, () => now, { limits: { "api-token": { max: 3, windowMs: 60_000 } } });
    const org = await makeOrganisation(database.db);
    for (const name of ["expiry", "reset", "everywhere", "used", "limit"])
      await addUser(database, org.id, "officer", `${name}@example.org`);
    await addUser(database, org.id, "organisation-admin", "admin@example.org");
  });
  afterAll(async () => database.close());

  async function actor(email: string) {
    const user = await findUserByEmail(database.db, email);
    if (!user) throw new Error(`${email} missing`);
    return actorForUser(user);
  }
  async function tokenFor(email: string, expiresInDays?: number) {
    return createApiToken(database.db, await actor(email), testNow, {
      name: `${email} sync`,
      scopes: ["places:read"],
      expiresInDays,
    });
  }
  const call = (token: string) =>
    app.request("/api/v1/homes", { headers: { authorization: `Bearer ${token}` } });

  it("gives a token the expiry chosen at creation and refuses it afterwards with a clear 401", async () => {
    const created = await tokenFor("expiry@example.org", 10);
    expect(created.expiresAt).toEqual(at(10 * day));
    now = at(10 * day - 1000);
    expect((await call(created.token)).status).toBe(200);
    now = at(10 * day);
    const expired = await call(created.token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ title: "The API token has expired" });
    now = testNow;
  });

  it("bounds the expiry by the organisation's maximum, which only its admin can change", async () => {
    expect((await tokenFor("expiry@example.org")).expiresAt).toEqual(at(90 * day));
    const tooLong = await problemOf(tokenFor("expiry@example.org", 91));
    expect(tooLong.status).toBe(422);
    expect(tooLong.fieldErrors?.expiresInDays).toContain("from 1 to 90");
    expect(
      (await problemOf(setApiTokenMaxDays(database.db, await actor("expiry@example.org"), testNow, "120")))
        .status,
    ).toBe(403);
    expect(
      (await problemOf(setApiTokenMaxDays(database.db, await actor("admin@example.org"), testNow, "0")))
        .status,
    ).toBe(422);
    await setApiTokenMaxDays(database.db, await actor("admin@example.org"), testNow, "120");
    expect((await tokenFor("expiry@example.org", 91)).expiresAt).toEqual(at(91 * day));
  });

  it("revokes the user's tokens when the password is reset with a link", async () => {
    const { token } = await tokenFor("reset@example.org");
    expect((await call(token)).status).toBe(200);
    const link = await requestPasswordReset(
      database.db,
      "reset@example.org",
      "https://kith.example.org",
      testNow,
    );
    await resetPassword(
      database.db,
      (link ?? "").split("/").pop() ?? "",
      "a long new password here",
      testNow,
    );
    expect((await call(token)).status).toBe(401);
  });

  it("tells the user beforehand that signing out everywhere revokes their tokens, then revokes them", async () => {
    const { token } = await tokenFor("everywhere@example.org");
    const browser = new TestBrowser(app);
    await browser.signIn("everywhere@example.org");
    const confirm = await (await browser.get("/account/sign-out-everywhere")).text();
    expect(confirm).toContain("revokes your 1 API token (everywhere@example.org sync)");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(confirm)?.[1] ?? "";
    expect((await browser.post("/account/sign-out-everywhere", {}, { csrf })).status).toBe(303);
    expect((await call(token)).status).toBe(401);
  });

  it("records the last use at most once a minute and shows it on the account page", async () => {
    const { token, id } = await tokenFor("used@example.org");
    const lastUsed = async () =>
      (
        await database.query<{ last_used_at: Date }>("SELECT last_used_at FROM api_token WHERE id = $1", [id])
      )[0].last_used_at;
    now = at(5 * 60_000);
    await call(token);
    now = at(5 * 60_000 + 30_000);
    await call(token);
    expect(new Date(await lastUsed())).toEqual(at(5 * 60_000));
    now = at(6 * 60_000 + 1000);
    await call(token);
    expect(new Date(await lastUsed())).toEqual(at(6 * 60_000 + 1000));
    const browser = new TestBrowser(app);
    await browser.signIn("used@example.org");
    const page = await (await browser.get("/account")).text();
    expect(page).toContain("Last used");
    expect(page).not.toMatch(/used@example\.org sync<\/td>(?:(?!<\/tr>).)*Never/s);
    now = testNow;
  });

  it("limits how often one token can call, with 429 problem+json and Retry-After", async () => {
    const { token } = await tokenFor("limit@example.org");
    now = at(day);
    for (let i = 0; i < 3; i++) expect((await call(token)).status).toBe(200);
    const limited = await call(token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const { token: other } = await tokenFor("limit@example.org");
    expect((await call(other)).status).toBe(200);
    now = testNow;
  });
});
