import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { requireSharedCase } from "../queries/shared-cases.ts";
import { addTimeline, lockCase } from "../store.ts";

// A partner agency adds information to a case shared with it. The note lands on the case timeline
// as "From <agency>" for the officers; it is not shared with the complainant unless an officer shares it.

const noteInput = z.object({
  note: z
    .string({ error: "Enter the information" })
    .trim()
    .min(1, { error: "Enter the information" })
    .max(2000, { error: "The information must be 2,000 characters or fewer" }),
});

export async function addPartnerNote(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof noteInput>,
): Promise<string> {
  // Checks the partner policy and that the case is currently shared with the actor's agency (else 404).
  const [current] = await requireSharedCase(db, actor, now, caseId);
  const parsed = noteInput.safeParse(input);
  if (!parsed.success) throw invalid("The information could not be added.", fieldErrorsFrom(parsed.error));
  const agencyName = current?.share.agencyName ?? "a partner agency";
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const id = await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "note",
      title: `From ${agencyName}`,
      body: parsed.data.note,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_timeline_entry",
      entityId: id,
      summary: `${agencyName} added information to ${found.reference}`,
    });
    return id;
  });
}
