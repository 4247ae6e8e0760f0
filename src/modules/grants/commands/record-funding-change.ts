import { and, gte, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { laterDay } from "../../../platform/dates/calendar.ts";
import { addDays, londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { optionalText, requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { poundsAsPence, realDate } from "../inputs.ts";
import { actorName, canManageGrant, canOverrideNotice } from "../policy.ts";
import { earliestEffectiveDate, meetsNoticeRule } from "../rules.ts";
import {
  type GrantFundingChange,
  grantAward,
  grantFundingChange,
  grantPayment,
  grantVariation,
} from "../schema.ts";
import { loadGrant } from "./load-grant.ts";

export const changeInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("reduction"),
      effectiveOn: realDate("the date the reduction takes effect"),
      newInstalment: poundsAsPence("the reduced amount of each payment", { min: 0 }),
      reason: requiredText("the reason for the change", 3000),
      overrideReason: optionalText(3000),
    }),
    z.object({
      kind: z.literal("ending"),
      effectiveOn: realDate("the date funding ends"),
      reason: requiredText("the reason for the change", 3000),
      overrideReason: optionalText(3000),
    }),
  ],
  { error: "Choose whether funding is reduced or ended" },
);
export type FundingChangeInput = z.input<typeof changeInput>;

/**
 * The framework: funding may not be reduced or ended without at least three months'
 * notice to the organisation. Notice is given on the day it is recorded (so it cannot
 * be back-dated), and a change taking effect sooner is refused unless a manager
 * overrides with a recorded reason; the override is audited as such.
 */
export async function recordFundingChange(
  db: Db,
  actor: Actor,
  now: Date,
  grantId: string,
  input: FundingChangeInput,
): Promise<GrantFundingChange> {
  requireAllowed(canManageGrant(actor), "Only officers and managers can change a grant's funding.");
  const grant = await loadGrant(db, actor.organisationId, grantId);
  if (grant.status !== "active")
    throw conflict(
      "Grant not active",
      `Grant ${grant.reference} is ${grant.status}: only active grants can be reduced or ended.`,
    );
  const parsed = changeInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the funding change.", fieldErrorsFrom(parsed.error));
  const value = parsed.data;
  const noticeGivenOn = londonDay(now);
  const earliest = earliestEffectiveDate(noticeGivenOn);
  if (value.effectiveOn < noticeGivenOn)
    throw invalid("Check the funding change.", { effectiveOn: "The change cannot take effect in the past" });
  if (value.effectiveOn > grant.endDate)
    throw invalid("Check the funding change.", {
      effectiveOn: `The grant already ends on ${formatDate(grant.endDate)}`,
    });
  const shortNotice = !meetsNoticeRule(noticeGivenOn, value.effectiveOn);
  if (shortNotice && !value.overrideReason) {
    throw invalid(
      `Funding can only be ${value.kind === "ending" ? "ended" : "reduced"} with at least three months' notice.`,
      {
        effectiveOn: `The change must take effect on or after ${formatDate(earliest)}, three months after notice is given today`,
      },
    );
  }
  if (shortNotice)
    requireAllowed(
      canOverrideNotice(actor),
      "Only a manager can record a change with less than three months' notice.",
    );
  return db.transaction(async (tx) => {
    const affected = await tx
      .select()
      .from(grantPayment)
      .where(
        matchInOrganisation(
          grantPayment,
          actor.organisationId,
          { grantId: grant.id },
          gte(grantPayment.dueOn, value.effectiveOn),
          inArray(grantPayment.status, ["scheduled", "held"]),
        ),
      );
    if (value.kind === "reduction") {
      const larger = affected.filter((payment) => payment.amountPence > value.newInstalment);
      if (larger.length === 0)
        throw invalid("Check the funding change.", {
          newInstalment:
            "No payment after that date is larger than the reduced amount, so nothing would be reduced",
        });
      for (const payment of larger) {
        await tx
          .update(grantPayment)
          .set({ amountPence: value.newInstalment })
          .where(matchInOrganisation(grantPayment, actor.organisationId, { id: payment.id }));
      }
    } else {
      if (affected.length > 0) {
        await tx
          .update(grantPayment)
          .set({ status: "cancelled" })
          .where(
            and(
              inOrganisation(
                grantPayment,
                actor.organisationId,
                inArray(
                  grantPayment.id,
                  affected.map((p) => p.id),
                ),
              ),
            ),
          );
      }
      await tx
        .update(grantAward)
        .set({
          endDate: laterDay(addDays(value.effectiveOn, -1), grant.startDate),
          updatedAt: now,
        })
        .where(matchInOrganisation(grantAward, actor.organisationId, { id: grant.id }));
    }
    const [change] = await tx
      .insert(grantFundingChange)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        grantId: grant.id,
        kind: value.kind,
        noticeGivenOn,
        effectiveOn: value.effectiveOn,
        newInstalmentPence: value.kind === "reduction" ? value.newInstalment : null,
        reason: value.reason,
        overrideReason: shortNotice ? value.overrideReason : null,
        recordedBy: actorName(actor),
        recordedAt: now,
      })
      .returning();
    await tx.insert(grantVariation).values({
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      grantId: grant.id,
      kind: value.kind,
      description: `${value.kind === "ending" ? "Funding ends" : "Funding reduced"} from ${value.effectiveOn} (notice given ${noticeGivenOn}): ${value.reason}`,
      recordedBy: actorName(actor),
      recordedAt: now,
    });
    await recordAudit(tx, actor, now, {
      action: shortNotice ? "notice-override" : "update",
      entityType: "grant",
      entityId: grant.id,
      summary: shortNotice
        ? `Three months' notice rule OVERRIDDEN on ${grant.reference}: ${value.kind} from ${value.effectiveOn}, notice given ${noticeGivenOn}. Reason: ${value.overrideReason}`
        : `Funding ${value.kind} recorded on ${grant.reference} from ${value.effectiveOn} (notice given ${noticeGivenOn})`,
      after: {
        kind: value.kind,
        effectiveOn: value.effectiveOn,
        noticeGivenOn,
        paymentsAffected: affected.length,
        overrideReason: shortNotice ? value.overrideReason : null,
      },
    });
    return change;
  });
}
