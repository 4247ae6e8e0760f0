import { desc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { getSafetySettings, londonDay } from "../domain/settings.ts";
import { canWorkCases } from "../policy.ts";
import { safetyCase, safetyParty } from "../schema.ts";
import { incidentCounts } from "./repeats.ts";

export type PersonSafetyHistory = {
  key: string;
  name: string;
  repeatVictim: boolean;
  repeatPerpetrator: boolean;
  incidents: { victim: number; perpetrator: number };
  window: { months: number; minIncidents: number };
  cases: {
    id: string;
    reference: string;
    role: string;
    category: string;
    openedOn: string;
    closedOn: string | null;
  }[];
};

/**
 * One person's community safety history (a Kith person id, or an imported party's stable
 * reference): every case they are a party to, and whether they are a repeat victim or perpetrator now.
 */
export async function personSafetyHistory(
  db: Db,
  actor: Actor,
  now: Date,
  key: string,
): Promise<PersonSafetyHistory> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see a person's cases.");
  const byPerson = isUuid(key);
  const parties = await db
    .select({
      role: safetyParty.role,
      name: safetyParty.displayName,
      id: safetyCase.id,
      reference: safetyCase.reference,
      category: safetyCase.category,
      openedOn: safetyCase.openedOn,
      closedOn: safetyCase.closedOn,
    })
    .from(safetyParty)
    .innerJoin(safetyCase, eq(safetyCase.id, safetyParty.caseId))
    .where(
      inOrganisation(
        safetyParty,
        actor.organisationId,
        eq(safetyCase.organisationId, actor.organisationId),
        byPerson ? eq(safetyParty.personId, key) : eq(safetyParty.externalRef, key),
      ),
    )
    .orderBy(desc(safetyCase.openedOn))
    .limit(500);
  const first = parties[0];
  if (!first) throw notFound("No community safety cases for this person");
  const settings = await getSafetySettings(db, actor.organisationId);
  const counts = (await incidentCounts(db, actor.organisationId, [key], londonDay(now), settings)).get(
    key,
  ) ?? { victim: 0, perpetrator: 0 };
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "person",
    entityId: key.slice(0, 64),
    summary: `Viewed community safety history of ${first.name}`,
  });
  return {
    key,
    name: first.name,
    incidents: counts,
    repeatVictim: counts.victim >= settings.repeatMinIncidents,
    repeatPerpetrator: counts.perpetrator >= settings.repeatMinIncidents,
    window: { months: settings.repeatWindowMonths, minIncidents: settings.repeatMinIncidents },
    cases: parties.map((p) => ({
      id: p.id,
      reference: p.reference,
      role: p.role,
      category: p.category,
      openedOn: p.openedOn,
      closedOn: p.closedOn,
    })),
  };
}
