import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { safetyCategory, safetyWorkflowStatus } from "../schema.ts";
import {
  type Category,
  categories as defaultCategories,
  workflowStatuses as defaultStatuses,
  type Workflow,
  workflows,
} from "./categories.ts";
import { addDays } from "./settings.ts";

// An organisation's categories and workflow statuses. Until an organisation changes them it has the
// defaults shipped in categories.ts (so a new organisation has them from its first request); its first
// change stores the whole set (materialiseConfiguration) and from then on its rows are the truth.

export type ConfiguredCategory = Category & { retired: boolean };
export type WorkflowStatus = { code: string; name: string; targetDays: number | null };
export type SafetyConfiguration = {
  categories: ConfiguredCategory[];
  statuses: Record<Workflow, WorkflowStatus[]>;
};

export function defaultConfiguration(): SafetyConfiguration {
  return {
    categories: defaultCategories.map((category) => ({ ...category, retired: false })),
    statuses: Object.fromEntries(
      workflows.map((workflow) => [workflow, defaultStatuses[workflow].map((status) => ({ ...status }))]),
    ) as Record<Workflow, WorkflowStatus[]>,
  };
}

export async function loadSafetyConfiguration(db: Db, organisationId: string): Promise<SafetyConfiguration> {
  const [categoryRows, statusRows] = await Promise.all([
    db
      .select()
      .from(safetyCategory)
      .where(eq(safetyCategory.organisationId, organisationId))
      .orderBy(asc(safetyCategory.position), asc(safetyCategory.code)),
    db
      .select()
      .from(safetyWorkflowStatus)
      .where(eq(safetyWorkflowStatus.organisationId, organisationId))
      .orderBy(asc(safetyWorkflowStatus.position)),
  ]);
  const configuration = defaultConfiguration();
  if (categoryRows.length > 0) {
    configuration.categories = categoryRows.map((row) => ({
      code: row.code,
      name: row.name,
      workflow: row.workflow as Workflow,
      nsirType: row.nsirType as Category["nsirType"],
      countsAsAsb: row.countsAsAsb,
      subCategories: row.subCategories,
      retired: row.retiredAt !== null,
    }));
  }
  for (const workflow of workflows) {
    const stored = statusRows.filter((row) => row.workflow === workflow);
    if (stored.length > 0)
      configuration.statuses[workflow] = stored.map((row) => ({
        code: row.code,
        name: row.name,
        targetDays: row.targetDays,
      }));
  }
  return configuration;
}

// Every case page and case list names categories and statuses, and they change only when a manager
// saves them: pages read them through this short cache instead of two statements per view. The
// commands that change them forget the organisation's entry once their transaction has committed,
// so this process shows a change at once; another server process may show the old names for up to
// `cacheMs`. Commands keep reading the rows themselves (inside their transaction).
const cacheMs = 10_000;
const cache = new Map<string, { db: Db; until: number; configuration: Promise<SafetyConfiguration> }>();

/** The organisation's configuration for showing on a page, read at most once per `cacheMs`. */
export function cachedSafetyConfiguration(db: Db, organisationId: string): Promise<SafetyConfiguration> {
  // A monotonic clock, not the request clock: this is about freshness, not dates shown to anyone.
  const now = performance.now();
  const entry = cache.get(organisationId);
  if (entry && entry.db === db && entry.until > now) return entry.configuration;
  const configuration = loadSafetyConfiguration(db, organisationId);
  cache.set(organisationId, { db, until: now + cacheMs, configuration });
  // A failed read is not kept: the next page tries again.
  configuration.catch(() => {
    if (cache.get(organisationId)?.configuration === configuration) cache.delete(organisationId);
  });
  return configuration;
}

/** Called by the commands that change the configuration, after their transaction commits. */
export function forgetSafetyConfiguration(organisationId: string): void {
  cache.delete(organisationId);
}

/** A category by code or name, retired or not (existing cases keep a retired category). */
export function categoryIn(
  configuration: SafetyConfiguration,
  codeOrName: string,
): ConfiguredCategory | undefined {
  const key = codeOrName.trim().toLowerCase();
  return (
    configuration.categories.find((category) => category.code === key) ??
    configuration.categories.find((category) => category.name.toLowerCase() === key)
  );
}

/** Categories offered for new cases and reports. */
export function activeCategories(configuration: SafetyConfiguration): ConfiguredCategory[] {
  return configuration.categories.filter((category) => !category.retired);
}

export function categoryLabel(configuration: SafetyConfiguration, code: string): string {
  return categoryIn(configuration, code)?.name ?? code;
}

export function statusesOf(configuration: SafetyConfiguration, workflow: string): WorkflowStatus[] {
  return configuration.statuses[workflow as Workflow] ?? [];
}

export function statusLabel(configuration: SafetyConfiguration, workflow: string, status: string): string {
  return statusesOf(configuration, workflow).find((item) => item.code === status)?.name ?? status;
}

/** The day a case entering `status` on `enteredOn` should have moved on, or null when the status has no target. */
export function statusDueOn(
  configuration: SafetyConfiguration,
  workflow: string,
  status: string,
  enteredOn: string,
): string | null {
  const target = statusesOf(configuration, workflow).find((item) => item.code === status)?.targetDays;
  return target ? addDays(enteredOn, target) : null;
}

/** Stores the defaults for an organisation that has not changed anything yet, inside the caller's transaction. */
export async function materialiseConfiguration(tx: Db, organisationId: string, now: Date): Promise<void> {
  const current = await loadSafetyConfiguration(tx, organisationId);
  await tx
    .insert(safetyCategory)
    .values(
      current.categories.map((category, position) => ({
        organisationId,
        code: category.code,
        name: category.name,
        workflow: category.workflow,
        nsirType: category.nsirType,
        countsAsAsb: category.countsAsAsb,
        subCategories: category.subCategories,
        position,
        retiredAt: category.retired ? now : null,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(safetyWorkflowStatus)
    .values(
      workflows.flatMap((workflow) =>
        current.statuses[workflow].map((status, position) => ({
          organisationId,
          workflow,
          code: status.code,
          name: status.name,
          targetDays: status.targetDays,
          position,
          updatedAt: now,
        })),
      ),
    )
    .onConflictDoNothing();
}
