import { and, eq, gt, sql } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/database.ts";
import { appUser, userSession } from "../db/platform-schema.ts";
import { remembered } from "../remember.ts";
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

// The look-up behind every signed-in request, built once per database handle (a Drizzle prepared
// query, a named statement on PostgreSQL) instead of building its SQL on every request, and reading
// only the columns an actor needs (not the password hash). It still runs on every request, so
// revocation, expiry and a disabled user take effect on the next one.
function sessionLookup(db: Db) {
  return db
    .select({
      lastSeenAt: userSession.lastSeenAt,
      id: appUser.id,
      organisationId: appUser.organisationId,
      role: appUser.role,
      name: appUser.name,
      email: appUser.email,
      personId: appUser.personId,
      partnerOrganisationId: appUser.partnerOrganisationId,
      disabledAt: appUser.disabledAt,
    })
    .from(userSession)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, userSession.organisationId), eq(appUser.id, userSession.userId)),
    )
    .where(
      and(
        eq(userSession.organisationId, sql.placeholder("organisationId")),
        eq(userSession.tokenHash, sql.placeholder("tokenHash")),
        gt(userSession.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare("kith_session_lookup");
}

const sessionLookups = new WeakMap<Db, ReturnType<typeof sessionLookup>>();

// The cookie's organisation and hash are the same on every request of a session: worked out once
// per cookie (the SHA-256 is most of it), while the session row is still read on every request.
const sessionKeyOf = remembered((token: string) => tokenKey(token, sessionPrefix));

/** The actor behind a session cookie, or null when it is unknown, expired, idle too long or the user is disabled. */
export async function actorForSession(db: Db, token: string, now: Date): Promise<Actor | null> {
  const key = sessionKeyOf(token);
  if (!key) return null;
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = sessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({
    organisationId: key.organisationId,
    tokenHash: key.tokenHash,
    now: now.toISOString(),
  });
  if (!row || row.disabledAt) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > sessionIdleMs) {
    await db.delete(userSession).where(thisSession(key));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(userSession).set({ lastSeenAt: now }).where(thisSession(key));
  }
  return actorForUser(row);
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
