import { eq } from "drizzle-orm";
import { systemActor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { appUser, loginThrottle } from "../db/platform-schema.ts";
import { tooManyRequests } from "../http/problem.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { createSession } from "./sessions.ts";
import { actorForUser, findUserByEmail } from "./users.ts";

// After 5 wrong passwords an account is locked for 15 minutes; an address that
// tries 20 wrong passwords in 15 minutes (across accounts) is slowed the same way.
export const accountLockAfter = 5;
export const addressLockAfter = 20;
export const lockMs = 15 * 60 * 1000;
const windowMs = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; token: string; userId: string; organisationId: string }
  | { ok: false; reason: string };

const wrongDetails = "Enter a correct email address and password";

async function throttleBlocked(db: Db, key: string, now: Date): Promise<boolean> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

async function countFailure(db: Db, key: string, limit: number, now: Date): Promise<void> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const values = {
    key,
    failures,
    windowStartedAt: fresh ? now : row.windowStartedAt,
    lockedUntil: failures >= limit ? new Date(now.getTime() + lockMs) : null,
  };
  await db
    .insert(loginThrottle)
    .values(values)
    .onConflictDoUpdate({ target: loginThrottle.key, set: values });
}

export async function signIn(
  db: Db,
  email: string,
  password: string,
  address: string,
  now: Date,
): Promise<SignInResult> {
  const addressKey = `address:${address}`;
  if (await throttleBlocked(db, addressKey, now)) {
    throw tooManyRequests(
      "There have been too many sign-in attempts from your network. Wait 15 minutes and try again.",
    );
  }
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) {
    await verifyAgainstDummy(password);
    await countFailure(db, addressKey, addressLockAfter, now);
    return { ok: false, reason: wrongDetails };
  }
  const system = systemActor(user.organisationId, "Sign-in");
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, system, now, {
      action: "sign-in-failed",
      entityType: "user",
      entityId: user.id,
      summary: `Sign-in refused for ${user.email}: account locked`,
    });
    return {
      ok: false,
      reason:
        "This account is locked after too many wrong passwords. Wait 15 minutes or reset your password.",
    };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failedLogins = user.failedLogins + 1;
    const locked = failedLogins >= accountLockAfter;
    await db
      .update(appUser)
      .set({
        failedLogins: locked ? 0 : failedLogins,
        lockedUntil: locked ? new Date(now.getTime() + lockMs) : null,
      })
      .where(eq(appUser.id, user.id));
    await countFailure(db, addressKey, addressLockAfter, now);
    await recordAudit(db, system, now, {
      action: "sign-in-failed",
      entityType: "user",
      entityId: user.id,
      summary: `Wrong password for ${user.email}${locked ? "; account locked for 15 minutes" : ""}`,
    });
    return { ok: false, reason: wrongDetails };
  }
  await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
  const token = await createSession(db, user, now);
  await recordAudit(db, actorForUser(user), now, {
    action: "sign-in",
    entityType: "user",
    entityId: user.id,
    summary: `${user.email} signed in`,
  });
  return { ok: true, token, userId: user.id, organisationId: user.organisationId };
}
