import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { checkUploadedFile, type FileKind } from "../../../platform/uploads/file-type.ts";
import { complainantParty } from "../queries/portal.ts";
import { safetyCase } from "../schema.ts";
import { addTimeline, storeDocument } from "../store.ts";

const diaryInput = z.object({
  happenedOn: z
    .string({ error: "Enter the date it happened" })
    .refine(isRealDate, { error: "Enter a real date, like 27 3 2026" }),
  description: z
    .string({ error: "Tell us what happened" })
    .trim()
    .min(1, { error: "Tell us what happened" })
    .max(5000, { error: "What happened must be 5,000 characters or fewer" }),
});

/** A diary entry from the complainant: it goes on the case timeline, marked as theirs. */
export async function addDiaryEntry(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof diaryInput>,
): Promise<void> {
  const { partyId } = await complainantParty(db, actor, now, caseId);
  const parsed = diaryInput.safeParse(input);
  if (!parsed.success) throw invalid("Your diary entry could not be saved.", fieldErrorsFrom(parsed.error));
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ closedOn: safetyCase.closedOn })
      .from(safetyCase)
      .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, caseId)))
      .for("update");
    if (found?.closedOn)
      throw conflict("This case is closed", "If it is happening again, make a new report.");
    await addTimeline(tx, actor, now, {
      caseId,
      kind: "portal",
      title: `Diary entry for ${parsed.data.happenedOn}`,
      body: parsed.data.description,
      byComplainantPartyId: partyId,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_timeline_entry",
      entityId: caseId,
      summary: "Complainant added a diary entry in the portal",
    });
  });
}

/** Files a tenant may send with one report. */
export const maxEvidenceFiles = 5;

/** Allowed evidence, checked by content by the platform's one upload check. */
const evidenceKinds: FileKind[] = ["pdf", "jpeg", "png", "mp3"];

export function checkEvidence(
  fileName: string,
  bytes: Uint8Array,
): { contentType: string; fileName: string } {
  const checked = checkUploadedFile(fileName, bytes, { allowed: evidenceKinds, field: "evidence" });
  return { contentType: checked.contentType, fileName: checked.fileName };
}

/** Evidence from the complainant (photos, recordings, letters), saved to their case. */
export async function uploadEvidence(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<string> {
  const { partyId } = await complainantParty(db, actor, now, caseId);
  const checked = checkEvidence(file.name, file.bytes);
  return db.transaction(async (tx) => {
    const id = await storeDocument(tx, actor, now, {
      caseId,
      kind: "evidence",
      fileName: checked.fileName,
      contentType: checked.contentType,
      bytes: file.bytes,
      uploadedByPartyId: partyId,
      summary: "Complainant uploaded evidence in the portal",
    });
    await addTimeline(tx, actor, now, {
      caseId,
      kind: "document",
      title: `Evidence uploaded: ${checked.fileName}`,
      byComplainantPartyId: partyId,
    });
    return id;
  });
}
