import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import {
  activeCategories,
  categoryIn,
  loadSafetyConfiguration,
  type SafetyConfiguration,
  statusDueOn,
} from "../domain/configuration.ts";
import { homeById, personById } from "../neighbours.ts";
import { canWorkCases } from "../policy.ts";
import { type SafetyCase, safetyCase, safetyParty } from "../schema.ts";
import { addCaseReport, addTimeline, nextCaseReference } from "../store.ts";
import { type CaseInput, caseInput, type ParsedCaseInput, type PartyInput } from "./case-input.ts";
import { detectCommunityTrigger } from "./community-trigger.ts";

export type OpenCaseOptions = {
  source?: "officer" | "portal" | "api" | "import";
  fromReportId?: string;
  /** The reference the tenant was given when they sent the report the case is opened from. */
  reference?: string | null;
};

/** Opens a case with its parties and first report. Everything is written in one transaction. */
export async function openCase(
  db: Db,
  actor: Actor,
  now: Date,
  input: CaseInput,
  options: OpenCaseOptions = {},
): Promise<SafetyCase> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can open cases.");
  const parsed = checkCaseInput(input);
  return db.transaction((tx) => openCaseIn(tx, actor, now, parsed, options));
}

/**
 * The form checks of openCase without writing (the intake form checks before it looks for related cases).
 * With the organisation's configuration it also checks the category, so that an unknown category is
 * reported together with the other errors on the first submit, not only when the case is saved.
 */
export function checkCaseInput(input: CaseInput, configuration?: SafetyConfiguration): ParsedCaseInput {
  const parsed = caseInput.safeParse(input);
  const categoryError = configuration ? categoryProblem(configuration, input.category) : null;
  if (!parsed.success || categoryError) {
    const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
    if (categoryError && !fieldErrors.category) fieldErrors.category = categoryError.field;
    throw invalid(
      categoryError && parsed.success ? categoryError.detail : "The case could not be opened.",
      fieldErrors,
    );
  }
  return parsed.data;
}

/** Why a category code cannot be used for a new case, or null when it can. */
function categoryProblem(
  configuration: SafetyConfiguration,
  code: string | undefined,
): { detail: string; field: string } | null {
  const category = categoryIn(configuration, code ?? "");
  if (category && !category.retired) return null;
  const offered = activeCategories(configuration).map((c) => c.code);
  return {
    detail: category ? "That category is no longer used." : "Choose a category.",
    field: `Choose a category: ${offered.join(", ")}`,
  };
}

/** The writes of openCase, inside a caller's transaction (triage opens a case while closing its report). */
export async function openCaseIn(
  tx: Db,
  actor: Actor,
  now: Date,
  input: ParsedCaseInput,
  options: OpenCaseOptions,
): Promise<SafetyCase> {
  const configuration = await loadSafetyConfiguration(tx, actor.organisationId);
  const category = categoryIn(configuration, input.category);
  const problem = categoryProblem(configuration, input.category);
  if (!category || problem) {
    throw invalid(problem?.detail ?? "Choose a category.", {
      category: problem?.field ?? "Choose a category",
    });
  }
  let laCode = input.laCode ?? null;
  let blockName = input.blockName ?? null;
  if (input.homeId) {
    const home = await homeById(tx, actor.organisationId, input.homeId);
    if (!home)
      throw invalid("The home was not found in your organisation.", {
        homeId: "Choose a home from your organisation",
      });
    laCode = home.laCode;
    blockName ??= home.blockName;
  }
  const parties = await Promise.all(
    input.parties.map((party, index) => resolveParty(tx, actor, now, party, index)),
  );
  const id = newId(now.getTime());
  const reference = options.reference ?? (await nextCaseReference(tx, actor.organisationId, input.openedOn));
  const [created] = await tx
    .insert(safetyCase)
    .values({
      organisationId: actor.organisationId,
      id,
      reference,
      workflow: category.workflow,
      category: category.code,
      subCategory: input.subCategory ?? null,
      nsirType: category.nsirType,
      hateStrand: input.hateStrand ?? null,
      countsAsAsb: category.countsAsAsb,
      locationType: input.locationType,
      homeId: input.homeId ?? null,
      blockName,
      locationDescription: input.locationDescription ?? null,
      laCode,
      leadOfficerId: input.leadOfficerId ?? (actor.kind === "user" ? actor.userId : null),
      status: "open",
      statusDueOn: statusDueOn(configuration, category.workflow, "open", input.openedOn),
      summary: input.summary,
      nextStep: null,
      publishedFields: [],
      safeguardingFlags: input.safeguardingFlags ?? [],
      openedOn: input.openedOn,
      closedOn: null,
      closureOutcome: null,
      source: options.source ?? "officer",
      legalHold: false,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(safetyParty).values(
    parties.map((party) => ({
      ...party,
      organisationId: actor.organisationId,
      caseId: id,
      createdAt: now,
    })),
  );
  // A case opened from a report keeps that report; otherwise what the officer typed is its first report.
  if (!options.fromReportId)
    await addCaseReport(tx, actor, now, created as SafetyCase, {
      status: "opened-case",
      source: options.source ?? "officer",
      reportedOn: input.openedOn,
      description: input.summary,
    });
  await addTimeline(tx, actor, now, {
    caseId: id,
    kind: "report",
    title: `Case opened: ${category.name}`,
    body: input.summary,
  });
  await recordAudit(tx, actor, now, {
    action: "create",
    entityType: "safety_case",
    entityId: id,
    summary: `Opened case ${reference} (${category.name}) with ${parties.length} ${parties.length === 1 ? "party" : "parties"}`,
    after: {
      reference,
      category: category.code,
      hateStrand: input.hateStrand ?? null,
      parties: parties.map((p) => ({ id: p.id, role: p.role })),
    },
  });
  await detectCommunityTrigger(tx, actor, now, id);
  // returning() always gives the inserted row.
  return created as SafetyCase;
}

async function resolveParty(tx: Db, actor: Actor, now: Date, party: PartyInput, index: number) {
  let { name, address, contact, dateOfBirth } = party;
  if (party.personId) {
    const person = await personById(tx, actor, party.personId, now);
    if (!person)
      throw invalid("A party is not a person in your organisation.", {
        [`parties.${index}.personId`]: "Choose a person from your organisation",
      });
    name = name || person.name;
    address ??= person.address;
    contact ??= person.contact;
    dateOfBirth ??= person.dateOfBirth;
  }
  return {
    id: newId(),
    role: party.role,
    personId: party.personId ?? null,
    externalRef: party.externalRef ?? null,
    displayName: name,
    address: address ?? null,
    contact: contact ?? null,
    dateOfBirth: dateOfBirth ?? null,
    vulnerable: party.vulnerable ?? false,
    vulnerabilityNote: party.vulnerabilityNote ?? null,
    notes: null,
  };
}
