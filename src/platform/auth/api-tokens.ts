import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { isOfficerOrAbove, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { apiToken, appUser } from "../db/platform-schema.ts";
import { inOrganisation } from "../db/scope.ts";
import { invalid } from "../http/problem.ts";
import { hashToken, newSecretToken } from "./tokens.ts";
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

export async function createApiToken(
  db: Db,
  actor: Actor,
  now: Date,
  input: { name: string; scopes: string[] },
): Promise<{ id: string; token: string }> {
  requireAllowed(
    actor.kind === "user" && (isOfficerOrAbove(actor) || actor.role === "partner-agency"),
    "Only staff and partner agencies can create API tokens.",
  );
  if (actor.kind !== "user") throw invalid("API tokens belong to users.");
  const unknown = input.scopes.filter((scope) => !allScopes.includes(scope));
  const errors: Record<string, string> = {};
  if (!input.name.trim()) errors.name = "Enter a name for the token, like 'Housing system sync'";
  if (input.scopes.length === 0) errors.scopes = "Choose at least one scope";
  if (unknown.length > 0) errors.scopes = `Unknown scopes: ${unknown.join(", ")}`;
  if (Object.keys(errors).length > 0) throw invalid("Check the token's details.", errors);
  const token = newSecretToken("kith_");
  const id = newId(now.getTime());
  await db.transaction(async (tx) => {
    await tx.insert(apiToken).values({
      organisationId: actor.organisationId,
      id,
      userId: actor.userId,
      name: input.name.trim(),
      tokenHash: hashToken(token),
      scopes: input.scopes,
      createdAt: now,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "api-token",
      entityId: id,
      summary: `Created API token "${input.name.trim()}"`,
      after: { scopes: input.scopes },
    });
  });
  return { id, token };
}

/** The actor for a bearer token: the token's user, narrowed to the token's scopes. */
export async function actorForApiToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select({ token: apiToken, user: appUser })
    .from(apiToken)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, apiToken.organisationId), eq(appUser.id, apiToken.userId)),
    )
    .where(and(eq(apiToken.tokenHash, hashToken(token)), isNull(apiToken.revokedAt)));
  if (!row || row.user.disabledAt) return null;
  await db
    .update(apiToken)
    .set({ lastUsedAt: now })
    .where(inOrganisation(apiToken, row.token.organisationId, eq(apiToken.id, row.token.id)));
  return actorForUser(row.user, row.token.scopes);
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
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(inOrganisation(apiToken, actor.organisationId, eq(apiToken.userId, actor.userId)))
    .orderBy(apiToken.createdAt);
}
