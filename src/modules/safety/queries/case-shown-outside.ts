import { asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { findActionType } from "../domain/actions.ts";
import { findCategory, statusName } from "../domain/categories.ts";
import { safetyAction } from "../schema.ts";

// What the complainant's portal and a partner agency both see of a case: its heading and its actions.

/** A case's heading: category and status by their names. */
export type CaseHeading = {
  id: string;
  reference: string;
  category: string;
  status: string;
  openedOn: string;
  closedOn: string | null;
};

export function caseHeading(row: CaseHeading & { workflow: string }): CaseHeading {
  return {
    id: row.id,
    reference: row.reference,
    category: findCategory(row.category)?.name ?? row.category,
    status: statusName(row.workflow, row.status),
    openedOn: row.openedOn,
    closedOn: row.closedOn,
  };
}

export type ShownAction = { type: string; startedOn: string; dueOn: string | null; status: string };

/**
 * A case's actions as shown outside the office (to a partner agency, to the complainant): the type
 * by its name, the dates and the status only, oldest first. `conditions` narrow which ones are shown.
 */
export async function shownActions(
  db: Db,
  organisationId: string,
  caseId: string,
  ...conditions: SQL[]
): Promise<ShownAction[]> {
  const actions = await db
    .select({
      type: safetyAction.actionType,
      startedOn: safetyAction.startedOn,
      dueOn: safetyAction.dueOn,
      status: safetyAction.status,
    })
    .from(safetyAction)
    .where(inOrganisation(safetyAction, organisationId, eq(safetyAction.caseId, caseId), ...conditions))
    .orderBy(asc(safetyAction.startedOn));
  return actions.map((a) => ({ ...a, type: findActionType(a.type)?.name ?? a.type }));
}
