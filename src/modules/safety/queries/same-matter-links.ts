import { and, eq, or, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canWorkCases } from "../policy.ts";
import { safetySameMatterLink } from "../schema/same-matter.ts";
import { safetyCase } from "../schema.ts";

/** The same-matter links of one case: what it is linked to, and which cases are linked to it. */
export async function sameMatterLinksOf(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{ sameAs: string | null; linkedHere: string[] }> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see case links.");
  const rows = await db
    .select({
      caseId: safetySameMatterLink.caseId,
      sameAsCaseId: safetySameMatterLink.sameAsCaseId,
      reference: safetyCase.reference,
    })
    .from(safetySameMatterLink)
    .innerJoin(
      safetyCase,
      sameOrganisation(
        safetyCase,
        safetySameMatterLink,
        or(
          and(eq(safetySameMatterLink.caseId, caseId), eq(safetyCase.id, safetySameMatterLink.sameAsCaseId)),
          and(eq(safetySameMatterLink.sameAsCaseId, caseId), eq(safetyCase.id, safetySameMatterLink.caseId)),
        ) as SQL,
      ),
    )
    .where(inOrganisation(safetySameMatterLink, actor.organisationId));
  return {
    sameAs: rows.find((row) => row.caseId === caseId)?.reference ?? null,
    linkedHere: rows.filter((row) => row.sameAsCaseId === caseId).map((row) => row.reference),
  };
}
