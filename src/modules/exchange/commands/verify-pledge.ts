import { type Actor, actorLabel } from "../../../platform/access/actor.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, forbidden } from "../../../platform/http/problem.ts";
import { canVerifyAsCommunity, canVerifyAsOfficer } from "../policy.ts";
import { visiblePledge } from "../queries/pledge-access.ts";
import { exchangePledge, exchangePledgeNeed, type SupplierPledge } from "../schema.ts";

/**
 * Delivery is checked twice: by the community organisation whose need it met, and
 * by an officer. The pledge is verified when both have confirmed (or, for a pledge
 * that meets no posted need, when the officer has).
 */
export async function verifyPledge(
  db: Db,
  actor: Actor,
  now: Date,
  pledgeId: string,
): Promise<SupplierPledge> {
  return db.transaction(async (tx) => {
    const { pledge, ownNeed } = await visiblePledge(tx, actor, pledgeId, true);
    const asCommunity = canVerifyAsCommunity(actor, ownNeed);
    const asOfficer = canVerifyAsOfficer(actor);
    if (!asCommunity && !asOfficer)
      throw forbidden("Only the community organisation it helped, or an officer, can verify a pledge.");
    if (pledge.status !== "delivered") {
      throw conflict(
        "Pledge cannot be verified",
        pledge.status === "verified"
          ? "This pledge is already verified."
          : "The supplier has not recorded delivery yet.",
      );
    }
    const name = actor.kind === "user" ? actor.name : actorLabel(actor);
    const change: Partial<SupplierPledge> = asCommunity
      ? { communityVerifiedBy: name, communityVerifiedAt: now }
      : { officerVerifiedBy: name, officerVerifiedAt: now };
    const needsCommunity = await hasLinkedNeeds(tx, actor.organisationId, pledge.id);
    const communityDone =
      Boolean(change.communityVerifiedAt ?? pledge.communityVerifiedAt) || !needsCommunity;
    const officerDone = Boolean(change.officerVerifiedAt ?? pledge.officerVerifiedAt);
    if (communityDone && officerDone) change.status = "verified";
    return updateAudited(tx, actor, now, exchangePledge, pledge.id, change, (updated) => ({
      entityType: "exchange-pledge",
      summary: `Pledge ${pledge.reference} verified by ${asCommunity ? "the community organisation" : "an officer"}${updated.status === "verified" ? " (fully verified)" : ""}`,
      before: { status: pledge.status },
      after: { status: updated.status },
    }));
  });
}

async function hasLinkedNeeds(tx: Db, organisationId: string, pledgeId: string): Promise<boolean> {
  const [link] = await tx
    .select({ needId: exchangePledgeNeed.needId })
    .from(exchangePledgeNeed)
    .where(matchInOrganisation(exchangePledgeNeed, organisationId, { pledgeId }))
    .limit(1);
  return link !== undefined;
}
