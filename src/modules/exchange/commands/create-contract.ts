import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { isoDate, requiredText } from "../../../platform/http/fields.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { penceField } from "../../crowdfunding/index.ts";
import { canManageContracts } from "../policy.ts";
import { type Contract, exchangeContract, themes } from "../schema.ts";

const basisPoints = (what: string) =>
  z
    .number({ error: `Enter ${what}` })
    .int({ error: `Enter ${what} to at most two decimal places` })
    .min(1, { error: `${what} must be more than 0%` })
    .max(10_000, { error: `${what} must be 100% or less` });

export const contractInput = z.object({
  title: requiredText("the contract's title", 200),
  description: requiredText("what the contract is for", 4_000),
  valuePence: penceField("the contract value", 100, 10_000_000_000_000),
  weightingBp: basisPoints("The social value weighting"),
  themes: z.array(z.enum(themes)).min(1, { error: "Choose at least one social value theme" }),
  themeWeights: z.partialRecord(z.enum(themes), z.number().int().min(0).max(10_000)).default({}),
  fullMarksShareBp: basisPoints("The share of contract value that earns full marks"),
  tenderCloses: z
    .string({ error: "Enter the tender closing date" })
    .min(1, { error: "Enter the tender closing date" })
    .pipe(isoDate),
});

export type ContractInput = z.input<typeof contractInput>;

/** A contract out to tender, with the social value it asks for and how pledges score. */
export async function createContract(
  db: Db,
  actor: Actor,
  now: Date,
  input: ContractInput,
): Promise<Contract> {
  requireAllowed(canManageContracts(actor), "Only officers can set up tenders.");
  const value = validInput(contractInput, input, "Check the tender.");
  const id = newId(now.getTime());
  return db.transaction(async (tx) => {
    const [contract] = await tx
      .insert(exchangeContract)
      .values({
        organisationId: actor.organisationId,
        id,
        reference: `SVC-${id.replaceAll("-", "").slice(-8).toUpperCase()}`,
        ...value,
        // Themes not given a weight count in full.
        themeWeights: Object.fromEntries(
          value.themes.map((theme) => [theme, value.themeWeights[theme] ?? 10_000]),
        ) as Contract["themeWeights"],
        status: "tendering",
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "exchange-contract",
      entityId: id,
      summary: `Tender ${contract.reference} "${contract.title}" opened`,
      after: value,
    });
    return contract;
  });
}
