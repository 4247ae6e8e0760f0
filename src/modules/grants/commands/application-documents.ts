import { asc } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { deleteAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { checkUploadedFile, type FileKind } from "../../../platform/uploads/file-type.ts";
import { canReadApplicationFiles, canViewGrants, isApplicantOrganisationUser } from "../policy.ts";
import {
  type ApplicationDocumentType,
  applicationDocumentTypes,
  type GrantApplicationDocument,
  grantApplicationDocument,
} from "../schema.ts";
import { loadApplication } from "./assess-application.ts";
import { loadDraftForChange } from "./budget-lines.ts";
import { listApplicationReturns } from "./return-application.ts";

// Supporting documents on an application (constitution, accounts, policies, quotes). Each file is
// checked by content before anything is written, and kept in the database with the application.

/** Files funders usually ask for: documents, scans and spreadsheets. */
export const applicationFileKinds: FileKind[] = ["pdf", "docx", "xlsx", "jpeg", "png"];

const typeKeys = Object.keys(applicationDocumentTypes) as [
  ApplicationDocumentType,
  ...ApplicationDocumentType[],
];
const documentInput = z.object({
  documentType: z.enum(typeKeys, { error: "Select what the document is" }),
});

export type DocumentSummary = Omit<GrantApplicationDocument, "content">;

export async function uploadApplicationDocument(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  input: { documentType: unknown; file: { name: string; bytes: Uint8Array } | undefined },
): Promise<DocumentSummary> {
  const application = await loadDraftForChange(db, actor, applicationId);
  const parsed = documentInput.safeParse({ documentType: input.documentType });
  const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  if (!input.file || input.file.bytes.length === 0) errors.document = "Select a file to upload";
  if (!parsed.success || !input.file || input.file.bytes.length === 0)
    throw invalid("Check the document.", errors);
  const file = input.file;
  const checked = checkUploadedFile(file.name, file.bytes, {
    allowed: applicationFileKinds,
    field: "document",
  });
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(grantApplicationDocument)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        applicationId: application.id,
        documentType: parsed.data.documentType,
        fileName: checked.fileName,
        contentType: checked.contentType,
        sizeBytes: file.bytes.length,
        content: Buffer.from(file.bytes),
        uploadedBy: actor.kind === "user" ? actor.userId : null,
        createdAt: now,
      })
      .returning({ id: grantApplicationDocument.id });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "grant-application-document",
      entityId: created.id,
      summary: `Grant application ${application.reference}: ${applicationDocumentTypes[parsed.data.documentType].toLowerCase()} uploaded (${checked.fileName})`,
    });
    return {
      organisationId: actor.organisationId,
      id: created.id,
      applicationId: application.id,
      documentType: parsed.data.documentType,
      fileName: checked.fileName,
      contentType: checked.contentType,
      sizeBytes: file.bytes.length,
      uploadedBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
    };
  });
}

export async function removeApplicationDocument(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  documentId: string,
): Promise<void> {
  const application = await loadDraftForChange(db, actor, applicationId);
  const document = (await listApplicationDocuments(db, actor.organisationId, application.id)).find(
    (d) => d.id === documentId,
  );
  if (!document) throw notFound("Document not found");
  await db.transaction(async (tx) => {
    await deleteAudited(tx, actor, now, grantApplicationDocument, document.id, {
      entityType: "grant-application-document",
      summary: `Grant application ${application.reference}: document removed (${document.fileName})`,
    });
  });
}

/** The documents on an application, without their bytes. */
export async function listApplicationDocuments(
  db: Db,
  organisationId: string,
  applicationId: string,
): Promise<DocumentSummary[]> {
  const columns = grantApplicationDocument;
  return db
    .select({
      organisationId: columns.organisationId,
      id: columns.id,
      applicationId: columns.applicationId,
      documentType: columns.documentType,
      fileName: columns.fileName,
      contentType: columns.contentType,
      sizeBytes: columns.sizeBytes,
      uploadedBy: columns.uploadedBy,
      createdAt: columns.createdAt,
    })
    .from(grantApplicationDocument)
    .where(matchInOrganisation(grantApplicationDocument, organisationId, { applicationId }))
    .orderBy(
      asc(grantApplicationDocument.createdAt),
      asc(grantApplicationDocument.fileName),
      asc(grantApplicationDocument.id),
    );
}

/**
 * A document's file, for the applicant's organisation or the grant staff (staff once the
 * application has been sent). Anyone else gets "not found", so not even its existence leaks.
 * Every download is audited: accounts and policies can name people.
 */
export async function downloadApplicationDocument(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  documentId: string,
): Promise<GrantApplicationDocument> {
  const application = await loadApplication(db, actor.organisationId, applicationId);
  if (!canReadApplicationFiles(actor, application)) throw notFound("Document not found");
  if (
    !isApplicantOrganisationUser(actor, application) &&
    canViewGrants(actor) &&
    application.status === "draft"
  ) {
    // Staff see a draft only once it has been sent and returned for changes.
    const returns = await listApplicationReturns(db, actor.organisationId, application.id);
    if (returns.length === 0) throw notFound("Document not found");
  }
  if (!isUuid(documentId)) throw notFound("Document not found");
  const [document] = await db
    .select()
    .from(grantApplicationDocument)
    .where(
      matchInOrganisation(grantApplicationDocument, actor.organisationId, {
        id: documentId,
        applicationId: application.id,
      }),
    );
  if (!document) throw notFound("Document not found");
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "grant-application-document",
    entityId: document.id,
    summary: `Grant application ${application.reference}: document downloaded (${document.fileName})`,
  });
  return document;
}
