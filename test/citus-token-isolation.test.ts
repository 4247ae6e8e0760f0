import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorForApiToken, createApiToken } from "../src/platform/auth/api-tokens.ts";
import { requestPasswordReset, resetPassword } from "../src/platform/auth/password-reset.ts";
import { actorForSession, createSession } from "../src/platform/auth/sessions.ts";
import { signIn } from "../src/platform/auth/sign-in.ts";
import { actorForUser, type UserRecord } from "../src/platform/auth/users.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { addUser, buildTestApp, testPassword } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { makeOrganisation, problemOf, testNow } from "./fixtures.ts";

// Issue 14, bad input: "A token from one organisation never opens another's session."
// Tokens carry their organisation (decision 0008); the stored hash covers that part too.

/** The token with its organisation part (22 characters after the prefix) taken from `other`. */
function withOrganisationOf(token: string, other: string, prefix: string): string {
  const part = (value: string) => value.slice(prefix.length, prefix.length + 22);
  return token.replace(part(token), part(other));
}

describe("a token from one organisation", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let ours: UserRecord;
  let theirs: UserRecord;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const ourOrganisation = await makeOrganisation(database.db, "Weald Homes");
    const theirOrganisation = await makeOrganisation(database.db, "Medway Living");
    ours = await addUser(database, ourOrganisation.id, "officer", "ours@weald.example");
    theirs = await addUser(database, theirOrganisation.id, "officer", "theirs@medway.example");
  });
  afterAll(async () => database.close());

  it("names its own organisation, and opens a session there", async () => {
    const token = await createSession(database.db, ours, testNow);
    expect(token).toMatch(/^s_[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect((await actorForSession(database.db, token, testNow))?.organisationId).toBe(ours.organisationId);
  });

  it("never opens another organisation's session, with its organisation part swapped or not", async () => {
    const our = await createSession(database.db, ours, testNow);
    const their = await createSession(database.db, theirs, testNow);
    const swapped = withOrganisationOf(our, their, "s_");
    expect(swapped).not.toBe(our);
    expect(await actorForSession(database.db, swapped, testNow)).toBeNull();
    expect(await actorForSession(database.db, withOrganisationOf(their, our, "s_"), testNow)).toBeNull();
    const page = await app.request("/places/homes", { headers: { cookie: `kith_session=${swapped}` } });
    expect(page.status).not.toBe(200);
    expect(await page.text()).not.toContain("Medway Living");
  });

  it("refuses garbled session cookies without an error", async () => {
    for (const cookie of ["s_", "s_abc.def", `s_${"A".repeat(22)}.${"B".repeat(43)}`, "x".repeat(500)])
      expect(await actorForSession(database.db, cookie, testNow)).toBeNull();
  });

  it("never works as another organisation's API token", async () => {
    const our = await createApiToken(database.db, actorForUser(ours), testNow, {
      name: "sync",
      scopes: ["places:read"],
    });
    const their = await createApiToken(database.db, actorForUser(theirs), testNow, {
      name: "sync",
      scopes: ["places:read"],
    });
    expect((await actorForApiToken(database.db, our.token, testNow))?.organisationId).toBe(
      ours.organisationId,
    );
    const swapped = withOrganisationOf(our.token, their.token, "kith_");
    expect(await actorForApiToken(database.db, swapped, testNow)).toBeNull();
    const response = await app.request("/api/v1/places/homes", {
      headers: { authorization: `Bearer ${swapped}` },
    });
    expect(response.status).toBe(401);
  });

  it("never resets another organisation's password", async () => {
    const ourLink = await requestPasswordReset(database.db, ours.email, "https://kith.example", testNow);
    const theirLink = await requestPasswordReset(database.db, theirs.email, "https://kith.example", testNow);
    if (!ourLink || !theirLink) throw new Error("Both users exist, so both links are made.");
    const token = (link: string) => link.slice(link.lastIndexOf("/") + 1);
    const swapped = withOrganisationOf(token(ourLink), token(theirLink), "r_");
    const refused = await problemOf(
      resetPassword(database.db, swapped, "a new long passphrase here", testNow),
    );
    expect(refused.status).toBe(422);
    // Both passwords are unchanged: the old one still signs each user in.
    for (const user of [ours, theirs])
      expect(await signIn(database.db, user.email, testPassword, "203.0.113.9", testNow)).toMatchObject({
        ok: true,
      });
  });
});
