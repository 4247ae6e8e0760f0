import { lt } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import type { JobDefinition } from "../../../platform/jobs/jobs.ts";
import { queueEmails, userEmails } from "../../../platform/jobs/outbox.ts";
import { formatDate, formatPence } from "../../../platform/ui/format.ts";
import { exchangeAlert, exchangePledge } from "../schema.ts";

/**
 * Raises one alert for each accepted pledge past its due date and not yet
 * delivered. Alerts are unique per pledge, so running it every day never repeats one.
 */
export async function raiseOverdueAlerts(
  database: Database,
  organisationId: string,
  now: Date,
): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  return database.db.transaction(async (tx) => {
    const overdue = await tx
      .select()
      .from(exchangePledge)
      .where(
        matchInOrganisation(
          exchangePledge,
          organisationId,
          { status: "accepted" },
          lt(exchangePledge.dueBy, today),
        ),
      );
    if (overdue.length === 0) return 0;
    const inserted = await tx
      .insert(exchangeAlert)
      .values(
        overdue.map((pledge) => ({
          organisationId,
          id: newId(now.getTime()),
          pledgeId: pledge.id,
          kind: "overdue" as const,
          message: `${pledge.supplierName} has not delivered ${pledge.reference} (${pledge.description}), due ${formatDate(pledge.dueBy)}`,
          raisedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: exchangeAlert.id, pledgeId: exchangeAlert.pledgeId });
    // Only newly raised alerts are emailed: the alert row is the once-only marker.
    const officers = await userEmails(tx, organisationId, ["officer", "manager"]);
    for (const alert of inserted) {
      const pledge = overdue.find((p) => p.id === alert.pledgeId);
      if (!pledge) continue;
      const supplier = await userEmails(tx, organisationId, ["supplier"], pledge.supplierId);
      await queueEmails(
        tx,
        organisationId,
        now,
        [...supplier, ...officers].map((recipient) => ({
          recipient,
          subject: `Social value pledge ${pledge.reference} is overdue`,
          body: `${pledge.supplierName} pledged ${pledge.description} (${formatPence(pledge.valuePence)}) for delivery by ${formatDate(pledge.dueBy)}, and it has not been recorded as delivered. Please deliver it, or record the delivery with evidence in Kith.`,
        })),
      );
    }
    if (inserted.length > 0) {
      await recordAudit(tx, systemActor(organisationId, "Exchange overdue job"), now, {
        action: "create",
        entityType: "exchange-alert",
        summary: `${inserted.length} overdue social value pledges flagged`,
      });
    }
    return inserted.length;
  });
}

export const exchangeJobs: JobDefinition[] = [
  {
    name: "exchange.overdue-pledges",
    daily: true,
    async run({ database, now, organisationId }) {
      if (organisationId) await raiseOverdueAlerts(database, organisationId, now);
    },
  },
];
