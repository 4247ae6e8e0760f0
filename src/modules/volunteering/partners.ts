import { systemActor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { listPartnerOrganisations } from "../people/index.ts";

export type PartnerDirectory = Map<string, { name: string; identifier: string | null }>;

/** Names and org-ids of the partner organisations that post roles (owned by the people module). */
export async function partnerDirectory(db: Db, organisationId: string): Promise<PartnerDirectory> {
  const partners = await listPartnerOrganisations(db, systemActor(organisationId, "Volunteering export"));
  return new Map(
    partners.map((partner) => [partner.id, { name: partner.name, identifier: partner.orgIdentifier }]),
  );
}
