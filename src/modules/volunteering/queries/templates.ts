import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { organisationRows } from "../../../platform/db/organisation-rows.ts";
import { canViewReports } from "../policy.ts";
import { volDocumentTemplate } from "../schema.ts";

/** The organisation's saved certificate and reference wording (absent kinds use the defaults). */
export async function listDocumentTemplates(db: Db, actor: Actor) {
  requireAllowed(canViewReports(actor), "Only staff can see certificate wording.");
  return organisationRows(db, volDocumentTemplate, actor.organisationId);
}
