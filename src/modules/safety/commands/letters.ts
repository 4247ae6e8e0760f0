import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { getOrganisation } from "../../../platform/access/organisations.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { brandOf } from "../../../platform/brand/index.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { taggedPdf } from "../../../platform/pdf/tagged-pdf.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { findCategory } from "../domain/categories.ts";
import {
  composeLetter,
  defaultLetterTemplates,
  fillTemplate,
  type LetterTemplate,
} from "../domain/letter-templates.ts";
import { londonDay } from "../domain/settings.ts";
import { homeById, personById } from "../neighbours.ts";
import { canManageSafety, canWorkCases } from "../policy.ts";
import {
  type SafetyCase,
  type SafetyParty,
  safetyDocument,
  safetyLetterTemplate,
  safetyParty,
} from "../schema.ts";
import { actorName, addTimeline, findCase, lockCase, storeDocument } from "../store.ts";
import { partiesOfCase } from "./case-rows.ts";

/** The organisation's templates: its own edits over Kith's defaults. */
export async function listLetterTemplates(db: Db, actor: Actor): Promise<LetterTemplate[]> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see letter templates.");
  const own = await db
    .select()
    .from(safetyLetterTemplate)
    .where(inOrganisation(safetyLetterTemplate, actor.organisationId));
  const byCode = new Map(own.map((t) => [t.code, { code: t.code, name: t.name, body: t.body }]));
  return [
    ...defaultLetterTemplates.map((t) => byCode.get(t.code) ?? t),
    ...own
      .filter((t) => !defaultLetterTemplates.some((d) => d.code === t.code))
      .map((t) => ({ code: t.code, name: t.name, body: t.body })),
  ];
}

const templateInput = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/, { error: "Use 2 to 40 lower-case letters, digits or hyphens" }),
  name: z.string({ error: "Enter a name" }).trim().min(1, { error: "Enter a name" }).max(200),
  body: z
    .string({ error: "Enter the letter text" })
    .trim()
    .min(1, { error: "Enter the letter text" })
    .max(20_000),
});

export async function saveLetterTemplate(
  db: Db,
  actor: Actor,
  now: Date,
  input: z.input<typeof templateInput>,
): Promise<void> {
  requireAllowed(canManageSafety(actor), "Only managers can edit letter templates.");
  const parsed = templateInput.safeParse(input);
  if (!parsed.success) throw invalid("The template could not be saved.", fieldErrorsFrom(parsed.error));
  await db.transaction(async (tx) => {
    await tx
      .insert(safetyLetterTemplate)
      .values({
        organisationId: actor.organisationId,
        ...parsed.data,
        updatedBy: actor.kind === "user" ? actor.userId : null,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [safetyLetterTemplate.organisationId, safetyLetterTemplate.code],
        set: { name: parsed.data.name, body: parsed.data.body, updatedAt: now },
      });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_letter_template",
      entityId: parsed.data.code,
      summary: `Saved letter template ${parsed.data.name}`,
    });
  });
}

/** The letter as a tagged PDF: each block (letterhead, date, address, reference, paragraphs) a paragraph. */
export function renderLetterPdf(title: string, text: string): Promise<Buffer> {
  const pdf = taggedPdf({ title, margin: 64 });
  pdf.doc.font("Helvetica").fontSize(11);
  for (const block of text.split(/\n\s*\n/)) {
    pdf.paragraph(block, { lineGap: 3 });
    pdf.doc.moveDown();
  }
  return pdf.finish();
}

/** Fills a template for one party on the case, renders it as PDF and saves it to the case. */
export async function generateLetter(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: { templateCode: string; partyId: string },
): Promise<string> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can generate letters.");
  const templates = await listLetterTemplates(db, actor);
  const template = templates.find((t) => t.code === input.templateCode);
  if (!template) throw invalid("Choose a letter template.", { templateCode: "Choose a letter template" });
  const [organisation, brand] = await Promise.all([
    getOrganisation(db, actor.organisationId),
    brandOf(db, actor.organisationId),
  ]);
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const [party] = /^[0-9a-f-]{36}$/i.test(input.partyId)
      ? await partiesOfCase(tx, actor.organisationId, found.id, eq(safetyParty.id, input.partyId))
      : [];
    if (!party) throw invalid("Choose who the letter is to.", { partyId: "Choose a party on this case" });
    const recipientAddress = await letterAddress(tx, actor, now, party, found);
    const text = composeLetter({
      organisationName: brand?.name ?? organisation?.name ?? "",
      organisationAddress: brand?.postalAddress ?? [],
      on: londonDay(now),
      recipientName: party.displayName,
      recipientAddress,
      reference: found.reference,
      body: fillTemplate(template.body, {
        recipientName: party.displayName,
        address:
          party.address ?? found.locationDescription ?? found.blockName ?? (recipientAddress || "your home"),
        reference: found.reference,
        category: findCategory(found.category)?.name.toLowerCase() ?? found.category,
        officerName: actorName(actor),
        organisationName: organisation?.name ?? "",
        date: formatDate(londonDay(now)),
      }),
    });
    const pdf = await renderLetterPdf(`${template.name}: ${found.reference}`, text);
    const id = await storeDocument(tx, actor, now, {
      caseId: found.id,
      kind: "letter",
      fileName: `${found.reference}-${template.code}-${londonDay(now)}.pdf`,
      contentType: "application/pdf",
      bytes: pdf,
      summary: `Generated ${template.name} on ${found.reference}`,
    });
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "document",
      title: `Letter generated: ${template.name}`,
    });
    return id;
  });
}

export async function getDocument(db: Db, actor: Actor, now: Date, caseId: string, documentId: string) {
  requireAllowed(canWorkCases(actor), "Only community safety officers can open case documents.");
  const found = await findCase(db, actor, caseId).catch(() => null);
  if (!found || !/^[0-9a-f-]{36}$/i.test(documentId)) return undefined;
  const [document] = await db
    .select()
    .from(safetyDocument)
    .where(matchInOrganisation(safetyDocument, actor.organisationId, { caseId: found.id, id: documentId }));
  if (document)
    await recordAudit(db, actor, now, {
      action: "read",
      entityType: "safety_document",
      entityId: document.id,
      summary: `Opened ${document.fileName} on ${found.reference}`,
    });
  return document;
}

/**
 * Where the letter goes: the address recorded on the party, else the home chosen for them, else
 * their person record's address or home, else (for a complainant) the home the case is about.
 * Empty when none is known.
 */
async function letterAddress(
  tx: Db,
  actor: Actor,
  now: Date,
  party: SafetyParty,
  found: SafetyCase,
): Promise<string> {
  if (party.address) return party.address;
  const chosen = party.homeId ? await homeById(tx, actor.organisationId, party.homeId) : undefined;
  if (chosen) return chosen.fullAddress;
  const person = party.personId ? await personById(tx, actor, party.personId, now) : undefined;
  if (person?.address) return person.address;
  const homeId = person?.homeId ?? (party.role === "complainant" ? found.homeId : null);
  const home = homeId ? await homeById(tx, actor.organisationId, homeId) : undefined;
  return home?.fullAddress ?? "";
}
