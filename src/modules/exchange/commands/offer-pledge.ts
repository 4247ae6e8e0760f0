import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { isoDate, requiredText } from "../../../platform/http/fields.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { formatDate, formatPence } from "../../../platform/ui/format.ts";
import { penceField } from "../../crowdfunding/index.ts";
import { findOwnPartnerOrganisation } from "../../people/index.ts";
import { canOfferPledge } from "../policy.ts";
import {
  exchangeContract,
  exchangeNeed,
  exchangePledge,
  exchangePledgeNeed,
  needCategories,
  type SupplierPledge,
  themeNames,
  themes,
} from "../schema.ts";

export const pledgeOfferInput = z.object({
  theme: z.enum(themes, { error: "Choose the social value theme" }),
  resourceType: z.enum(needCategories, { error: "Choose what you are pledging" }),
  description: requiredText("what you will provide", 2_000),
  valuePence: penceField("the value of the pledge", 100, 10_000_000_000),
  dueBy: z
    .string({ error: "Enter the date it will be delivered by" })
    .min(1, { error: "Enter the date it will be delivered by" })
    .pipe(isoDate),
  needIds: z.array(z.string()).default([]),
  /** Only when an officer records a pledge on a supplier's behalf; a supplier always pledges as itself. */
  supplierId: z.string().optional(),
});

export type PledgeOfferInput = z.input<typeof pledgeOfferInput>;

/** A supplier bidding for a contract pledges a resource, against the needs it meets. */
export async function offerPledge(
  db: Db,
  actor: Actor,
  now: Date,
  contractId: string,
  input: PledgeOfferInput,
): Promise<SupplierPledge> {
  requireAllowed(
    canOfferPledge(actor),
    "Only suppliers, or officers on their behalf, can pledge social value.",
  );
  const value = validInput(pledgeOfferInput, input, "Check the pledge.");
  const today = now.toISOString().slice(0, 10);
  if (value.dueBy <= today)
    throw invalid("Check the pledge.", { dueBy: "The delivery date must be in the future" });
  if (!isUuid(contractId)) throw notFound("Tender not found");
  const ownSupplier = actor.kind === "user" && actor.role === "supplier" ? actor.partnerOrganisationId : null;
  const supplierId = ownSupplier ?? value.supplierId ?? "";
  if (!isUuid(supplierId))
    throw invalid("Check the pledge.", { supplierId: "Choose the supplier making the pledge" });
  return db.transaction(async (tx) => {
    const [contract] = await tx
      .select()
      .from(exchangeContract)
      .where(matchInOrganisation(exchangeContract, actor.organisationId, { id: contractId }));
    if (!contract) throw notFound("Tender not found");
    if (contract.status !== "tendering" || contract.tenderCloses < today) {
      throw conflict(
        "This tender is closed",
        `Pledges for ${contract.reference} closed on ${formatDate(contract.tenderCloses)}.`,
      );
    }
    if (!contract.themes.includes(value.theme)) {
      throw invalid("Check the pledge.", {
        theme: `This tender does not ask for ${themeNames[value.theme].toLowerCase()}. Choose one of: ${contract.themes.map((t) => themeNames[t]).join(", ")}`,
      });
    }
    const needIds = [...new Set(value.needIds)];
    if (needIds.some((id) => !isUuid(id)))
      throw invalid("Check the pledge.", { needIds: "Choose needs from the list" });
    const needs = needIds.length
      ? await tx
          .select()
          .from(exchangeNeed)
          .where(inOrganisation(exchangeNeed, actor.organisationId, inArray(exchangeNeed.id, needIds)))
      : [];
    if (needs.length !== needIds.length || needs.some((need) => need.status !== "open")) {
      throw invalid("Check the pledge.", { needIds: "Choose only needs that are open" });
    }
    // Checked in the organisation without the people:read policy: an officer's exchange-only token may name it.
    const supplier = await findOwnPartnerOrganisation(tx, actor.organisationId, supplierId);
    if (!supplier)
      throw invalid("Check the pledge.", { supplierId: "Choose the supplier making the pledge" });
    if (supplier.kind !== "supplier" && supplier.kind !== "social-enterprise") {
      throw invalid("Check the pledge.", { supplierId: `${supplier.name} is not a supplier` });
    }
    const id = newId(now.getTime());
    const [pledge] = await tx
      .insert(exchangePledge)
      .values({
        organisationId: actor.organisationId,
        id,
        reference: `SVP-${id.replaceAll("-", "").slice(-8).toUpperCase()}`,
        contractId: contract.id,
        supplierId,
        supplierName: supplier.name,
        theme: value.theme,
        resourceType: value.resourceType,
        description: value.description,
        valuePence: value.valuePence,
        dueBy: value.dueBy,
        status: "offered",
        createdAt: now,
      })
      .returning();
    if (needs.length > 0) {
      await tx
        .insert(exchangePledgeNeed)
        .values(
          needs.map((need) => ({ organisationId: actor.organisationId, pledgeId: id, needId: need.id })),
        );
    }
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "exchange-pledge",
      entityId: id,
      summary: `${supplier.name} pledged ${formatPence(value.valuePence)} (${themeNames[value.theme]}) on ${contract.reference}`,
      after: { ...value, supplierId, needIds },
    });
    return pledge;
  });
}
