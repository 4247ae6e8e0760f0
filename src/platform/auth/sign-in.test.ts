import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, testPassword } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { actorForSession, destroyAllSessions, sessionAbsoluteMs } from "./sessions.ts";
import { accountLockAfter, addressLockAfter, signIn } from "./sign-in.ts";

const later = (ms: number) => new Date(testNow.getTime() + ms);

describe("sign-in", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    const org = await makeOrganisation(database.db);
    await addUser(database, org.id, "officer", "lock@example.org");
    await addUser(database, org.id, "officer", "reset@example.org");
    await addUser(database, org.id, "officer", "ok@example.org");
  });
  afterAll(async () => database.close());

  it("stores passwords as argon2id hashes, never as text", async () => {
    const [row] = await database.query<{ password_hash: string }>(
      "SELECT password_hash FROM app_user WHERE email = 'ok@example.org'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(testPassword);
  });

  it("gives the same answer for an unknown email as for a wrong password", async () => {
    const unknown = await signIn(database.db, "nobody@example.org", "whatever-password", "10.0.0.1", testNow);
    const wrong = await signIn(database.db, "ok@example.org", "wrong-password!!", "10.0.0.1", testNow);
    expect(unknown).toEqual(wrong);
    expect(unknown.ok).toBe(false);
  });

  it("locks an account after repeated wrong passwords, even for the right one, until the lock expires", async () => {
    for (let i = 0; i < accountLockAfter; i++) {
      expect(
        (await signIn(database.db, "lock@example.org", "wrong-password!!", `10.1.0.${i}`, testNow)).ok,
      ).toBe(false);
    }
    const locked = await signIn(database.db, "lock@example.org", testPassword, "10.1.1.1", later(60_000));
    expect(locked).toEqual({ ok: false, reason: expect.stringMatching(/locked/) });
    const afterLock = await signIn(
      database.db,
      "lock@example.org",
      testPassword,
      "10.1.1.1",
      later(16 * 60_000),
    );
    expect(afterLock.ok).toBe(true);
  });

  it("throttles one address that tries many accounts", async () => {
    for (let i = 0; i < addressLockAfter; i++)
      await signIn(database.db, `guess${i}@example.org`, "password-guess", "203.0.113.9", testNow);
    await expect(
      signIn(database.db, "ok@example.org", testPassword, "203.0.113.9", testNow),
    ).rejects.toMatchObject({ status: 429 });
    expect((await signIn(database.db, "ok@example.org", testPassword, "203.0.113.10", testNow)).ok).toBe(
      true,
    );
  });

  it("records sign-ins and failures in the audit log", async () => {
    const rows = await database.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE summary LIKE '%ok@example.org%'",
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["sign-in", "sign-in-failed"]));
  });

  it("expires a session after an hour idle", async () => {
    const result = await signIn(database.db, "ok@example.org", testPassword, "10.2.0.1", testNow);
    if (!result.ok) throw new Error("sign-in failed");
    expect(await actorForSession(database.db, result.token, later(30 * 60_000))).not.toBeNull();
    expect(await actorForSession(database.db, result.token, later(30 * 60_000 + 61 * 60_000))).toBeNull();
  });

  it("ends a session at its absolute limit, when the user is disabled, and when it is signed out everywhere, on the next look-up", async () => {
    await addUser(
      database,
      (await makeOrganisation(database.db, "Session Homes")).id,
      "officer",
      "ends@example.org",
    );
    const first = await signIn(database.db, "ends@example.org", testPassword, "10.4.0.1", testNow);
    if (!first.ok) throw new Error("sign-in failed");
    // Seen every 50 minutes (never idle), the session still ends at its absolute limit.
    for (let at = 50 * 60_000; at < sessionAbsoluteMs; at += 50 * 60_000)
      expect(await actorForSession(database.db, first.token, later(at))).toMatchObject({
        email: "ends@example.org",
      });
    expect(await actorForSession(database.db, first.token, later(sessionAbsoluteMs))).toBeNull();
    const second = await signIn(database.db, "ends@example.org", testPassword, "10.4.0.2", testNow);
    if (!second.ok) throw new Error("sign-in failed");
    const actor = await actorForSession(database.db, second.token, testNow);
    if (actor?.kind !== "user") throw new Error("no actor");
    expect(await destroyAllSessions(database.db, actor.organisationId, actor.userId)).toBe(2);
    expect(await actorForSession(database.db, second.token, testNow)).toBeNull();
    const third = await signIn(database.db, "ends@example.org", testPassword, "10.4.0.3", testNow);
    if (!third.ok) throw new Error("sign-in failed");
    expect(await actorForSession(database.db, third.token, testNow)).not.toBeNull();
    await database.query("UPDATE app_user SET disabled_at = $1 WHERE lower(email) = 'ends@example.org'", [
      testNow.toISOString(),
    ]);
    expect(await actorForSession(database.db, third.token, testNow)).toBeNull();
  });

  it("resets a password with a one-time link that ends every session", async () => {
    const before = await signIn(database.db, "reset@example.org", testPassword, "10.3.0.1", testNow);
    if (!before.ok) throw new Error("sign-in failed");
    const link = await requestPasswordReset(database.db, "reset@example.org", "http://kith.test", testNow);
    expect(link).toMatch(/^http:\/\/kith\.test\/reset-password\/r_/);
    const [message] = await database.query<{ body: string }>(
      "SELECT body FROM outbound_message WHERE recipient = 'reset@example.org'",
    );
    expect(message.body).toContain(link);
    const token = (link ?? "").split("/").pop() ?? "";
    await expect(resetPassword(database.db, token, "short", testNow)).rejects.toMatchObject({ status: 422 });
    await resetPassword(database.db, token, "a brand new long password", testNow);
    expect(await actorForSession(database.db, before.token, testNow)).toBeNull();
    await expect(
      resetPassword(database.db, token, "another brand new password", testNow),
    ).rejects.toMatchObject({ status: 422 });
    expect(
      (await signIn(database.db, "reset@example.org", "a brand new long password", "10.3.0.2", testNow)).ok,
    ).toBe(true);
    expect(
      await requestPasswordReset(database.db, "nobody@example.org", "http://kith.test", testNow),
    ).toBeNull();
  });
});
