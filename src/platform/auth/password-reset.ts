import { and, eq, gt, isNull } from "drizzle-orm";
import { systemActor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { outboundMessage, passwordReset } from "../db/platform-schema.ts";
import { invalid } from "../http/problem.ts";
import { revokeAllApiTokens } from "./api-tokens.ts";
import { newOrganisationToken, tokenKey } from "./organisation-token.ts";
import { passwordProblem } from "./passwords.ts";
import { destroyAllSessions } from "./sessions.ts";
import { findUserByEmail, setUserPassword } from "./users.ts";

export const resetLinkLifetimeMs = 60 * 60 * 1000;
const resetPrefix = "r_";
const usedOrExpired = "This password reset link has expired or has already been used. Ask for a new one.";

/**
 * Queues a reset link in the outbox. It answers the same whether or not the
 * email exists, so the form cannot be used to find out who has an account.
 * Returns the link (for the operator CLI and tests) when the account exists.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  baseUrl: string,
  now: Date,
): Promise<string | null> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) return null;
  const { token, tokenHash } = newOrganisationToken(resetPrefix, user.organisationId);
  const link = `${baseUrl}/reset-password/${token}`;
  await db.transaction(async (tx) => {
    await tx.insert(passwordReset).values({
      tokenHash,
      organisationId: user.organisationId,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + resetLinkLifetimeMs),
    });
    await tx.insert(outboundMessage).values({
      organisationId: user.organisationId,
      id: newId(now.getTime()),
      recipient: user.email,
      subject: "Reset your Kith password",
      body: `Use this link within 1 hour to choose a new password:\n\n${link}\n\nIf you did not ask for this, you can ignore this email.`,
      reason:
        "You got this email because someone asked to reset the password of the Kith account for this address.",
      createdAt: now,
    });
    await recordAudit(tx, systemActor(user.organisationId, "Password reset"), now, {
      action: "update",
      entityType: "user",
      entityId: user.id,
      summary: `Password reset link sent to ${user.email}`,
    });
  });
  return link;
}

export async function resetPassword(db: Db, token: string, newPassword: string, now: Date): Promise<void> {
  const weak = passwordProblem(newPassword);
  if (weak) throw invalid(weak, { password: weak });
  const key = tokenKey(token, resetPrefix);
  if (!key) throw invalid(usedOrExpired);
  await db.transaction(async (tx) => {
    // One conditional UPDATE claims the link: of two requests racing with it, only
    // one finds used_at still empty, so the password is changed once.
    const [reset] = await tx
      .update(passwordReset)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordReset.organisationId, key.organisationId),
          eq(passwordReset.tokenHash, key.tokenHash),
          gt(passwordReset.expiresAt, now),
          isNull(passwordReset.usedAt),
        ),
      )
      .returning();
    if (!reset) {
      throw invalid(usedOrExpired);
    }
    await setUserPassword(tx, reset.organisationId, reset.userId, newPassword);
    // A new password ends every existing session and API token: whoever had the old one is shut out.
    await destroyAllSessions(tx, reset.organisationId, reset.userId);
    const revoked = await revokeAllApiTokens(tx, reset.organisationId, reset.userId, now);
    await recordAudit(tx, systemActor(reset.organisationId, "Password reset"), now, {
      action: "update",
      entityType: "user",
      entityId: reset.userId,
      summary: `Password changed with a reset link; all sessions ended and ${revoked} API token${revoked === 1 ? "" : "s"} revoked`,
    });
  });
}
