import type { Db } from "../../platform/db/database.ts";

export type PartnerDirectory = Map<string, { name: string; identifier: string | null }>;

/**
 * Names of the partner organisations that post roles. They belong to the people module;
 * until it exports a lookup that needs no signed-in actor, the export names partners by id only.
 */
export async function partnerDirectory(_db: Db, _organisationId: string): Promise<PartnerDirectory> {
  return new Map();
}
