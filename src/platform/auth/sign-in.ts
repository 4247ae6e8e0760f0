import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { systemActor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { appUser } from "../db/platform-schema.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { defaultLimits, type Limit, RateLimited, releaseSlot, takeSlot } from "./rate-limit.ts";
import { createSession } from "./sessions.ts";
import { actorForUser, findUserByEmail } from "./users.ts";

// After 5 wrong passwords an account is locked for 15 minutes; an address that
// tries 20 wrong passwords in 15 minutes (across accounts) is slowed the same way.
export const accountLockAfter = 5;
export const addressLockAfter = defaultLimits["sign-in"].max;
export const lockMs = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; token: string; userId: string; organisationId: string }
  | { ok: false; reason: string };

const wrongDetails = "Enter a correct email address and password";
const lockedDetails =
  "This account is locked after too many wrong passwords. Wait 15 minutes or reset your password.";

type User = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;
const thisUser = (user: User) =>
  and(eq(appUser.organisationId, user.organisationId), eq(appUser.id, user.id));

/**
 * Takes one of the account's 5 tries in a single conditional UPDATE, before any
 * password is checked. A try counts as a failure until the password proves right,
 * so 30 parallel guesses get 5 tries between them and the rest are refused.
 */
async function takeAccountTry(db: Db, user: User, now: Date): Promise<boolean> {
  const taken = await db
    .update(appUser)
    .set({ failedLogins: sql`${appUser.failedLogins} + 1` })
    .where(
      and(
        thisUser(user),
        lt(appUser.failedLogins, accountLockAfter),
        or(isNull(appUser.lockedUntil), lte(appUser.lockedUntil, now)),
      ),
    )
    .returning({ failedLogins: appUser.failedLogins });
  return taken.length > 0;
}

/** Once every try is used, the account locks for 15 minutes and the count starts again afterwards. */
async function lockIfTriesUsed(db: Db, user: User, now: Date): Promise<boolean> {
  const locked = await db
    .update(appUser)
    .set({ failedLogins: 0, lockedUntil: new Date(now.getTime() + lockMs) })
    .where(
      and(
        thisUser(user),
        sql`${appUser.failedLogins} >= ${accountLockAfter}`,
        or(isNull(appUser.lockedUntil), lte(appUser.lockedUntil, now)),
      ),
    )
    .returning({ id: appUser.id });
  return locked.length > 0;
}

export async function signIn(
  db: Db,
  email: string,
  password: string,
  address: string,
  now: Date,
  addressLimit: Limit = defaultLimits["sign-in"],
): Promise<SignInResult> {
  const addressKey = `sign-in:${address}`;
  const addressTry = await takeSlot(db, addressKey, addressLimit, now);
  if (!addressTry.allowed) throw new RateLimited("sign-in", addressTry.retryAfterSeconds);
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) {
    await verifyAgainstDummy(password);
    return { ok: false, reason: wrongDetails };
  }
  const system = systemActor(user.organisationId, "Sign-in");
  if (!(await takeAccountTry(db, user, now))) {
    await lockIfTriesUsed(db, user, now);
    await recordAudit(db, system, now, {
      action: "sign-in-failed",
      entityType: "user",
      entityId: user.id,
      summary: `Sign-in refused for ${user.email}: account locked`,
    });
    return { ok: false, reason: lockedDetails };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const locked = await lockIfTriesUsed(db, user, now);
    await recordAudit(db, system, now, {
      action: "sign-in-failed",
      entityType: "user",
      entityId: user.id,
      summary: `Wrong password for ${user.email}${locked ? "; account locked for 15 minutes" : ""}`,
    });
    return { ok: false, reason: wrongDetails };
  }
  await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(thisUser(user));
  await releaseSlot(db, addressKey);
  const token = await createSession(db, user, now);
  await recordAudit(db, actorForUser(user), now, {
    action: "sign-in",
    entityType: "user",
    entityId: user.id,
    summary: `${user.email} signed in`,
  });
  return { ok: true, token, userId: user.id, organisationId: user.organisationId };
}
