import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, testPassword } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { RateLimited } from "./rate-limit.ts";
import { accountLockAfter, signIn } from "./sign-in.ts";

// Issue 18 finding 1: parallel requests used to overwrite each other's failure
// counts, so 30 parallel guesses had 60 passwords checked and the right one got in.
describe("sign-in under parallel attack", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    const org = await makeOrganisation(database.db);
    await addUser(database, org.id, "officer", "burst@example.org");
    await addUser(database, org.id, "officer", "mixed@example.org");
  });
  afterAll(async () => database.close());

  const checkedPasswords = async (email: string) =>
    (
      await database.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM audit_log WHERE summary LIKE $1",
        [`Wrong password for ${email}%`],
      )
    )[0].count;

  it("checks at most 5 of 30 parallel wrong passwords, then locks the account", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(database.db, "burst@example.org", `wrong-password-${i}`, `198.51.100.${i}`, testNow),
      ),
    );
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(await checkedPasswords("burst@example.org")).toBeLessThanOrEqual(accountLockAfter);
    const [user] = await database.query<{ locked_until: Date | null }>(
      "SELECT locked_until FROM app_user WHERE email = 'burst@example.org'",
    );
    expect(user.locked_until).not.toBeNull();
    const later = await signIn(database.db, "burst@example.org", testPassword, "198.51.100.200", testNow);
    expect(later).toEqual({ ok: false, reason: expect.stringMatching(/locked/) });
  });

  it("does not sign in the right password sent after 29 wrong ones in one burst", async () => {
    const attempts = Array.from({ length: 29 }, (_, i) => `wrong-password-${i}`);
    const results = await Promise.all(
      [...attempts, testPassword].map((password, i) =>
        signIn(database.db, "mixed@example.org", password, `192.0.2.${i}`, testNow),
      ),
    );
    expect(results.filter((result) => result.ok)).toEqual([]);
    expect(results.at(-1)).toEqual({ ok: false, reason: expect.stringMatching(/locked/) });
    expect(await checkedPasswords("mixed@example.org")).toBeLessThanOrEqual(accountLockAfter);
  });

  it("counts every parallel failure from one address: exactly the limit gets through", async () => {
    const limit = { max: 3, windowMs: 15 * 60_000 };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        signIn(database.db, `nobody${i}@example.org`, "password-guess", "203.0.113.50", testNow, limit).then(
          () => "checked",
          (error: unknown) => (error instanceof RateLimited ? "limited" : String(error)),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "checked")).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === "limited")).toHaveLength(7);
    // Another address is not affected by this one's limit.
    const other = await signIn(
      database.db,
      "nobody@example.org",
      "password-guess",
      "203.0.113.51",
      testNow,
      limit,
    );
    expect(other.ok).toBe(false);
  });

  it("gives a successful sign-in its address try back, so colleagues behind one address are not limited", async () => {
    const limit = { max: 2, windowMs: 15 * 60_000 };
    const org = await makeOrganisation(database.db, "Office");
    await addUser(database, org.id, "officer", "colleague@example.org");
    for (let i = 0; i < 4; i++) {
      const result = await signIn(
        database.db,
        "colleague@example.org",
        testPassword,
        "203.0.113.60",
        testNow,
        limit,
      );
      expect(result.ok).toBe(true);
    }
  });
});
