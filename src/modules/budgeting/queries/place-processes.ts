import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { ProfilePlace } from "../../../platform/http/place-profile.ts";
import { canViewProcesses } from "../policy.ts";
import { type Phase, pbBallot, pbProcess, pbProposal } from "../schema.ts";

export type PlaceProcess = { id: string; title: string; phase: Phase; ideas: number; ballots: number };

/**
 * Participatory budgeting processes run for this place: a neighbourhood's own, or for a district its
 * own and its neighbourhoods'. Ideas are proposals past draft; ballots are votes cast.
 */
export async function processesInPlace(db: Db, actor: Actor, place: ProfilePlace): Promise<PlaceProcess[]> {
  requireAllowed(canViewProcesses(actor), "Only staff can see budgeting processes.");
  const forPlace =
    place.level === "lsoa"
      ? and(eq(pbProcess.areaKind, "neighbourhood"), eq(pbProcess.areaCode, place.code))
      : and(eq(pbProcess.areaKind, "local-authority"), eq(pbProcess.areaCode, place.code));
  const processes = await db
    .select({ id: pbProcess.id, title: pbProcess.title, phase: pbProcess.phase })
    .from(pbProcess)
    .where(inOrganisation(pbProcess, actor.organisationId, forPlace))
    .orderBy(asc(pbProcess.title));
  if (processes.length === 0) return [];
  const ids = processes.map((p) => p.id);
  const [ideas, ballots] = await Promise.all([
    db
      .select({ processId: pbProposal.processId, n: count() })
      .from(pbProposal)
      .where(
        inOrganisation(
          pbProposal,
          actor.organisationId,
          and(inArray(pbProposal.processId, ids), ne(pbProposal.status, "draft")),
        ),
      )
      .groupBy(pbProposal.processId),
    db
      .select({ processId: pbBallot.processId, n: count() })
      .from(pbBallot)
      .where(inOrganisation(pbBallot, actor.organisationId, inArray(pbBallot.processId, ids)))
      .groupBy(pbBallot.processId),
  ]);
  return processes.map((p) => ({
    ...p,
    ideas: ideas.find((row) => row.processId === p.id)?.n ?? 0,
    ballots: ballots.find((row) => row.processId === p.id)?.n ?? 0,
  }));
}
