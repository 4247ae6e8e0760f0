import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { validate } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { canEditPlaces } from "../policy.ts";
import { loadReferenceCodes, referenceProblems } from "../queries/reference-codes.ts";
import { type Home, home } from "../schema.ts";
import { homeInput } from "./home-input.ts";

export async function createHome(database: Database, actor: Actor, now: Date, input: unknown): Promise<Home> {
  requireAllowed(canEditPlaces(actor), "Only officers can add homes.");
  const checked = validate(homeInput, input);
  if (!checked.ok) throw invalid("Check the home's details.", checked.errors);
  const value = checked.value;
  const codes = await loadReferenceCodes(database, database);
  const problems = referenceProblems(codes, value);
  if (Object.keys(problems).length > 0) throw invalid("Check the home's area codes.", problems);
  const db = database.db;
  const [existing] = await db
    .select({ id: home.id })
    .from(home)
    .where(matchInOrganisation(home, actor.organisationId, { uprn: value.uprn }));
  if (existing) throw conflict("Home already exists", `A home with UPRN ${value.uprn} is already on record.`);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(home)
      .values({ ...value, organisationId: actor.organisationId, id: newId(now.getTime()), createdAt: now })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "home",
      entityId: created.id,
      summary: `Added home ${created.addressLine1}, ${created.postcode}`,
      after: value,
    });
    return created;
  });
}
