import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { outboundMessage } from "../../../platform/db/platform-schema.ts";
import { conflict } from "../../../platform/http/problem.ts";
import { listResidentsWithEmail } from "../../people/index.ts";
import { homeAreas } from "../../places/index.ts";
import { canEnterPaperBallots } from "../policy.ts";
import { findProcess } from "../queries/processes.ts";
import { pbVoteCode } from "../schema.ts";
import { eligibilityProblem } from "./eligibility.ts";
import { newVoteCode } from "./vote-codes.ts";

export type VoteCodeMailing = { sent: number; alreadyHadCode: number; notEligible: number };

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

/**
 * Emails a one-time voting code to every eligible resident with an email address who
 * does not have one yet, through the platform outbox (the mailer sends it). Only each
 * code's hash is stored. Idempotent: a resident who already has a code is skipped, so
 * running it again only reaches people added since; an officer can still replace one
 * resident's code by hand. One transaction: every code and message, or none.
 */
export async function sendVoteCodes(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  baseUrl: string,
): Promise<VoteCodeMailing> {
  requireAllowed(canEnterPaperBallots(actor), "Only officers can send voting codes.");
  const process = await findProcess(db, actor.organisationId, processId);
  if (process.phase !== "review" && process.phase !== "voting")
    throw conflict(
      "Codes cannot be sent now",
      "Send voting codes once ideas are being checked, or while voting is open.",
    );
  const residents = await listResidentsWithEmail(db, actor, now, `voting codes for "${process.title}"`);
  const homes = process.areaKind === "all" ? new Map() : await homeAreas(db, actor);
  const today = londonDay(now);
  const link = `${baseUrl}/pb/${process.organisationId}/${process.id}/vote`;
  const closes = longDate.format(new Date(`${process.votingClose}T12:00:00Z`));
  return db.transaction(async (tx) => {
    const existing = new Set(
      (
        await tx
          .select({ personId: pbVoteCode.personId })
          .from(pbVoteCode)
          .where(matchInOrganisation(pbVoteCode, actor.organisationId, { processId: process.id }))
      ).map((row) => row.personId),
    );
    const result: VoteCodeMailing = { sent: 0, alreadyHadCode: 0, notEligible: 0 };
    for (const resident of residents) {
      if (existing.has(resident.id)) {
        result.alreadyHadCode++;
        continue;
      }
      const home = resident.homeId ? (homes.get(resident.homeId) ?? null) : null;
      if (eligibilityProblem(process, resident, home, today) !== null) {
        result.notEligible++;
        continue;
      }
      const { code, codeHash } = newVoteCode();
      await tx.insert(pbVoteCode).values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        processId: process.id,
        personId: resident.id,
        codeHash,
        issuedAt: now,
        issuedByUserId: actor.kind === "user" ? actor.userId : null,
      });
      await tx.insert(outboundMessage).values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        recipient: resident.email,
        subject: `Your voting code for ${process.title}`,
        body: `You can vote on how to spend money in your area: "${process.title}".\n\nGo to ${link} and enter this code:\n\n${code}\n\nThe code works once and only for you. Voting closes on ${closes}.\n\nIf you would rather vote on paper, contact us.`,
        reason: `You got this email because you can vote in "${process.title}" and your email address is on our records.`,
        createdAt: now,
      });
      await recordAudit(tx, actor, now, {
        action: "create",
        entityType: "pb_vote_code",
        entityId: resident.id,
        summary: `Emailed a voting code for "${process.title}"`,
      });
      result.sent++;
    }
    return result;
  });
}
