import { newId } from "../../platform/db/ids.ts";
import type { Person } from "../people/index.ts";
import type { Home } from "../places/index.ts";
import { addDays } from "./domain/settings.ts";
import type { safetyMessage } from "./schema/messages.ts";
import type {
  safetyAction,
  safetyCase,
  safetyParty,
  safetyReport,
  safetyRiskAssessment,
  safetyTimelineEntry,
  safetyTriggerReview,
} from "./schema.ts";

export type SeedRows = {
  cases: (typeof safetyCase.$inferInsert)[];
  parties: (typeof safetyParty.$inferInsert)[];
  reports: (typeof safetyReport.$inferInsert)[];
  timeline: (typeof safetyTimelineEntry.$inferInsert)[];
  actions: (typeof safetyAction.$inferInsert)[];
  assessments: (typeof safetyRiskAssessment.$inferInsert)[];
  triggers: (typeof safetyTriggerReview.$inferInsert)[];
  messages: (typeof safetyMessage.$inferInsert)[];
};

type ReportRow = SeedRows["reports"][number];

/** A demo report by a complainant on record: no reporter account, name or contact, and no free-text place. */
export function demoReport(
  report: Omit<
    ReportRow,
    "id" | "locationDescription" | "reporterUserId" | "reporterName" | "reporterContact"
  >,
): ReportRow {
  return {
    id: newId(),
    locationDescription: null,
    reporterUserId: null,
    reporterName: null,
    reporterContact: null,
    ...report,
  };
}

type TimelineRow = SeedRows["timeline"][number];

/** A demo timeline entry: published, and not one the complainant wrote. */
function demoTimelineEntry(
  entry: Omit<TimelineRow, "id" | "published" | "byComplainantPartyId">,
): TimelineRow {
  return { id: newId(), published: true, byComplainantPartyId: null, ...entry };
}

/** The "Case opened" entry each demo case's timeline starts with, by its officer or else "Demo". */
export function demoCaseOpened(
  organisationId: string,
  caseId: string,
  createdAt: Date,
  categoryName: string,
  officer?: { id: string; name: string },
): TimelineRow {
  return demoTimelineEntry({
    organisationId,
    caseId,
    at: createdAt,
    kind: "report",
    title: `Case opened: ${categoryName}`,
    body: null,
    authorUserId: officer?.id ?? null,
    authorLabel: officer?.name ?? "Demo",
    createdAt,
  });
}

/**
 * The demo tenant's own cases (one open, one closed) with a named neighbour as the alleged
 * perpetrator and shared updates that mention him, so the portal shows redaction at work.
 */
export function addDemoTenantCases(
  rows: SeedRows,
  input: {
    organisationId: string;
    today: string;
    tenantPerson: Person;
    home: Home | undefined;
    officerId: string | null;
    sequence: Map<string, number>;
  },
): void {
  const { organisationId, today, tenantPerson, home, officerId, sequence } = input;
  // The demo tenant's own cases, so the portal has something to show.
  for (const [index, closed] of [false, true].entries()) {
    const openedOn = addDays(today, closed ? -200 : -20);
    const caseId = newId(Date.parse(openedOn));
    const year = openedOn.slice(0, 4);
    const next = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, next);
    const createdAt = new Date(`${openedOn}T10:00:00Z`);
    rows.cases.push({
      organisationId,
      id: caseId,
      reference: `ASB-${year}-${String(next).padStart(6, "0")}`,
      workflow: "asb",
      category: index === 0 ? "noise" : "harassment",
      subCategory: null,
      nsirType: index === 0 ? "nuisance" : "personal",
      hateStrand: null,
      countsAsAsb: true,
      locationType: "home",
      homeId: home?.id ?? null,
      blockName: home?.blockName ?? null,
      locationDescription: null,
      laCode: home?.laCode ?? null,
      leadOfficerId: officerId,
      status: closed ? "closed" : "investigating",
      summary: "Loud music late at night from the flat above.",
      nextStep: closed ? null : "We have written to your neighbour and will visit on Thursday.",
      // Written after the warning letter below, so it is the current next step on the portal.
      nextStepAt: closed ? null : new Date(createdAt.getTime() + 86_400_000 * 4),
      publishedFields: ["lead-officer", "next-step"],
      safeguardingFlags: [],
      openedOn,
      closedOn: closed ? addDays(openedOn, 60) : null,
      closureOutcome: closed ? "resolved" : null,
      source: "portal",
      legalHold: false,
      createdAt,
      updatedAt: createdAt,
    });
    const own = newId();
    rows.parties.push({
      organisationId,
      id: own,
      caseId,
      role: "complainant",
      personId: tenantPerson.id,
      externalRef: null,
      displayName: `${tenantPerson.givenName} ${tenantPerson.familyName}`,
      address: home ? `${home.addressLine1}, ${home.postcode}` : null,
      contact: tenantPerson.email,
      dateOfBirth: tenantPerson.dateOfBirth,
      vulnerable: false,
      vulnerabilityNote: null,
      notes: null,
      createdAt,
    });
    rows.parties.push({
      organisationId,
      id: newId(),
      caseId,
      role: "alleged-perpetrator",
      personId: null,
      externalRef: "DEMO-NEIGHBOUR",
      displayName: "Jordan Blake",
      address: "Flat 9, upstairs",
      contact: "07700 900 111",
      dateOfBirth: null,
      vulnerable: false,
      vulnerabilityNote: null,
      notes: "Previous warnings on file.",
      createdAt,
    });
    rows.reports.push(
      demoReport({
        organisationId,
        caseId,
        status: "opened-case",
        source: "portal",
        reportedOn: openedOn,
        category: "noise",
        hateStrand: null,
        description: "Music until 3am.",
        homeId: home?.id ?? null,
        blockName: home?.blockName ?? null,
        reporterPersonId: tenantPerson.id,
        createdAt,
      }),
    );
    rows.timeline.push(demoCaseOpened(organisationId, caseId, createdAt, "Noise"));
    rows.timeline.push(
      demoTimelineEntry({
        organisationId,
        caseId,
        at: new Date(createdAt.getTime() + 86_400_000 * 3),
        kind: "contact",
        title: "Warning letter sent to Jordan Blake",
        body: "Spoke to Jordan Blake at Flat 9 about the music.",
        authorUserId: null,
        authorLabel: "Demo",
        createdAt,
      }),
    );
    if (!closed) {
      // A short secure thread between the demo tenant and the lead officer.
      const thread: [number, "from-complainant" | "from-officer", string][] = [
        [
          5,
          "from-complainant",
          "The music started again at 1am last night. Is there anything else I can do?",
        ],
        [
          6,
          "from-officer",
          "Thank you for telling me. Please keep noting the dates and times in your diary here. I will visit your neighbour on Thursday.",
        ],
      ];
      for (const [days, direction, body] of thread)
        rows.messages.push({
          organisationId,
          id: newId(),
          caseId,
          partyId: own,
          direction,
          body,
          authorUserId: direction === "from-officer" ? officerId : null,
          createdAt: new Date(createdAt.getTime() + 86_400_000 * days),
        });
    }
    rows.actions.push({
      organisationId,
      id: newId(),
      caseId,
      partyId: null,
      actionType: "warning",
      status: closed ? "done" : "open",
      startedOn: addDays(openedOn, 3),
      dueOn: addDays(openedOn, 8),
      completedOn: closed ? addDays(openedOn, 8) : null,
      details: { kind: "written" },
      costPence: null,
      published: true,
      createdBy: null,
      createdAt,
    });
  }
}
