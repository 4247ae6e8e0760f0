import type { Db } from "../../platform/db/database.ts";
import { claimsNear, type OutcomeClaimCheck } from "../investment/index.ts";
import { loadActiveBank } from "./queries/value-bank.ts";
import { exclusionKey } from "./social-value.ts";

/**
 * Checks a claimed outcome against the active value bank before it is saved: the code must be in
 * the bank, and it must not pair with an outcome this person already has within 12 months that
 * draws on the same area of benefit (that would be counted twice).
 */
export const valueBankClaimCheck: OutcomeClaimCheck = async (db: Db, organisationId, claim) => {
  const active = await loadActiveBank(db, organisationId);
  if (!active)
    return "There is no value bank yet: install the open default bank or import one before recording value-bank outcomes";
  const outcome = active.rules.outcomes.get(claim.code);
  if (!outcome) return `${claim.code} is not an outcome in the value bank (${active.bank.name})`;
  const nearby = await claimsNear(db, organisationId, claim.participantId, claim.achievedOn);
  const clash = nearby.find((other) => active.rules.exclusions.has(exclusionKey(other.code, claim.code)));
  if (clash) {
    const other = active.rules.outcomes.get(clash.code);
    return `This person already has "${other?.name ?? clash.code}" (${clash.achievedOn}), which draws on the same area of benefit as "${outcome.name}"; both cannot be valued within 12 months`;
  }
  return null;
};
