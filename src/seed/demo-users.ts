import type { SeedContext } from "../modules/module.ts";
import { type Role, roleNames, systemActor } from "../platform/access/actor.ts";
import { hashPassword, passwordProblem } from "../platform/auth/passwords.ts";
import type { Database } from "../platform/db/database.ts";
import { newId } from "../platform/db/ids.ts";
import { appUser, signInEmail } from "../platform/db/platform-schema.ts";
import { recordAuditBatch } from "./audit-batch.ts";

type DemoUser = { email: string; name: string; role: Role };

/**
 * The demo's users, written as `createUser` writes each one (the sign-in email claim, the
 * user, the audit entry) but in one statement per table. They all share the one demo
 * password, so it is hashed once: argon2 is slow on purpose, and nine hashes of the same
 * public password protect nothing more than one.
 */
export async function createDemoUsers(
  database: Database,
  organisationId: string,
  now: Date,
  users: readonly DemoUser[],
  password: string,
): Promise<SeedContext["users"]> {
  const weak = passwordProblem(password);
  if (weak) throw new Error(`The demo password is refused: ${weak}`);
  const [tenant] = await database.query<{ id: string }>(
    "SELECT id FROM person WHERE organisation_id = $1 AND person_type = 'tenant' ORDER BY id LIMIT 1",
    [organisationId],
  );
  const partners = await database.query<{ id: string; kind: string }>(
    "SELECT DISTINCT ON (kind) id, kind FROM partner_organisation WHERE organisation_id = $1 ORDER BY kind, name",
    [organisationId],
  );
  const partnerOf = (kind: string) => partners.find((p) => p.kind === kind)?.id ?? null;
  const links: Record<string, { personId?: string | null; partnerOrganisationId?: string | null }> = {
    tenant: { personId: tenant?.id ?? null },
    "partner-agency": { partnerOrganisationId: partnerOf("agency") },
    "community-group": { partnerOrganisationId: partnerOf("community-group") },
    supplier: { partnerOrganisationId: partnerOf("supplier") },
  };
  const passwordHash = await hashPassword(password);
  const rows = users.map((user) => ({
    organisationId,
    id: newId(now.getTime()),
    email: user.email.trim().toLowerCase(),
    name: user.name.trim(),
    role: user.role,
    passwordHash,
    personId: links[user.role]?.personId ?? null,
    partnerOrganisationId: links[user.role]?.partnerOrganisationId ?? null,
    failedLogins: 0,
    createdAt: now,
  }));
  const actor = systemActor(organisationId, "Demo seed");
  await database.db.transaction(async (tx) => {
    await tx
      .insert(signInEmail)
      .values(rows.map((row) => ({ email: row.email, organisationId, userId: row.id })));
    await tx.insert(appUser).values(rows);
    await recordAuditBatch(
      tx,
      organisationId,
      rows.map((row) => ({
        actor,
        at: now,
        entry: {
          action: "create",
          entityType: "user",
          entityId: row.id,
          summary: `Created user ${row.email} as ${roleNames[row.role]}`,
          after: { email: row.email, name: row.name, role: row.role },
        },
      })),
    );
  });
  return rows.map(({ id, email, name, role }) => ({ id, email, name, role }));
}
