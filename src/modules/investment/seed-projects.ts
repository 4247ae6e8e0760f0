import { eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Actor } from "../../platform/access/actor.ts";
import { requireAllowed } from "../../platform/access/policy.ts";
import type { Db } from "../../platform/db/database.ts";
import { invalid } from "../../platform/http/problem.ts";
import { type DatedAuditEntry, recordAuditBatch } from "../../seed/audit-batch.ts";
import { bulkInsert } from "../../seed/bulk-insert.ts";
import { projectRows } from "./commands/create-project.ts";
import { parseInput } from "./commands/parse-input.ts";
import { resolveTheoryOfChange } from "./commands/theory-of-change.ts";
import { type ProjectInput, projectInput } from "./inputs.ts";
import { canManageProjects } from "./policy.ts";
import * as schema from "./schema.ts";

/** A demo project: its id is chosen up front, so its sessions can refer to it before it is written. */
export type DemoProject = { id: string; input: ProjectInput };

/**
 * The demo's projects, written as `createProject` writes them one by one (the same checks,
 * the same rows from the same builder, the same audit entries in the same order), in one
 * statement per table instead of a transaction and eight statements per project.
 */
export async function seedProjects(db: Db, actor: Actor, now: Date, projects: DemoProject[]): Promise<void> {
  requireAllowed(canManageProjects(actor), "Only officers and managers can add projects.");
  const organisationId = actor.organisationId;
  const themes = await db
    .select({ id: schema.investmentTheme.id, code: schema.investmentTheme.code })
    .from(schema.investmentTheme)
    .where(eq(schema.investmentTheme.organisationId, organisationId));
  // The theory of change depends only on the template and the chosen indicators: resolve each once.
  const tocs = new Map<string, ReturnType<typeof resolveTheoryOfChange>>();
  const rows: ReturnType<typeof projectRows>[] = [];
  for (const { id, input } of projects) {
    const value = parseInput(projectInput, input);
    const chosen = themes.filter((theme) => value.themeCodes.includes(theme.code));
    const missing = value.themeCodes.filter((code) => !chosen.some((theme) => theme.code === code));
    if (missing.length > 0)
      throw invalid("Check the themes.", {
        themeCodes: `There is no theme with the code ${missing.join(", ")}`,
      });
    const key = JSON.stringify([value.changeTemplateId, value.theoryOfChange, value.indicatorCodes]);
    let toc = tocs.get(key);
    if (!toc) {
      toc = resolveTheoryOfChange(db, organisationId, value);
      tocs.set(key, toc);
    }
    const resolved = await toc;
    rows.push(projectRows(organisationId, id, now, value, chosen, resolved.toc, resolved.indicatorCodes));
  }
  const audits: DatedAuditEntry[] = rows.map((row) => ({ actor, at: now, entry: row.audit }));
  await db.transaction(async (tx) => {
    type Rows = (typeof rows)[number];
    const write = <T extends PgTable>(table: T, lines: (row: Rows) => T["$inferInsert"][]) =>
      bulkInsert(tx, table, rows.flatMap(lines));
    await write(schema.project, (row) => [row.project]);
    await write(schema.projectTheme, (row) => row.themes);
    await write(schema.projectArea, (row) => row.areas);
    await write(schema.projectPartner, (row) => row.partners);
    await write(schema.projectFunding, (row) => row.funding);
    await write(schema.steeringMember, (row) => row.steering);
    await recordAuditBatch(tx, organisationId, audits);
  });
}
