import { parse } from "csv-parse/sync";
import { inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { loadSafetyConfiguration } from "../domain/configuration.ts";
import { canImportCases } from "../policy.ts";
import { safetyCase, safetyParty, safetyReport, safetyTimelineEntry } from "../schema.ts";
import { type ParsedRow, parseRow } from "./import-rows.ts";

// `kith import cases FILE.csv`: historic cases from another system. The format is in docs/safety-import.md.
// All or nothing: every row is checked first, and any bad row is reported with its line and nothing is written.

export type ImportError = { line: number; field: string; message: string };
export type ImportResult = { cases: number; parties: number; reports: number };

export class ImportRejected extends Problem {
  readonly rowErrors: ImportError[];
  constructor(rowErrors: ImportError[]) {
    super(
      422,
      "import-rejected",
      "The file was not imported",
      `${rowErrors.length} problem(s) found; nothing was imported.`,
    );
    this.rowErrors = rowErrors;
  }
}

const required = [
  "reference",
  "opened_on",
  "closed_on",
  "category",
  "hate_strand",
  "uprn",
  "parties",
  "reports",
] as const;

export async function importCases(
  db: Db,
  actor: Actor,
  now: Date,
  csvText: string,
  fileName = "file",
): Promise<ImportResult> {
  requireAllowed(canImportCases(actor), "Only managers can import cases.");
  const errors: ImportError[] = [];
  let records: string[][];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new ImportRejected([
      { line, field: "file", message: `This is not a readable CSV file: ${(error as Error).message}` },
    ]);
  }
  const header = (records[0] ?? []).map((name) => name.toLowerCase());
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0)
    throw new ImportRejected([
      { line: 1, field: "header", message: `The header row is missing: ${missing.join(", ")}` },
    ]);
  if (records.length < 2)
    throw new ImportRejected([{ line: 1, field: "file", message: "The file has a header row but no cases" }]);
  const configuration = await loadSafetyConfiguration(db, actor.organisationId);
  const rows: ParsedRow[] = [];
  const seen = new Set<string>();
  for (let index = 1; index < records.length; index++) {
    const cells = Object.fromEntries(header.map((name, column) => [name, records[index]?.[column] ?? ""]));
    const row = await parseRow(db, actor, now, index + 1, cells, configuration, errors);
    if (!row) continue;
    if (seen.has(row.reference))
      errors.push({
        line: row.line,
        field: "reference",
        message: `Reference ${row.reference} appears more than once in the file`,
      });
    seen.add(row.reference);
    rows.push(row);
  }
  const references = rows.map((row) => row.reference);
  for (let start = 0; start < references.length; start += 1000) {
    const existing = await db
      .select({ reference: safetyCase.reference })
      .from(safetyCase)
      .where(
        inOrganisation(
          safetyCase,
          actor.organisationId,
          inArray(safetyCase.reference, references.slice(start, start + 1000)),
        ),
      );
    for (const { reference } of existing) {
      const line = rows.find((row) => row.reference === reference)?.line ?? 0;
      errors.push({ line, field: "reference", message: `Case ${reference} is already in Kith` });
    }
  }
  if (errors.length > 0) throw new ImportRejected(errors.sort((a, b) => a.line - b.line));
  return db.transaction(async (tx) => {
    const result: ImportResult = { cases: 0, parties: 0, reports: 0 };
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500).map((row) => toRecords(actor.organisationId, now, row));
      await tx.insert(safetyCase).values(batch.map((b) => b.caseRow));
      const parties = batch.flatMap((b) => b.parties);
      const reports = batch.flatMap((b) => b.reports);
      if (parties.length) await tx.insert(safetyParty).values(parties);
      if (reports.length) await tx.insert(safetyReport).values(reports);
      await tx.insert(safetyTimelineEntry).values(batch.map((b) => b.timeline));
      result.cases += batch.length;
      result.parties += parties.length;
      result.reports += reports.length;
    }
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_case_import",
      summary: `Imported ${result.cases} cases, ${result.parties} parties and ${result.reports} reports from ${fileName}`,
      after: result,
    });
    return result;
  });
}

function toRecords(organisationId: string, now: Date, row: ParsedRow) {
  const caseId = newId(now.getTime());
  const reportDates = row.reports.length > 0 ? row.reports : [row.openedOn];
  return {
    caseRow: {
      organisationId,
      id: caseId,
      reference: row.reference,
      workflow: row.category.workflow,
      category: row.category.code,
      subCategory: row.subCategory,
      nsirType: row.category.nsirType,
      hateStrand: row.hateStrand,
      countsAsAsb: row.category.countsAsAsb,
      locationType: row.homeId ? "home" : "open-space",
      homeId: row.homeId,
      blockName: row.blockName,
      locationDescription: row.homeId ? null : "Imported without a home",
      laCode: row.laCode,
      leadOfficerId: null,
      status: row.closedOn ? "closed" : "open",
      summary: row.summary,
      nextStep: null,
      publishedFields: [],
      safeguardingFlags: [],
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      closureOutcome: row.closedOn ? row.outcome : null,
      source: "import",
      legalHold: false,
      createdAt: now,
      updatedAt: now,
    },
    parties: row.parties.map((party) => ({
      organisationId,
      id: newId(now.getTime()),
      caseId,
      role: party.role,
      personId: party.personId,
      externalRef: party.ref,
      displayName: party.name,
      address: null,
      contact: null,
      dateOfBirth: null,
      vulnerable: false,
      vulnerabilityNote: null,
      notes: null,
      createdAt: now,
    })),
    reports: reportDates.map((date, index) => ({
      organisationId,
      id: newId(now.getTime()),
      caseId,
      status: index === 0 ? "opened-case" : "attached",
      source: "import",
      reportedOn: date,
      category: row.category.code,
      hateStrand: row.hateStrand,
      description: null,
      homeId: row.homeId,
      blockName: row.blockName,
      locationDescription: null,
      reporterUserId: null,
      reporterPersonId: null,
      reporterName: null,
      reporterContact: null,
      createdAt: now,
    })),
    timeline: {
      organisationId,
      id: newId(now.getTime()),
      caseId,
      at: now,
      kind: "note",
      title: `Imported from another system as ${row.reference}`,
      body: null,
      authorUserId: null,
      authorLabel: "Import",
      published: false,
      byComplainantPartyId: null,
      createdAt: now,
    },
  };
}
