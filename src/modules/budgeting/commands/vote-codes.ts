import { randomInt } from "node:crypto";
import { isNull } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { hashToken } from "../../../platform/auth/tokens.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { canEnterPaperBallots, canVoteOnline } from "../policy.ts";
import { findProcess } from "../queries/processes.ts";
import { pbVoteCode } from "../schema.ts";
import { type BallotChoices, castBallot } from "./cast-ballot.ts";
import { checkEligibility } from "./eligibility.ts";

// No 0/O, 1/I/L: the code is read off a letter or a text message and typed on a phone.
const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function normalise(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** A fresh code as the resident sees it ("ABCD-EFGH-JK") and the hash that is stored. */
export function newVoteCode(): { code: string; codeHash: string } {
  let raw = "";
  for (let i = 0; i < 10; i++) raw += alphabet[randomInt(alphabet.length)];
  return { code: `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`, codeHash: hashToken(raw) };
}

/**
 * Issues a voting code for one resident after checking they are eligible. Only its hash
 * is stored; the officer sends the code (letter, text, email). Issuing again replaces
 * the old code. A resident's code identifies them, so they still have one vote.
 */
export async function issueVoteCode(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  personId: string,
): Promise<string> {
  requireAllowed(canEnterPaperBallots(actor), "Only officers can issue voting codes.");
  const process = await findProcess(db, actor.organisationId, processId);
  if (process.phase === "results")
    throw conflict("Voting has closed", "Codes can only be issued before voting closes.");
  await checkEligibility(db, actor, now, process, personId);
  const { code, codeHash } = newVoteCode();
  await db.transaction(async (tx) => {
    const values = {
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      processId: process.id,
      personId,
      codeHash,
      issuedAt: now,
      issuedByUserId: actor.kind === "user" ? actor.userId : null,
    };
    await tx
      .insert(pbVoteCode)
      .values(values)
      .onConflictDoUpdate({
        target: [pbVoteCode.organisationId, pbVoteCode.processId, pbVoteCode.personId],
        set: {
          codeHash: values.codeHash,
          issuedAt: now,
          issuedByUserId: values.issuedByUserId,
          firstUsedAt: null,
        },
      });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "pb_vote_code",
      entityId: personId,
      summary: `Issued a voting code for "${process.title}"`,
    });
  });
  return code;
}

/** The resident a code belongs to, or a 422 the voter can act on. */
export async function redeemVoteCode(
  db: Db,
  now: Date,
  organisationId: string,
  processId: string,
  code: string,
): Promise<{ codeId: string; personId: string }> {
  const process = await findProcess(db, organisationId, processId);
  const raw = normalise(code);
  if (raw.length !== 10)
    throw invalid("Check your voting code.", {
      code: "Enter the 10-character code from your letter or message, like ABCD-EFGH-JK",
    });
  const [found] = await db
    .select()
    .from(pbVoteCode)
    .where(
      matchInOrganisation(pbVoteCode, organisationId, { processId: process.id, codeHash: hashToken(raw) }),
    );
  if (!found)
    throw invalid("Check your voting code.", {
      code: "That code is not right for this vote. Check it and try again",
    });
  // Single use: the first use opens the ballot (kept in the voter's signed cookie, so
  // they can still change their vote); the code itself never works again. The update
  // claims the code atomically, so two people racing with one code cannot both get in.
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(pbVoteCode)
      .set({ firstUsedAt: now })
      .where(
        matchInOrganisation(pbVoteCode, organisationId, { id: found.id }, isNull(pbVoteCode.firstUsedAt)),
      )
      .returning({ id: pbVoteCode.id });
    if (claimed.length === 0)
      throw invalid("Check your voting code.", {
        code: "That code has already been used. Each code works once: ask us for a new one if you need to change your vote",
      });
    await recordAudit(tx, systemActor(organisationId, "Voter with a voting code"), now, {
      action: "update",
      entityType: "pb_vote_code",
      entityId: found.personId,
      summary: `Voting code used for "${process.title}"`,
    });
  });
  return { codeId: found.id, personId: found.personId };
}

/** The person behind a code id kept in the voter's signed cookie. */
export async function personForCode(
  db: Db,
  organisationId: string,
  processId: string,
  codeId: string,
): Promise<string | null> {
  const [found] = await db
    .select({ personId: pbVoteCode.personId })
    .from(pbVoteCode)
    .where(matchInOrganisation(pbVoteCode, organisationId, { id: codeId, processId }));
  return found?.personId ?? null;
}

/** A signed-in resident votes: eligibility is checked on their own record each time. */
export async function voteOnline(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  budgetId: string,
  choices: BallotChoices,
) {
  requireAllowed(
    canVoteOnline(actor),
    "Your account is not linked to a resident record, so you cannot vote online. Ask us for a voting code.",
  );
  if (actor.kind !== "user" || actor.personId === null) throw invalid("Sign in as a resident to vote.");
  const process = await findProcess(db, actor.organisationId, processId);
  await checkEligibility(db, actor, now, process, actor.personId);
  return castBallot(
    db,
    actor,
    now,
    actor.organisationId,
    processId,
    budgetId,
    { channel: "online", personId: actor.personId },
    choices,
  );
}
