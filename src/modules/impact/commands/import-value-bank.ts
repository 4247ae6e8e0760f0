import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { isManagerOrAbove, requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { ageBands, regions } from "../age-region.ts";
import { valueAmount, valueBank, valueCategory, valueExclusion, valueOutcome } from "../schema.ts";
import { type ParsedValueBank, parseValueBankCsv } from "../value-bank/csv-format.ts";
import {
  openDefaultBank,
  openDefaultBankLicence,
  openDefaultBankSource,
} from "../value-bank/open-default-bank.ts";

export const valueBankDetails = z.object({
  name: z.string().trim().min(1, { error: "Enter a name for the value bank" }).max(200),
  source: z
    .string()
    .trim()
    .min(1, { error: "Say where the values come from (shown beside every figure)" })
    .max(500),
  licence: z
    .string()
    .trim()
    .min(1, { error: "Enter the licence under which you hold these values" })
    .max(500),
  priceYear: z
    .number({ error: "Enter the price year" })
    .int()
    .min(1990, { error: "Enter a price year from 1990" })
    .max(2100),
});
export type ValueBankDetails = z.input<typeof valueBankDetails>;

export function canManageValueBank(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/**
 * Imports a value-bank CSV (docs/impact-value-bank.md) and makes it the organisation's active bank.
 * All or nothing: one bad line and nothing is saved; every problem comes back with its line number.
 */
export async function importValueBank(
  db: Db,
  actor: Actor,
  now: Date,
  csv: string,
  details: ValueBankDetails,
): Promise<{ id: string; outcomes: number }> {
  requireAllowed(canManageValueBank(actor), "Only managers can change the value bank.");
  const meta = valueBankDetails.safeParse(details);
  if (!meta.success)
    throw invalid(
      "Check the value bank's details.",
      Object.fromEntries(meta.error.issues.map((issue) => [issue.path.join(".") || "form", issue.message])),
    );
  const parsed = parseValueBankCsv(csv);
  if (!parsed.ok) {
    throw invalid(
      `The value bank was not imported: ${parsed.errors.length} problem${parsed.errors.length === 1 ? "" : "s"} found.`,
      Object.fromEntries(parsed.errors.slice(0, 100).map((error, index) => [`file.${index + 1}`, error])),
    );
  }
  return storeBank(db, actor, now, parsed.bank, meta.data);
}

/** Installs Kith's open default bank (Green Book WELLBY values) as the active bank. */
export async function installOpenDefaultBank(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<{ id: string; outcomes: number }> {
  requireAllowed(canManageValueBank(actor), "Only managers can change the value bank.");
  return storeBank(db, actor, now, openDefaultBank(), {
    name: "Kith open default value bank",
    source: openDefaultBankSource,
    licence: openDefaultBankLicence,
    priceYear: 2019,
  });
}

async function storeBank(
  db: Db,
  actor: Actor,
  now: Date,
  bank: ParsedValueBank,
  details: z.output<typeof valueBankDetails>,
) {
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    await tx
      .update(valueBank)
      .set({ active: false })
      .where(matchInOrganisation(valueBank, organisationId, { active: true }));
    const bankId = newId(now.getTime());
    await tx
      .insert(valueBank)
      .values({ organisationId, id: bankId, ...details, active: true, importedAt: now });
    await tx.insert(valueCategory).values(
      [...bank.deadweight].map(([category, deadweightPercent]) => ({
        organisationId,
        bankId,
        category,
        deadweightPercent,
      })),
    );
    for (let start = 0; start < bank.outcomes.length; start += 500) {
      const slice = bank.outcomes.slice(start, start + 500);
      await tx
        .insert(valueOutcome)
        .values(
          slice.map((o) => ({ organisationId, bankId, code: o.code, name: o.name, category: o.category })),
        );
      await tx.insert(valueAmount).values(
        slice.flatMap((o) =>
          ageBands.flatMap((ageBand) =>
            regions.map((region) => ({
              organisationId,
              bankId,
              code: o.code,
              ageBand,
              region,
              valuePence: o.values[ageBand][region],
            })),
          ),
        ),
      );
    }
    if (bank.exclusions.length > 0)
      await tx
        .insert(valueExclusion)
        .values(bank.exclusions.map(([codeA, codeB]) => ({ organisationId, bankId, codeA, codeB })));
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "value-bank",
      entityId: bankId,
      summary: `Made ${details.name} the active value bank (${bank.outcomes.length} outcomes)`,
      after: { ...details, outcomes: bank.outcomes.length, exclusions: bank.exclusions.length },
    });
    return { id: bankId, outcomes: bank.outcomes.length };
  });
}
