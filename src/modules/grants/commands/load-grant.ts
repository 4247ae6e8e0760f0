import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { type GrantAward, grantAward } from "../schema.ts";

/** A grant of this organisation; anything else is "not found" so that existence does not leak. */
export async function loadGrant(db: Db, organisationId: string, grantId: string): Promise<GrantAward> {
  if (!isUuid(grantId)) throw notFound("Grant not found");
  const [grant] = await db
    .select()
    .from(grantAward)
    .where(matchInOrganisation(grantAward, organisationId, { id: grantId }));
  if (!grant) throw notFound("Grant not found");
  return grant;
}
