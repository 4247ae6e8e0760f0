import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, tooLarge } from "../../../platform/http/problem.ts";
import { complainantParty } from "../queries/portal.ts";
import { safetyCase, safetyDocument } from "../schema.ts";
import { addTimeline } from "../store.ts";

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

export const maxEvidenceBytes = 10 * 1024 * 1024;
/** Files a tenant may send with one report. */
export const maxEvidenceFiles = 5;

/** HEIC/HEIF (iPhone photos): an ISO media file whose brand is one of these. */
const heicBrands = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);
function isHeic(bytes: Uint8Array): boolean {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return bytes.length >= 12 && text(4, 8) === "ftyp" && heicBrands.has(text(8, 12));
}

// Allowed evidence, checked by content (magic bytes), not by the name or type the browser claims.
const evidenceTypes: { type: string; extension: string[]; matches: (bytes: Uint8Array) => boolean }[] = [
  {
    type: "application/pdf",
    extension: ["pdf"],
    matches: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  },
  {
    type: "image/jpeg",
    extension: ["jpg", "jpeg"],
    matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    type: "image/png",
    extension: ["png"],
    matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  },
  {
    type: "audio/mpeg",
    extension: ["mp3"],
    matches: (b) =>
      (b[0] === 0x49 && b[1] === 0x44 && b[2] === 0x33) || (b[0] === 0xff && (b[1] ?? 0) >= 0xe0),
  },
];

export function checkEvidence(
  fileName: string,
  bytes: Uint8Array,
): { contentType: string; fileName: string } {
  if (bytes.length === 0) throw invalid("The file is empty.", { evidence: "The selected file is empty" });
  if (bytes.length > maxEvidenceBytes)
    throw tooLarge(
      `${fileName.slice(0, 80) || "The file"} is too large: each file must be smaller than 10 MB.`,
    );
  if (isHeic(bytes))
    throw invalid("HEIC photos cannot be used.", {
      evidence: `${fileName.slice(0, 80)} is an iPhone HEIC photo, which we cannot open. Send it as a JPG: on the iPhone, share it by email or set Camera formats to Most Compatible`,
    });
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const kind = evidenceTypes.find((t) => t.extension.includes(extension));
  if (!kind?.matches(bytes))
    throw invalid("The file is not an allowed type.", {
      evidence: `The selected file must be a PDF, JPG, PNG or MP3${fileName ? ` (${fileName.slice(0, 80)} is not)` : ""}`,
    });
  const safeName = fileName.replace(/[^\w.\- ]+/g, "_").slice(-120) || `evidence.${extension}`;
  return { contentType: kind.type, fileName: safeName };
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
    const id = newId(now.getTime());
    await tx.insert(safetyDocument).values({
      organisationId: actor.organisationId,
      id,
      caseId,
      kind: "evidence",
      fileName: checked.fileName,
      contentType: checked.contentType,
      sizeBytes: file.bytes.length,
      content: Buffer.from(file.bytes),
      uploadedByPartyId: partyId,
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
    });
    await addTimeline(tx, actor, now, {
      caseId,
      kind: "document",
      title: `Evidence uploaded: ${checked.fileName}`,
      byComplainantPartyId: partyId,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_document",
      entityId: id,
      summary: "Complainant uploaded evidence in the portal",
    });
    return id;
  });
}
