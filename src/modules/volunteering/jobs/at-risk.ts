import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { appUser, outboundMessage } from "../../../platform/db/platform-schema.ts";
import type { JobDefinition } from "../../../platform/jobs/jobs.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { rowsOf } from "../queries/rows.ts";
import { londonToday } from "../records.ts";
import { volAtRiskAlert, volSetting } from "../schema.ts";

/** Weeks without hours before a placed volunteer counts as at risk, when the organisation has not chosen. */
export const defaultAtRiskWeeks = 6;

export async function atRiskWeeks(db: Db, organisationId: string): Promise<number> {
  const [row] = await db.select().from(volSetting).where(eq(volSetting.organisationId, organisationId));
  return row?.atRiskWeeks ?? defaultAtRiskWeeks;
}

type QuietVolunteer = { id: string; name: string; quiet_since: string; coordinator: string | null };

/**
 * The daily retention run: each placed volunteer whose last hours (or placement, if they
 * have none) are older than N weeks gets one alert for this quiet spell, and the coordinator
 * who placed them gets an email listing them. Alerts are unique per volunteer and
 * quiet_since, so a rerun the same day or the next raises nothing twice; a volunteer who
 * comes back and goes quiet again starts a new spell and a new alert.
 * Where no coordinator is known (placed before this was recorded), the organisation's managers hear.
 */
export async function raiseAtRiskAlerts(db: Db, organisationId: string, now: Date): Promise<number> {
  const weeks = await atRiskWeeks(db, organisationId);
  const today = londonToday(now);
  return db.transaction(async (tx) => {
    const quiet = await rowsOf<QuietVolunteer>(
      tx,
      sql`
      SELECT v.id, v.given_name || ' ' || v.family_name AS name,
             coalesce((SELECT max(h.worked_on) FROM vol_hours h
                        WHERE h.organisation_id = v.organisation_id AND h.volunteer_id = v.id),
                      min(a.updated_at)::date)::text AS quiet_since,
             (array_agg(a.placed_by ORDER BY a.updated_at DESC) FILTER (WHERE a.placed_by IS NOT NULL))[1]::text AS coordinator
        FROM volunteer v
        JOIN vol_application a ON a.organisation_id = v.organisation_id AND a.volunteer_id = v.id AND a.status = 'placed'
       WHERE v.organisation_id = ${organisationId}
       GROUP BY v.organisation_id, v.id
      HAVING coalesce((SELECT max(h.worked_on) FROM vol_hours h
                        WHERE h.organisation_id = v.organisation_id AND h.volunteer_id = v.id),
                      min(a.updated_at)::date) < ${today}::date - ${weeks * 7}::int`,
    );
    if (quiet.length === 0) return 0;
    const message = (row: QuietVolunteer) =>
      `${row.name} has logged no hours since ${formatDate(row.quiet_since)} (${weeks} weeks or more)`;
    const raised = await tx
      .insert(volAtRiskAlert)
      .values(
        quiet.map((row) => ({
          organisationId,
          id: newId(now.getTime()),
          volunteerId: row.id,
          quietSince: row.quiet_since,
          weeks,
          coordinatorUserId: row.coordinator,
          message: message(row),
          raisedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    if (raised.length === 0) return 0;
    await emailCoordinators(tx, organisationId, now, raised);
    await recordAudit(tx, systemActor(organisationId, "Volunteering at-risk job"), now, {
      action: "create",
      entityType: "vol_at_risk_alert",
      summary: `${raised.length} volunteers flagged at risk after ${weeks} weeks without hours`,
    });
    return raised.length;
  });
}

async function emailCoordinators(
  tx: Db,
  organisationId: string,
  now: Date,
  raised: (typeof volAtRiskAlert.$inferSelect)[],
): Promise<void> {
  const active = and(eq(appUser.organisationId, organisationId), isNull(appUser.disabledAt));
  const named = [...new Set(raised.map((alert) => alert.coordinatorUserId).filter((id) => id !== null))];
  const coordinators = named.length
    ? await tx
        .select()
        .from(appUser)
        .where(and(active, inArray(appUser.id, named)))
    : [];
  const managers = await tx
    .select()
    .from(appUser)
    .where(and(active, eq(appUser.role, "manager")));
  const byRecipient = new Map<string, string[]>();
  for (const alert of raised) {
    const coordinator = coordinators.find((user) => user.id === alert.coordinatorUserId);
    for (const user of coordinator ? [coordinator] : managers)
      byRecipient.set(user.email, [...(byRecipient.get(user.email) ?? []), alert.message]);
  }
  if (byRecipient.size === 0) return;
  await tx.insert(outboundMessage).values(
    [...byRecipient].map(([recipient, lines]) => ({
      organisationId,
      id: newId(now.getTime()),
      recipient,
      subject: `${lines.length} ${lines.length === 1 ? "volunteer" : "volunteers"} may be about to stop volunteering`,
      body: `These volunteers you placed have gone quiet:\n\n${lines.map((line) => `- ${line}`).join("\n")}\n\nA friendly call often helps. See the "At risk" tab in Kith volunteering.`,
      createdAt: now,
    })),
  );
}

export const volunteeringJobs: JobDefinition[] = [
  {
    name: "volunteering.at-risk",
    daily: true,
    async run({ database, now, organisationId }) {
      if (organisationId) await raiseAtRiskAlerts(database.db, organisationId, now);
    },
  },
];
