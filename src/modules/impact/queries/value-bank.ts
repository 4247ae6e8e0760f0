import { asc, desc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { organisationRows } from "../../../platform/db/organisation-rows.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPortfolio } from "../../investment/index.ts";
import type { AgeBand, Region } from "../age-region.ts";
import { valueAmount, valueBank, valueCategory, valueExclusion, valueOutcome } from "../schema.ts";
import { type BankOutcome, exclusionKey, type ValueBankRules } from "../social-value.ts";

export type ActiveBank = {
  bank: typeof valueBank.$inferSelect;
  rules: ValueBankRules;
  categories: (typeof valueCategory.$inferSelect)[];
};

/** The organisation's active value bank as calculation rules; null when none is installed. */
export async function loadActiveBank(db: Db, organisationId: string): Promise<ActiveBank | null> {
  const [bank] = await db
    .select()
    .from(valueBank)
    .where(inOrganisation(valueBank, organisationId, eq(valueBank.active, true)));
  if (!bank) return null;
  const inBank = eq(valueOutcome.bankId, bank.id);
  const [outcomes, amounts, categories, exclusions] = await Promise.all([
    db
      .select()
      .from(valueOutcome)
      .where(inOrganisation(valueOutcome, organisationId, inBank))
      .orderBy(asc(valueOutcome.code)),
    db
      .select()
      .from(valueAmount)
      .where(inOrganisation(valueAmount, organisationId, eq(valueAmount.bankId, bank.id))),
    db
      .select()
      .from(valueCategory)
      .where(inOrganisation(valueCategory, organisationId, eq(valueCategory.bankId, bank.id)))
      .orderBy(asc(valueCategory.category)),
    db
      .select()
      .from(valueExclusion)
      .where(inOrganisation(valueExclusion, organisationId, eq(valueExclusion.bankId, bank.id))),
  ]);
  const map = new Map<string, BankOutcome>();
  for (const outcome of outcomes) {
    map.set(outcome.code, {
      code: outcome.code,
      name: outcome.name,
      category: outcome.category,
      values: {} as Record<AgeBand, Record<Region, number>>,
    });
  }
  for (const amount of amounts) {
    const outcome = map.get(amount.code);
    if (!outcome) continue;
    outcome.values[amount.ageBand] ??= {} as Record<Region, number>;
    outcome.values[amount.ageBand][amount.region] = amount.valuePence;
  }
  const excluded = new Set<string>();
  for (const pair of exclusions) {
    excluded.add(exclusionKey(pair.codeA, pair.codeB));
    excluded.add(exclusionKey(pair.codeB, pair.codeA));
  }
  return {
    bank,
    categories,
    rules: {
      outcomes: map,
      deadweight: new Map(categories.map((c) => [c.category, c.deadweightPercent])),
      exclusions: excluded,
    },
  };
}

export async function getActiveValueBank(db: Db, actor: Actor): Promise<ActiveBank | null> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the value bank.");
  return loadActiveBank(db, actor.organisationId);
}

export async function listValueBanks(db: Db, actor: Actor) {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the value bank.");
  return organisationRows(db, valueBank, actor.organisationId, desc(valueBank.importedAt));
}
