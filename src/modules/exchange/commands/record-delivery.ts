import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { conflict } from "../../../platform/http/problem.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { canRecordDelivery } from "../policy.ts";
import { visiblePledge } from "../queries/pledge-access.ts";
import { exchangeAlert, exchangePledge, type SupplierPledge } from "../schema.ts";

export const deliveryInput = z.object({ evidence: requiredText("the evidence of delivery", 4_000) });

/** The supplier records delivery of an accepted pledge, with evidence for the verifiers. */
export async function recordDelivery(
  db: Db,
  actor: Actor,
  now: Date,
  pledgeId: string,
  input: z.input<typeof deliveryInput>,
): Promise<SupplierPledge> {
  const delivery = validInput(deliveryInput, input, "Check the evidence.");
  return db.transaction(async (tx) => {
    const { pledge } = await visiblePledge(tx, actor, pledgeId, true);
    requireAllowed(
      canRecordDelivery(actor, pledge),
      "Only the supplier who made the pledge can record its delivery.",
    );
    if (pledge.status !== "accepted") {
      throw conflict(
        "Pledge cannot be delivered",
        pledge.status === "offered"
          ? "The contract has not been awarded yet."
          : `This pledge is ${pledge.status}.`,
      );
    }
    const [updated] = await tx
      .update(exchangePledge)
      .set({ status: "delivered", evidence: delivery.evidence, deliveredAt: now })
      .where(matchInOrganisation(exchangePledge, actor.organisationId, { id: pledge.id }))
      .returning();
    // Delivery answers any overdue alert.
    await tx
      .update(exchangeAlert)
      .set({ clearedAt: now })
      .where(
        and(
          eq(exchangeAlert.organisationId, actor.organisationId),
          eq(exchangeAlert.pledgeId, pledge.id),
          isNull(exchangeAlert.clearedAt),
        ),
      );
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "exchange-pledge",
      entityId: pledge.id,
      summary: `Pledge ${pledge.reference} delivered`,
      before: { status: pledge.status },
      after: { status: "delivered", evidence: delivery.evidence },
    });
    return updated;
  });
}
