import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { type Actor, isRole, type Role, roleNames } from "../access/actor.ts";
import { isOrganisationAdmin, isPlatformAdmin, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { appUser, organisation, signInEmail } from "../db/platform-schema.ts";
import { inOrganisation } from "../db/scope.ts";
import { conflict, invalid, notFound } from "../http/problem.ts";
import { hashPassword, passwordProblem } from "./passwords.ts";

export type UserRecord = typeof appUser.$inferSelect;

export type CreateUserInput = {
  organisationId: string;
  email: string;
  name: string;
  role: string;
  password: string;
  personId?: string | null;
  partnerOrganisationId?: string | null;
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only an organisation admin may add users to their organisation; only a platform admin may make platform admins. */
export function canCreateUser(actor: Actor, organisationId: string, role: Role): boolean {
  if (isPlatformAdmin(actor)) return true;
  return isOrganisationAdmin(actor) && actor.organisationId === organisationId && role !== "platform-admin";
}

export async function createUser(
  db: Db,
  actor: Actor,
  now: Date,
  input: CreateUserInput,
): Promise<UserRecord> {
  const errors: Record<string, string> = {};
  const email = input.email.trim().toLowerCase();
  if (!emailPattern.test(email))
    errors.email = "Enter an email address in the correct format, like name@example.org";
  if (!input.name.trim()) errors.name = "Enter the person's full name";
  if (!isRole(input.role)) errors.role = `Choose a role: ${Object.keys(roleNames).join(", ")}`;
  const weak = passwordProblem(input.password);
  if (weak) errors.password = weak;
  if (Object.keys(errors).length > 0) throw invalid("Check the user's details.", errors);
  const role = input.role as Role;
  requireAllowed(
    canCreateUser(actor, input.organisationId, role),
    "Only an organisation administrator can add users.",
  );

  const [org] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.id, input.organisationId));
  if (!org)
    throw notFound("Organisation not found", `There is no organisation with id ${input.organisationId}.`);
  const emailTaken = () => conflict("Email already in use", `A user with the email ${email} already exists.`);
  if (await signInEntry(db, email)) throw emailTaken();

  const passwordHash = await hashPassword(input.password);
  const id = newId(now.getTime());
  return db.transaction(async (tx) => {
    // The global look-up keeps an email unique across organisations; of two racing
    // requests for one email, the second inserts nothing here and is told so.
    const claimed = await tx
      .insert(signInEmail)
      .values({ email, organisationId: input.organisationId, userId: id })
      .onConflictDoNothing()
      .returning({ email: signInEmail.email });
    if (claimed.length === 0) throw emailTaken();
    const [user] = await tx
      .insert(appUser)
      .values({
        organisationId: input.organisationId,
        id,
        email,
        name: input.name.trim(),
        role,
        passwordHash,
        personId: input.personId ?? null,
        partnerOrganisationId: input.partnerOrganisationId ?? null,
        failedLogins: 0,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, { ...actor, organisationId: input.organisationId } as Actor, now, {
      action: "create",
      entityType: "user",
      entityId: user.id,
      summary: `Created user ${email} as ${roleNames[role]}`,
      after: { email, name: user.name, role },
    });
    return user;
  });
}

async function signInEntry(db: Db, email: string) {
  const [entry] = await db.select().from(signInEmail).where(eq(signInEmail.email, email));
  return entry;
}

/**
 * The user an email signs in as, in two routed steps: the global look-up names the
 * organisation, then the user is read within it (decision 0008).
 */
export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const entry = await signInEntry(db, email.trim().toLowerCase());
  if (!entry) return undefined;
  return findUser(db, entry.organisationId, entry.userId);
}

export async function findUser(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<UserRecord | undefined> {
  const [user] = await db
    .select()
    .from(appUser)
    .where(inOrganisation(appUser, organisationId, eq(appUser.id, userId)));
  return user;
}

export function actorForUser(
  user: Pick<
    UserRecord,
    "id" | "organisationId" | "role" | "name" | "email" | "personId" | "partnerOrganisationId"
  >,
  scopes: string[] | null = null,
): Actor {
  return {
    kind: "user",
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role as Role,
    name: user.name,
    email: user.email,
    personId: user.personId,
    partnerOrganisationId: user.partnerOrganisationId,
    scopes,
  };
}

export async function listUsers(db: Db, actor: Actor): Promise<UserRecord[]> {
  requireAllowed(isOrganisationAdmin(actor), "Only an organisation administrator can list users.");
  return db.select().from(appUser).where(inOrganisation(appUser, actor.organisationId)).orderBy(appUser.name);
}

export async function setUserPassword(
  db: Db,
  organisationId: string,
  userId: string,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db
    .update(appUser)
    .set({ passwordHash, failedLogins: 0, lockedUntil: null })
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, userId)));
}

/** The WHERE clause for users of one organisation who can still sign in, hold one of `roles` and meet `conditions`. */
export function activeInRoles(
  organisationId: string,
  roles: readonly Role[],
  ...conditions: (SQL | undefined)[]
): SQL {
  return inOrganisation(
    appUser,
    organisationId,
    inArray(appUser.role, [...roles]),
    isNull(appUser.disabledAt),
    ...conditions,
  );
}

/**
 * Users of one organisation who can still sign in and hold one of `roles`, by name: the people
 * a form may name (a case's lead officer, a grant's owner). `ids` narrows to those users.
 */
export async function activeUsersWithRoles(
  db: Db,
  organisationId: string,
  roles: readonly Role[],
  options: { ids?: string[]; limit?: number } = {},
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(activeInRoles(organisationId, roles, options.ids ? inArray(appUser.id, options.ids) : undefined))
    .orderBy(asc(appUser.name), asc(appUser.id))
    .limit(options.limit ?? 500);
}
