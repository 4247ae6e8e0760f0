import { eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { safetyAction, safetyParty } from "../schema.ts";

// The rows commands read from a case they have locked: its parties and its actions, always through
// the case (so an id from another case or organisation finds nothing).

/** The case's parties that meet the conditions (the complainants, one by id…). */
export function partiesOfCase(tx: Db, organisationId: string, caseId: string, ...conditions: SQL[]) {
  return tx
    .select()
    .from(safetyParty)
    .where(matchInOrganisation(safetyParty, organisationId, { caseId }, ...conditions));
}

/** The case's actions that meet the conditions (the open ones, one by id…). */
export function actionsOfCase(tx: Db, organisationId: string, caseId: string, ...conditions: SQL[]) {
  return tx
    .select()
    .from(safetyAction)
    .where(matchInOrganisation(safetyAction, organisationId, { caseId }, ...conditions));
}

/** A party a form chose must be on this case: otherwise the form says so beside the field. */
export async function requirePartyOnCase(
  tx: Db,
  organisationId: string,
  caseId: string,
  partyId: string,
): Promise<void> {
  const [party] = isUuid(partyId)
    ? await partiesOfCase(tx, organisationId, caseId, eq(safetyParty.id, partyId))
    : [];
  if (!party) throw invalid("Choose a party on this case.", { partyId: "Choose a party on this case" });
}

/** One of the case's actions, or 404. */
export async function actionOfCase(tx: Db, organisationId: string, caseId: string, actionId: string) {
  const [action] = isUuid(actionId)
    ? await actionsOfCase(tx, organisationId, caseId, eq(safetyAction.id, actionId))
    : [];
  if (!action) throw notFound("Action not found");
  return action;
}
