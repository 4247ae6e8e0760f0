import { eq, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { canManageContracts } from "../policy.ts";
import { type Contract, exchangeContract, exchangePledge } from "../schema.ts";

/**
 * Awarding the contract makes the winner's offered pledges binding (accepted) and
 * closes every other bidder's (not awarded), in one transaction.
 */
export async function awardContract(
  db: Db,
  actor: Actor,
  now: Date,
  contractId: string,
  supplierId: string,
): Promise<Contract> {
  requireAllowed(canManageContracts(actor), "Only officers can award contracts.");
  if (!isUuid(contractId)) throw notFound("Tender not found");
  if (!isUuid(supplierId))
    throw invalid("Choose the winning supplier.", { supplierId: "Choose the winning supplier" });
  return db.transaction(async (tx) => {
    const [contract] = await tx
      .select()
      .from(exchangeContract)
      .where(matchInOrganisation(exchangeContract, actor.organisationId, { id: contractId }))
      .for("update");
    if (!contract) throw notFound("Tender not found");
    if (contract.status !== "tendering")
      throw conflict(
        "Contract already awarded",
        `${contract.reference} was awarded to ${contract.awardedSupplierName ?? "a supplier"}.`,
      );
    // The pledges still offered on this tender, and any further condition (one supplier's).
    const offeredHere = (...only: SQL[]) =>
      inOrganisation(
        exchangePledge,
        actor.organisationId,
        eq(exchangePledge.contractId, contract.id),
        eq(exchangePledge.status, "offered"),
        ...only,
      );
    const bids = await tx.select().from(exchangePledge).where(offeredHere());
    const winning = bids.filter((bid) => bid.supplierId === supplierId);
    if (winning.length === 0)
      throw invalid("Choose the winning supplier.", {
        supplierId: "Choose a supplier that has pledged social value on this tender",
      });
    // The winner's offers first: whatever is still offered after that lost.
    await tx
      .update(exchangePledge)
      .set({ status: "accepted" })
      .where(offeredHere(eq(exchangePledge.supplierId, supplierId)));
    await tx.update(exchangePledge).set({ status: "not-awarded" }).where(offeredHere());
    const award = {
      status: "awarded" as const,
      awardedSupplierId: supplierId,
      awardedSupplierName: winning[0].supplierName,
      awardedAt: now,
    };
    return updateAudited(tx, actor, now, exchangeContract, contract.id, award, {
      entityType: "exchange-contract",
      summary: `${contract.reference} awarded to ${winning[0].supplierName}: ${winning.length} pledges accepted, ${bids.length - winning.length} not awarded`,
      before: { status: contract.status },
      after: { status: "awarded", supplierId },
    });
  });
}
