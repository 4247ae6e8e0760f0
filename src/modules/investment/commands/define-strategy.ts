import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { changeTemplateInput, indicatorInput, themeInput } from "../inputs.ts";
import { canManageStrategy } from "../policy.ts";
import {
  changeTemplate,
  indicatorTarget,
  investmentIndicator,
  investmentOutcome,
  investmentTheme,
} from "../schema.ts";
import { parseInput } from "./parse-input.ts";

export async function createTheme(
  db: Db,
  actor: Actor,
  now: Date,
  input: z.input<typeof themeInput>,
): Promise<{ id: string }> {
  requireAllowed(canManageStrategy(actor), "Only managers can change the strategy.");
  const value = parseInput(themeInput, input);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: investmentTheme.id })
      .from(investmentTheme)
      .where(matchInOrganisation(investmentTheme, actor.organisationId, { code: value.code }));
    if (existing)
      throw conflict("Theme already exists", `There is already a theme with the code ${value.code}.`);
    const id = newId(now.getTime());
    const position = await tx.$count(investmentTheme, inOrganisation(investmentTheme, actor.organisationId));
    await tx.insert(investmentTheme).values({
      organisationId: actor.organisationId,
      id,
      code: value.code,
      name: value.name,
      description: value.description,
      crossCutting: value.crossCutting,
      position,
    });
    if (value.outcomes.length > 0) {
      await tx.insert(investmentOutcome).values(
        value.outcomes.map((name) => ({
          organisationId: actor.organisationId,
          id: newId(now.getTime()),
          themeId: id,
          name,
        })),
      );
    }
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "investment-theme",
      entityId: id,
      summary: `Created theme ${value.name}`,
      after: value,
    });
    return { id };
  });
}

export async function createIndicator(
  db: Db,
  actor: Actor,
  now: Date,
  input: z.input<typeof indicatorInput>,
): Promise<{ id: string }> {
  requireAllowed(canManageStrategy(actor), "Only managers can change the strategy.");
  const value = parseInput(indicatorInput, input);
  return db.transaction(async (tx) => {
    const [theme] = await tx
      .select({ id: investmentTheme.id })
      .from(investmentTheme)
      .where(matchInOrganisation(investmentTheme, actor.organisationId, { code: value.themeCode }));
    if (!theme)
      throw invalid("Check the theme.", { themeCode: `There is no theme with the code ${value.themeCode}` });
    let outcomeId: string | null = null;
    if (value.outcomeName) {
      const [outcome] = await tx
        .select({ id: investmentOutcome.id })
        .from(investmentOutcome)
        .where(
          matchInOrganisation(investmentOutcome, actor.organisationId, {
            themeId: theme.id,
            name: value.outcomeName,
          }),
        );
      if (!outcome)
        throw invalid("Check the outcome.", {
          outcomeName: `The theme has no outcome called "${value.outcomeName}"`,
        });
      outcomeId = outcome.id;
    }
    const [clash] = await tx
      .select({ id: investmentIndicator.id })
      .from(investmentIndicator)
      .where(matchInOrganisation(investmentIndicator, actor.organisationId, { code: value.code }));
    if (clash)
      throw conflict(
        "Indicator already exists",
        `There is already an indicator with the code ${value.code}.`,
      );
    const id = newId(now.getTime());
    await tx.insert(investmentIndicator).values({
      organisationId: actor.organisationId,
      id,
      themeId: theme.id,
      outcomeId,
      code: value.code,
      name: value.name,
      level: value.level,
      unit: value.unit,
    });
    if (value.targets.length > 0) {
      await tx.insert(indicatorTarget).values(
        value.targets.map((t) => ({
          organisationId: actor.organisationId,
          indicatorId: id,
          period: t.period,
          baseline: t.baseline,
          target: t.target,
        })),
      );
    }
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "investment-indicator",
      entityId: id,
      summary: `Created indicator ${value.code} ${value.name}`,
      after: value,
    });
    return { id };
  });
}

export async function createChangeTemplate(
  db: Db,
  actor: Actor,
  now: Date,
  input: z.input<typeof changeTemplateInput>,
): Promise<{ id: string }> {
  requireAllowed(canManageStrategy(actor), "Only managers can change the strategy.");
  const value = parseInput(changeTemplateInput, input);
  return db.transaction(async (tx) => {
    await requireIndicatorCodes(tx, actor.organisationId, value.indicatorCodes);
    const [clash] = await tx
      .select({ id: changeTemplate.id })
      .from(changeTemplate)
      .where(matchInOrganisation(changeTemplate, actor.organisationId, { name: value.name }));
    if (clash)
      throw conflict("Template already exists", `There is already a theory of change called ${value.name}.`);
    const id = newId(now.getTime());
    await tx.insert(changeTemplate).values({ organisationId: actor.organisationId, id, ...value });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "change-template",
      entityId: id,
      summary: `Created theory of change ${value.name}`,
      after: value,
    });
    return { id };
  });
}

/** Every code must be one of the organisation's indicators: a typo is named, not silently dropped. */
export async function requireIndicatorCodes(db: Db, organisationId: string, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const found = await db
    .select({ code: investmentIndicator.code })
    .from(investmentIndicator)
    .where(inOrganisation(investmentIndicator, organisationId, inArray(investmentIndicator.code, codes)));
  const known = new Set(found.map((row) => row.code));
  const missing = codes.filter((code) => !known.has(code));
  if (missing.length > 0)
    throw invalid("Check the indicators.", {
      indicatorCodes: `There is no indicator with the code ${missing.join(", ")}`,
    });
}
