import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewPledge } from "../policy.ts";
import { exchangeNeed, exchangePledge, exchangePledgeNeed, type SupplierPledge } from "../schema.ts";
import { needOfLink } from "./pledge-need-links.ts";

/** True when the pledge meets a need posted by the actor's own community organisation. */
export async function meetsOwnNeed(db: Db, actor: Actor, pledgeId: string): Promise<boolean> {
  if (actor.kind !== "user" || actor.role !== "community-group" || !actor.partnerOrganisationId) return false;
  const [row] = await db
    .select({ id: exchangeNeed.id })
    .from(exchangePledgeNeed)
    .innerJoin(exchangeNeed, needOfLink)
    .where(
      matchInOrganisation(
        exchangePledgeNeed,
        actor.organisationId,
        { pledgeId },
        eq(exchangeNeed.communityOrgId, actor.partnerOrganisationId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A pledge the actor may see, optionally locked; anything else is not found. */
export async function visiblePledge(
  db: Db,
  actor: Actor,
  pledgeId: string,
  lock = false,
): Promise<{ pledge: SupplierPledge; ownNeed: boolean }> {
  if (!isUuid(pledgeId)) throw notFound("Pledge not found");
  const query = db
    .select()
    .from(exchangePledge)
    .where(matchInOrganisation(exchangePledge, actor.organisationId, { id: pledgeId }));
  const [pledge] = lock ? await query.for("update") : await query;
  if (!pledge) throw notFound("Pledge not found");
  const ownNeed = await meetsOwnNeed(db, actor, pledge.id);
  if (!canViewPledge(actor, pledge, ownNeed)) throw notFound("Pledge not found");
  return { pledge, ownNeed };
}
