import type { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, notFound } from "../../../platform/http/problem.ts";
import { indicatorChangeInput, outcomeNameInput } from "../edit-inputs.ts";
import { indicatorTargetInput } from "../inputs.ts";
import { canManageStrategy } from "../policy.ts";
import { indicatorTarget, investmentIndicator, investmentOutcome, investmentTheme } from "../schema.ts";
import { parseInput } from "./parse-input.ts";

const strategyOnly = "Only managers can change the strategy.";

async function requireIndicator(db: Db, organisationId: string, indicatorId: string) {
  if (!isUuid(indicatorId)) throw notFound("Indicator not found");
  const [found] = await db
    .select()
    .from(investmentIndicator)
    .where(matchInOrganisation(investmentIndicator, organisationId, { id: indicatorId }));
  if (!found) throw notFound("Indicator not found");
  return found;
}

/** A manager's change to one indicator: the policy first, the input checked, the change in one transaction. */
async function editIndicator<S extends z.ZodType>(
  db: Db,
  actor: Actor,
  indicatorId: string,
  schema: S,
  input: unknown,
  change: (tx: Db, indicator: typeof investmentIndicator.$inferSelect, value: z.output<S>) => Promise<void>,
): Promise<void> {
  requireAllowed(canManageStrategy(actor), strategyOnly);
  const value = parseInput(schema, input);
  await db.transaction(async (tx) =>
    change(tx, await requireIndicator(tx, actor.organisationId, indicatorId), value),
  );
}

/** Adds an intended outcome to a theme. */
export async function addThemeOutcome(
  db: Db,
  actor: Actor,
  now: Date,
  themeId: string,
  input: unknown,
): Promise<{ id: string }> {
  requireAllowed(canManageStrategy(actor), strategyOnly);
  const value = parseInput(outcomeNameInput, input);
  return db.transaction(async (tx) => {
    if (!isUuid(themeId)) throw notFound("Theme not found");
    const [theme] = await tx
      .select()
      .from(investmentTheme)
      .where(matchInOrganisation(investmentTheme, actor.organisationId, { id: themeId }));
    if (!theme) throw notFound("Theme not found");
    const [clash] = await tx
      .select({ id: investmentOutcome.id })
      .from(investmentOutcome)
      .where(matchInOrganisation(investmentOutcome, actor.organisationId, { themeId, name: value.name }));
    if (clash)
      throw conflict("Outcome already exists", `${theme.name} already has the outcome "${value.name}".`);
    const id = newId(now.getTime());
    await tx
      .insert(investmentOutcome)
      .values({ organisationId: actor.organisationId, id, themeId, name: value.name });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "investment-outcome",
      entityId: id,
      summary: `Added the outcome "${value.name}" to ${theme.name}`,
      after: value,
    });
    return { id };
  });
}

/** Renames an indicator or moves it to another level of the options map (individual, community, business). */
export async function changeIndicator(
  db: Db,
  actor: Actor,
  now: Date,
  indicatorId: string,
  input: unknown,
): Promise<void> {
  await editIndicator(db, actor, indicatorId, indicatorChangeInput, input, async (tx, before, value) => {
    await updateAudited(tx, actor, now, investmentIndicator, indicatorId, value, {
      entityType: "investment-indicator",
      summary: `Changed indicator ${before.code}`,
      before: { name: before.name, level: before.level, unit: before.unit },
      after: value,
    });
  });
}

/** Sets the baseline and target of an indicator for one period; setting a period again replaces it. */
export async function setIndicatorTarget(
  db: Db,
  actor: Actor,
  now: Date,
  indicatorId: string,
  input: unknown,
): Promise<void> {
  await editIndicator(db, actor, indicatorId, indicatorTargetInput, input, async (tx, indicator, value) => {
    const [before] = await tx
      .select()
      .from(indicatorTarget)
      .where(
        matchInOrganisation(indicatorTarget, actor.organisationId, { indicatorId, period: value.period }),
      );
    await tx
      .insert(indicatorTarget)
      .values({ organisationId: actor.organisationId, indicatorId, ...value })
      .onConflictDoUpdate({
        target: [indicatorTarget.organisationId, indicatorTarget.indicatorId, indicatorTarget.period],
        set: { baseline: value.baseline, target: value.target },
      });
    await recordAudit(tx, actor, now, {
      action: before ? "update" : "create",
      entityType: "indicator-target",
      entityId: indicatorId,
      summary: `Set the ${value.period} target of ${indicator.code} to ${value.target}`,
      before: before ? { baseline: before.baseline, target: before.target } : undefined,
      after: value,
    });
  });
}
