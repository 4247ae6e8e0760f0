import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { type Actor, systemActor } from "../access/actor.ts";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { appUser, organisation, outboundMessage, userInvitation } from "../db/platform-schema.ts";
import { invalid, notFound } from "../http/problem.ts";
import { newOrganisationToken, tokenKey } from "./organisation-token.ts";
import { passwordProblem } from "./passwords.ts";
import { createUser, findUser, setUserPassword, type UserRecord } from "./users.ts";

// A new user chooses their own password through a single-use link: nobody else ever knows it, and
// an administrator never types one and passes it on. The link is consumed by one conditional
// UPDATE, so two people racing with it get one success (issue 18 item 4).

export const invitationLifetimeDays = 7;
const invitationPrefix = "i_";
const usedOrExpired =
  "This invitation link has expired or has already been used. Ask your administrator to send a new one.";

export type InvitationInput = { email: string; name: string; role: string };

/** Adds a user who signs in only after choosing a password through the emailed link. */
export async function inviteUser(
  db: Db,
  actor: Actor,
  now: Date,
  input: InvitationInput,
  publicUrl: string,
): Promise<{ user: UserRecord; link: string }> {
  // The account starts with a random password nobody is told, so it cannot be signed into until
  // the invitation is accepted; createUser checks the role, the email and the actor's rights.
  const unusable = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const user = await createUser(tx, actor, now, {
      organisationId: actor.organisationId,
      ...input,
      password: unusable,
    });
    const link = await sendInvitation(tx, actor, now, user, publicUrl);
    return { user, link };
  });
}

/** A new link for someone who has not accepted yet; any earlier link stops working. */
export async function resendInvitation(
  db: Db,
  actor: Actor,
  now: Date,
  userId: string,
  publicUrl: string,
): Promise<string> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can send invitations.");
  const user = await findUser(db, actor.organisationId, userId).catch(() => undefined);
  if (!user || user.disabledAt) throw notFound("User not found");
  const status = await invitationStatuses(db, actor.organisationId, now);
  if (!status.has(user.id))
    throw invalid("This user has already chosen a password.", {
      user: `${user.name} has already accepted their invitation. They can reset their password from the sign-in page.`,
    });
  return db.transaction(async (tx) => {
    await tx
      .update(userInvitation)
      .set({ usedAt: now })
      .where(
        and(
          eq(userInvitation.organisationId, actor.organisationId),
          eq(userInvitation.userId, user.id),
          isNull(userInvitation.usedAt),
        ),
      );
    return sendInvitation(tx, actor, now, user, publicUrl);
  });
}

async function sendInvitation(db: Db, actor: Actor, now: Date, user: UserRecord, publicUrl: string) {
  const { token, tokenHash } = newOrganisationToken(invitationPrefix, user.organisationId);
  const link = `${publicUrl}/invitation/${token}`;
  const [org] = await db
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, user.organisationId));
  await db.insert(userInvitation).values({
    organisationId: user.organisationId,
    tokenHash,
    userId: user.id,
    invitedByUserId: actor.kind === "user" ? actor.userId : null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + invitationLifetimeDays * 24 * 60 * 60 * 1000),
  });
  await db.insert(outboundMessage).values({
    organisationId: user.organisationId,
    id: newId(now.getTime()),
    recipient: user.email,
    subject: `You have been invited to Kith for ${org?.name ?? "your organisation"}`,
    body: `Hello ${user.name},\n\nYou have been given a Kith account for ${org?.name ?? "your organisation"}. Use this link within ${invitationLifetimeDays} days to choose your password:\n\n${link}\n\nThen sign in with this email address.`,
    reason: "You got this email because an administrator added you as a Kith user.",
    createdAt: now,
  });
  await recordAudit(db, actor, now, {
    action: "update",
    entityType: "user",
    entityId: user.id,
    summary: `Invitation sent to ${user.email}`,
  });
  return link;
}

/** Users who have never accepted an invitation, with whether a link is still live for them. */
export async function invitationStatuses(
  db: Db,
  organisationId: string,
  now: Date,
): Promise<Map<string, "invited" | "expired">> {
  const rows = await db
    .select({
      userId: userInvitation.userId,
      accepted: userInvitation.accepted,
      usedAt: userInvitation.usedAt,
      expiresAt: userInvitation.expiresAt,
    })
    .from(userInvitation)
    .where(eq(userInvitation.organisationId, organisationId));
  const accepted = new Set(rows.filter((row) => row.accepted).map((row) => row.userId));
  const statuses = new Map<string, "invited" | "expired">();
  for (const row of rows) {
    if (accepted.has(row.userId)) continue;
    const live = row.usedAt === null && row.expiresAt > now;
    if (live || !statuses.has(row.userId)) statuses.set(row.userId, live ? "invited" : "expired");
  }
  return statuses;
}

/** Accepts an invitation: the user's password is set and the link is spent, once. */
export async function acceptInvitation(db: Db, token: string, password: string, now: Date): Promise<void> {
  const weak = passwordProblem(password);
  if (weak) throw invalid(weak, { password: weak });
  const key = tokenKey(token, invitationPrefix);
  if (!key) throw invalid(usedOrExpired);
  await db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(userInvitation)
      .set({ usedAt: now, accepted: true })
      .where(
        and(
          eq(userInvitation.organisationId, key.organisationId),
          eq(userInvitation.tokenHash, key.tokenHash),
          gt(userInvitation.expiresAt, now),
          isNull(userInvitation.usedAt),
        ),
      )
      .returning();
    if (!invitation) throw invalid(usedOrExpired);
    const [user] = await tx
      .select({ disabledAt: appUser.disabledAt })
      .from(appUser)
      .where(and(eq(appUser.organisationId, invitation.organisationId), eq(appUser.id, invitation.userId)));
    // A user disabled after the invitation was sent keeps no way in.
    if (!user || user.disabledAt) throw invalid(usedOrExpired);
    await setUserPassword(tx, invitation.organisationId, invitation.userId, password);
    await recordAudit(tx, systemActor(invitation.organisationId, "Invitation"), now, {
      action: "update",
      entityType: "user",
      entityId: invitation.userId,
      summary: "Invitation accepted and password chosen",
    });
  });
}
