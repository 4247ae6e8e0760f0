import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPortfolio } from "../../investment/index.ts";
import { valueBank, valueOutcome } from "../schema.ts";

/**
 * Value-bank outcome codes ("SOC-LONELY") with their names, across every bank the organisation has
 * installed (an old outcome keeps its name after the bank is replaced), so pages show words, not codes.
 */
export async function valueOutcomeNames(db: Db, actor: Actor): Promise<Map<string, string>> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see value-bank outcomes.");
  const rows = await db
    .select({ code: valueOutcome.code, name: valueOutcome.name, active: valueBank.active })
    .from(valueOutcome)
    .innerJoin(valueBank, sameOrganisation(valueBank, valueOutcome, eq(valueBank.id, valueOutcome.bankId)))
    .where(inOrganisation(valueOutcome, actor.organisationId));
  // The active bank's name wins where two banks share a code.
  const names = new Map<string, string>();
  for (const row of rows.sort((a, b) => Number(a.active) - Number(b.active))) names.set(row.code, row.name);
  return names;
}

/** A code as a person reads it: its name, or the code itself when no bank knows it. */
export function valueOutcomeName(names: Map<string, string>, code: string | null): string {
  if (!code) return "–";
  return names.get(code) ?? code;
}
