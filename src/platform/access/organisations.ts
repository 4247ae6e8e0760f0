import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { organisation } from "../db/platform-schema.ts";
import { invalid } from "../http/problem.ts";
import { type Actor, systemActor } from "./actor.ts";
import { isPlatformAdmin, requireAllowed } from "./policy.ts";

export type Organisation = typeof organisation.$inferSelect;

export type CreateOrganisationInput = {
  name: string;
  kind: Organisation["kind"];
  orgIdentifier?: string | null;
  imdEdition?: Organisation["imdEdition"];
  priorityMaxDecile?: number;
};

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/** Only platform administrators (or the system, e.g. the seed or CLI) create organisations. */
export async function createOrganisation(
  db: Db,
  actor: Actor | null,
  now: Date,
  input: CreateOrganisationInput,
): Promise<Organisation> {
  if (actor) requireAllowed(isPlatformAdmin(actor), "Only platform administrators can create organisations.");
  if (!input.name.trim())
    throw invalid("Enter the organisation's name.", { name: "Enter the organisation's name" });
  const id = newId(now.getTime());
  const slug = `${slugify(input.name)}-${id.slice(-6)}`;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(organisation)
      .values({
        id,
        name: input.name.trim(),
        slug,
        kind: input.kind,
        orgIdentifier: input.orgIdentifier ?? null,
        imdEdition: input.imdEdition ?? "iod2025",
        priorityMaxDecile: input.priorityMaxDecile ?? 2,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, systemActor(id, actor ? `Platform admin` : "Kith system"), now, {
      action: "create",
      entityType: "organisation",
      entityId: id,
      summary: `Organisation ${created.name} created`,
      after: { name: created.name, kind: created.kind },
    });
    return created;
  });
}

export async function getOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  return row;
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return db.select().from(organisation).orderBy(organisation.name);
}
