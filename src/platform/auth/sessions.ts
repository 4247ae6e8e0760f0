import { and, eq, gt } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/database.ts";
import { appUser, userSession } from "../db/platform-schema.ts";
import { hashToken, newSecretToken } from "./tokens.ts";
import { actorForUser } from "./users.ts";

// NCSC guidance for services holding personal data: a working-day absolute limit and a short idle limit.
export const sessionAbsoluteMs = 10 * 60 * 60 * 1000;
export const sessionIdleMs = 60 * 60 * 1000;
// Writing last_seen_at on every request would make every page view a write.
const touchEveryMs = 60 * 1000;

export async function createSession(
  db: Db,
  user: { organisationId: string; id: string },
  now: Date,
): Promise<string> {
  const token = newSecretToken("s_");
  await db.insert(userSession).values({
    tokenHash: hashToken(token),
    organisationId: user.organisationId,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionAbsoluteMs),
  });
  return token;
}

/** The actor behind a session cookie, or null when it is unknown, expired, idle too long or the user is disabled. */
export async function actorForSession(db: Db, token: string, now: Date): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: userSession, user: appUser })
    .from(userSession)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, userSession.organisationId), eq(appUser.id, userSession.userId)),
    )
    .where(and(eq(userSession.tokenHash, tokenHash), gt(userSession.expiresAt, now)));
  if (!row || row.user.disabledAt) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > sessionIdleMs) {
    await db.delete(userSession).where(eq(userSession.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(userSession).set({ lastSeenAt: now }).where(eq(userSession.tokenHash, tokenHash));
  }
  return actorForUser(row.user);
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.delete(userSession).where(eq(userSession.tokenHash, hashToken(token)));
}

/** "Sign out everywhere": ends every session of the user, on every device and server. */
export async function destroyAllSessions(db: Db, organisationId: string, userId: string): Promise<number> {
  const ended = await db
    .delete(userSession)
    .where(and(eq(userSession.organisationId, organisationId), eq(userSession.userId, userId)))
    .returning({ tokenHash: userSession.tokenHash });
  return ended.length;
}
