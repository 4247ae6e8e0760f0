import { eq, or } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { type ParticipantInput, participantInput } from "../inputs.ts";
import { personFacts } from "../people-link.ts";
import { canRecordDelivery } from "../policy.ts";
import { participant } from "../schema.ts";
import { withLinkedRecords } from "./foreign-keys.ts";
import { parseInput } from "./parse-input.ts";

/**
 * Makes someone a participant, or returns the existing participant for that person or
 * external reference (registering twice is harmless, so pushes from other systems can retry).
 * With a person record, the name, date of birth, tenancy and area come from it.
 */
export async function registerParticipant(
  db: Db,
  actor: Actor,
  now: Date,
  input: ParticipantInput,
): Promise<{ id: string; created: boolean }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can register participants.");
  const value = parseInput(participantInput, input);
  const organisationId = actor.organisationId;
  const facts = value.personId
    ? await personFacts(db, actor, now, value.personId)
    : {
        displayName: value.displayName ?? "",
        dateOfBirth: value.dateOfBirth,
        tenant: value.tenant ?? false,
        laCode: value.laCode,
        lsoa21Code: value.lsoa21Code,
      };
  return withLinkedRecords(
    () =>
      db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ id: participant.id })
          .from(participant)
          .where(
            inOrganisation(
              participant,
              organisationId,
              or(
                value.personId ? eq(participant.personId, value.personId) : undefined,
                value.externalRef ? eq(participant.externalRef, value.externalRef) : undefined,
              ),
            ),
          );
        if (existing) return { id: existing.id, created: false };
        const id = newId(now.getTime());
        await tx.insert(participant).values({
          organisationId,
          id,
          personId: value.personId,
          externalRef: value.externalRef,
          ...facts,
          communities: [...new Set(value.communities)],
          createdAt: now,
        });
        await recordAudit(tx, actor, now, {
          action: "create",
          entityType: "participant",
          entityId: id,
          summary: `Registered participant ${facts.displayName}`,
          after: { personId: value.personId, externalRef: value.externalRef, communities: value.communities },
        });
        return { id, created: true };
      }),
    {
      la_code: { field: "laCode", message: "That local authority code is not one we know" },
      person_id: { field: "personId", message: "That person was not found" },
    },
  );
}
