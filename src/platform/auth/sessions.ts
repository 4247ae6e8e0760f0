import { and, eq, gt } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/database.ts";
import { appUser, userSession } from "../db/platform-schema.ts";
import { newOrganisationToken, type TokenKey, tokenKey } from "./organisation-token.ts";
import { actorForUser } from "./users.ts";

// NCSC guidance for services holding personal data: a working-day absolute limit and a short idle limit.
export const sessionAbsoluteMs = 10 * 60 * 60 * 1000;
export const sessionIdleMs = 60 * 60 * 1000;
// Writing last_seen_at on every request would make every page view a write.
const touchEveryMs = 60 * 1000;
const sessionPrefix = "s_";

const thisSession = (key: TokenKey) =>
  and(eq(userSession.organisationId, key.organisationId), eq(userSession.tokenHash, key.tokenHash));

export async function createSession(
  db: Db,
  user: { organisationId: string; id: string },
  now: Date,
): Promise<string> {
  const { token, tokenHash } = newOrganisationToken(sessionPrefix, user.organisationId);
  await db.insert(userSession).values({
    tokenHash,
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
  const key = tokenKey(token, sessionPrefix);
  if (!key) return null;
  const [row] = await db
    .select({ session: userSession, user: appUser })
    .from(userSession)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, userSession.organisationId), eq(appUser.id, userSession.userId)),
    )
    .where(and(thisSession(key), gt(userSession.expiresAt, now)));
  if (!row || row.user.disabledAt) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > sessionIdleMs) {
    await db.delete(userSession).where(thisSession(key));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(userSession).set({ lastSeenAt: now }).where(thisSession(key));
  }
  return actorForUser(row.user);
}

export async function destroySession(db: Db, token: string): Promise<void> {
  const key = tokenKey(token, sessionPrefix);
  if (key) await db.delete(userSession).where(thisSession(key));
}

/** "Sign out everywhere": ends every session of the user, on every device and server. */
export async function destroyAllSessions(db: Db, organisationId: string, userId: string): Promise<number> {
  const ended = await db
    .delete(userSession)
    .where(and(eq(userSession.organisationId, organisationId), eq(userSession.userId, userId)))
    .returning({ tokenHash: userSession.tokenHash });
  return ended.length;
}
