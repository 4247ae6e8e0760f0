import { eq } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { organisation } from "../db/platform-schema.ts";
import { invalid } from "../http/problem.ts";

/** A token outliving a year would outlive most staff changes it is meant to follow. */
export const longestTokenDays = 366;

/** The longest lifetime, in days, a new API token of the organisation can be given. */
export async function apiTokenMaxDays(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ days: organisation.apiTokenMaxDays })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  return row?.days ?? 90;
}

/** Organisation admins choose how long their people's API tokens may live. Existing tokens keep their expiry. */
export async function setApiTokenMaxDays(db: Db, actor: Actor, now: Date, raw: string): Promise<number> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can change token lifetimes.");
  const days = /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!(days >= 1 && days <= longestTokenDays)) {
    const message = `Enter a whole number of days from 1 to ${longestTokenDays}`;
    throw invalid(message, { maxDays: message });
  }
  await db.transaction(async (tx) => {
    const before = await apiTokenMaxDays(tx, actor.organisationId);
    await tx
      .update(organisation)
      .set({ apiTokenMaxDays: days })
      .where(eq(organisation.id, actor.organisationId));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "organisation",
      entityId: actor.organisationId,
      summary: `Longest API token lifetime set to ${days} days`,
      before: { apiTokenMaxDays: before },
      after: { apiTokenMaxDays: days },
    });
  });
  return days;
}
