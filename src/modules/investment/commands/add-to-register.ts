import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { type PersonFacts, personFacts } from "../people-link.ts";
import { canRecordDelivery } from "../policy.ts";
import { participant } from "../schema.ts";
import { sessionOpenForAttendance, unknownParticipants, upsertAttendance } from "./attendance-rows.ts";
import { parseInput } from "./parse-input.ts";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * Who to add: `participant:<id>` for someone already taking part, `person:<id>` for someone on
 * record in People who is not a participant yet (found by search), registered as they are added.
 */
export const registerAdditionInput = z.object({
  keys: z
    .array(
      z
        .string()
        .regex(new RegExp(`^(participant|person):${uuid}$`, "i"), { error: "Choose people from the list" }),
    )
    .min(1, { error: "Tick at least one person to add" })
    .max(1000, { error: "Add at most 1,000 people at once" }),
  role: z.enum(["participant", "volunteer"], { error: "Choose whether they took part or volunteered" }),
});
export type RegisterAddition = z.input<typeof registerAdditionInput>;

function idsOf(keys: string[], kind: "participant" | "person"): string[] {
  return [
    ...new Set(
      keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1).toLowerCase()),
    ),
  ];
}

/**
 * Adds people to a session's register as present, all or nothing. Volunteers are counted with the
 * session's length. People found in People who are not participants yet become participants, with
 * their details taken from their person record, in the same transaction.
 */
export async function addToRegister(
  db: Db,
  actor: Actor,
  now: Date,
  sessionId: string,
  input: RegisterAddition,
): Promise<{ added: number; registered: number }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can record attendance.");
  const value = parseInput(registerAdditionInput, input, "Check who to add.");
  const organisationId = actor.organisationId;
  const participantIds = idsOf(value.keys, "participant");
  const personIds = idsOf(value.keys, "person");
  const existing = personIds.length
    ? await db
        .select({ id: participant.id, personId: participant.personId })
        .from(participant)
        .where(inOrganisation(participant, organisationId, inArray(participant.personId, personIds)))
    : [];
  const participantOf = new Map(existing.map((row) => [row.personId, row.id]));
  // Reads of person records (audited in People) happen before the transaction that writes.
  const newcomers: { personId: string; facts: PersonFacts }[] = [];
  for (const personId of personIds.filter((id) => !participantOf.has(id))) {
    const facts = await personFacts(db, actor, now, personId).catch(() => {
      throw invalid("Check who to add.", { add: "One of the people chosen was not found" });
    });
    newcomers.push({ personId, facts });
  }
  return db.transaction(async (tx) => {
    const session = await sessionOpenForAttendance(tx, organisationId, sessionId, now);
    if ((await unknownParticipants(tx, organisationId, participantIds)).length > 0)
      throw invalid("Check who to add.", { add: "One of the people chosen is not a participant" });
    for (const { personId, facts } of newcomers) {
      const id = newId(now.getTime());
      await tx
        .insert(participant)
        .values({ organisationId, id, personId, ...facts, communities: [], createdAt: now });
      participantOf.set(personId, id);
    }
    const everyone = [...new Set([...participantIds, ...personIds.map((id) => participantOf.get(id) ?? id)])];
    const minutes = value.role === "volunteer" ? session.durationMinutes : 0;
    await upsertAttendance(
      tx,
      organisationId,
      session,
      everyone.map((participantId) => ({ participantId, role: value.role, minutes })),
    );
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "activity-session",
      entityId: sessionId,
      summary: `Added ${everyone.length} to the register of ${session.title} (${session.heldOn})${newcomers.length ? `, ${newcomers.length} newly registered as participants` : ""}`,
      after: { added: everyone.length, role: value.role, registered: newcomers.map((n) => n.personId) },
    });
    return { added: everyone.length, registered: newcomers.length };
  });
}
