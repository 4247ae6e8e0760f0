import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { isOfficerOrAbove, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { apiToken, appUser } from "../db/platform-schema.ts";
import { inOrganisation } from "../db/scope.ts";
import { invalid } from "../http/problem.ts";
import { apiTokenMaxDays } from "./api-token-settings.ts";
import { newOrganisationToken, tokenKey } from "./organisation-token.ts";
import { hashToken } from "./tokens.ts";
import { actorForUser } from "./users.ts";

/** Areas of the API a token can be given, each as `area:read` or `area:write`. */
export const apiAreas = [
  "places",
  "people",
  "safety",
  "investment",
  "impact",
  "grants",
  "crowdfunding",
  "budgeting",
  "exchange",
  "volunteering",
  "audit",
] as const;

export const allScopes: string[] = apiAreas.flatMap((area) => [`${area}:read`, `${area}:write`]);

/** The scopes this user may give a token: suppliers pledge and read tenders through the exchange only. */
export function scopesFor(actor: Actor): string[] {
  if (actor.kind === "user" && actor.role === "supplier")
    return allScopes.filter((s) => s.startsWith("exchange:"));
  return allScopes;
}

const dayMs = 24 * 60 * 60 * 1000;
// Writing last_used_at on every API call would make every read a write.
const touchEveryMs = 60 * 1000;
const apiTokenPrefix = "kith_";

export async function createApiToken(
  db: Db,
  actor: Actor,
  now: Date,
  input: { name: string; scopes: string[]; expiresInDays?: number },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  // Suppliers need a token too: the pledge operation is for them (issue 18 item 11).
  requireAllowed(
    actor.kind === "user" &&
      (isOfficerOrAbove(actor) || actor.role === "partner-agency" || actor.role === "supplier"),
    "Only staff, partner agencies and suppliers can create API tokens.",
  );
  if (actor.kind !== "user") throw invalid("API tokens belong to users.");
  const allowed = scopesFor(actor);
  const unknown = input.scopes.filter((scope) => !allowed.includes(scope));
  const errors: Record<string, string> = {};
  if (!input.name.trim()) errors.name = "Enter a name for the token, like 'Housing system sync'";
  if (input.scopes.length === 0) errors.scopes = "Choose at least one scope";
  if (unknown.length > 0) errors.scopes = `Unknown scopes: ${unknown.join(", ")}`;
  const maxDays = await apiTokenMaxDays(db, actor.organisationId);
  const days = input.expiresInDays ?? maxDays;
  if (!Number.isInteger(days) || days < 1 || days > maxDays)
    errors.expiresInDays = `Enter a whole number of days from 1 to ${maxDays}, your organisation's longest token lifetime`;
  if (Object.keys(errors).length > 0) throw invalid("Check the token's details.", errors);
  const expiresAt = new Date(now.getTime() + days * dayMs);
  const { token, tokenHash } = newOrganisationToken(apiTokenPrefix, actor.organisationId);
  const id = newId(now.getTime());
  await db.transaction(async (tx) => {
    await tx.insert(apiToken).values({
      organisationId: actor.organisationId,
      id,
      userId: actor.userId,
      name: input.name.trim(),
      tokenHash,
      scopes: input.scopes,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "api-token",
      entityId: id,
      summary: `Created API token "${input.name.trim()}"`,
      after: { scopes: input.scopes, expiresAt: expiresAt.toISOString() },
    });
  });
  return { id, token, expiresAt };
}

/**
 * Tokens carry their organisation (decision 0008), so the look-up goes to one shard. Tokens
 * made before migration 0900 have no organisation part; they are still found by hash alone
 * (every shard on Citus) until they expire, because an API client cannot be re-issued one.
 */
function thisToken(token: string) {
  const key = tokenKey(token, apiTokenPrefix);
  if (!key) return eq(apiToken.tokenHash, hashToken(token));
  return and(eq(apiToken.organisationId, key.organisationId), eq(apiToken.tokenHash, key.tokenHash));
}

export type TokenCheck = { actor: Actor; tokenId: string } | { refused: "unknown" | "expired" };

/**
 * The actor for a bearer token: the token's user, narrowed to the token's scopes.
 * An expired token is told apart from an unknown one so the client can be told to renew it.
 */
export async function checkApiToken(db: Db, token: string, now: Date): Promise<TokenCheck> {
  const [row] = await db
    .select({ token: apiToken, user: appUser })
    .from(apiToken)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, apiToken.organisationId), eq(appUser.id, apiToken.userId)),
    )
    .where(and(thisToken(token), isNull(apiToken.revokedAt)));
  if (!row || row.user.disabledAt) return { refused: "unknown" };
  if (row.token.expiresAt <= now) return { refused: "expired" };
  const lastUsed = row.token.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (now.getTime() - lastUsed >= touchEveryMs) {
    await db
      .update(apiToken)
      .set({ lastUsedAt: now })
      .where(inOrganisation(apiToken, row.token.organisationId, eq(apiToken.id, row.token.id)));
  }
  return { actor: actorForUser(row.user, row.token.scopes), tokenId: row.token.id };
}

/** The actor for a bearer token, or null when it is unknown, revoked or expired. */
export async function actorForApiToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const checked = await checkApiToken(db, token, now);
  return "actor" in checked ? checked.actor : null;
}

/** Revokes every live token of a user: after a password reset or "sign out everywhere". */
export async function revokeAllApiTokens(
  db: Db,
  organisationId: string,
  userId: string,
  now: Date,
): Promise<number> {
  const revoked = await db
    .update(apiToken)
    .set({ revokedAt: now })
    .where(inOrganisation(apiToken, organisationId, eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id });
  return revoked.length;
}

export async function revokeApiToken(db: Db, actor: Actor, now: Date, tokenId: string): Promise<boolean> {
  const revoked = await db
    .update(apiToken)
    .set({ revokedAt: now })
    .where(
      inOrganisation(
        apiToken,
        actor.organisationId,
        eq(apiToken.id, tokenId),
        actor.kind === "user" ? eq(apiToken.userId, actor.userId) : undefined,
      ),
    )
    .returning({ id: apiToken.id });
  if (revoked.length > 0) {
    await recordAudit(db, actor, now, {
      action: "update",
      entityType: "api-token",
      entityId: tokenId,
      summary: "Revoked API token",
    });
  }
  return revoked.length > 0;
}

export async function listApiTokens(db: Db, actor: Actor) {
  if (actor.kind !== "user") return [];
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      scopes: apiToken.scopes,
      createdAt: apiToken.createdAt,
      expiresAt: apiToken.expiresAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(inOrganisation(apiToken, actor.organisationId, eq(apiToken.userId, actor.userId)))
    .orderBy(apiToken.createdAt);
}
