import { and, eq, ne } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { validate } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { canEditPlaces } from "../policy.ts";
import { getHome } from "../queries/get-home.ts";
import { loadReferenceCodes, referenceProblems } from "../queries/reference-codes.ts";
import { type Home, home } from "../schema.ts";
import { homeInput } from "./home-input.ts";

export async function updateHome(
  database: Database,
  actor: Actor,
  now: Date,
  homeId: string,
  input: unknown,
): Promise<Home> {
  requireAllowed(canEditPlaces(actor), "Only officers can change homes.");
  const before = await getHome(database.db, actor, homeId);
  const checked = validate(homeInput, input);
  if (!checked.ok) throw invalid("Check the home's details.", checked.errors);
  const value = checked.value;
  const problems = referenceProblems(await loadReferenceCodes(database, database), value);
  if (Object.keys(problems).length > 0) throw invalid("Check the home's area codes.", problems);
  const [clash] = await database.db
    .select({ id: home.id })
    .from(home)
    .where(inOrganisation(home, actor.organisationId, and(eq(home.uprn, value.uprn), ne(home.id, homeId))));
  if (clash) throw conflict("UPRN already in use", `Another home already has UPRN ${value.uprn}.`);
  return database.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(home)
      .set(value)
      .where(matchInOrganisation(home, actor.organisationId, { id: homeId }))
      .returning();
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "home",
      entityId: homeId,
      summary: `Changed home ${updated.addressLine1}, ${updated.postcode}`,
      before,
      after: updated,
    });
    return updated;
  });
}
