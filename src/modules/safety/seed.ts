import { newId } from "../../platform/db/ids.ts";
import { bulkInsert } from "../../seed/bulk-insert.ts";
import { pick as pickFrom, pickWeighted } from "../../seed/random.ts";
import type { SeedContext } from "../module.ts";
import { listPartnerOrganisationsForSeed, listPeopleForSeed } from "../people/index.ts";
import { listHomesForSeed } from "../places/index.ts";
import { actionTypes, ground7aNoticeDeadline } from "./domain/actions.ts";
import { type Category, categories, closureOutcomes, hateStrands } from "./domain/categories.ts";
import { defaultRiskMatrix, scoreRisk } from "./domain/risk-matrix.ts";
import { addDays, londonDay } from "./domain/settings.ts";
import { safetyMessage } from "./schema/messages.ts";
import {
  safetyAction,
  safetyCampaign,
  safetyCase,
  safetyParty,
  safetyReport,
  safetyRiskAssessment,
  safetySharing,
  safetyTimelineEntry,
  safetyTriggerReview,
} from "./schema.ts";
import { demoCampaigns } from "./seed-campaigns.ts";
import { addDemoTenantCases, demoCaseOpened, demoReport, type SeedRows } from "./seed-portal.ts";
import { demoSharing } from "./seed-sharing.ts";

// Two years of demo cases across the demo homes: everyday mixes of categories, some repeat
// victims and perpetrators (a few "hot" homes), hate incidents, legal actions, fly-tipping
// clearance costs, pending portal reports, and cases the demo tenant can follow in the portal.
// Written in bulk (not through the commands) so the seed takes seconds; the shapes match the commands.

const categoryWeights: Record<string, number> = {
  noise: 26,
  "household-noise": 8,
  harassment: 14,
  "hate-incident": 4,
  "fly-tipping": 10,
  "animal-nuisance": 6,
  drugs: 9,
  "domestic-abuse": 5,
  "untidy-garden": 4,
  "communal-misuse": 7,
  "property-condition": 3,
  "no-access": 3,
  exploitation: 1,
};

export async function seedSafety(context: SeedContext): Promise<void> {
  const { database, organisationId, random, now } = context;
  const db = database.db;
  const homes = await listHomesForSeed(db, organisationId);
  const people = await listPeopleForSeed(db, organisationId);
  if (homes.length === 0 || people.length === 0) return;
  const byHome = new Map<string, typeof people>();
  for (const person of people)
    if (person.homeId) byHome.set(person.homeId, [...(byHome.get(person.homeId) ?? []), person]);
  const housedHomes = homes.filter((h) => byHome.has(h.id));
  const officers = context.users.filter((u) => u.role === "officer" || u.role === "manager");
  const tenantPerson = people
    .filter((p) => p.personType === "tenant")
    .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  const pick = <T>(items: readonly T[]): T => pickFrom(random, items);
  const weighted = (): Category =>
    pickWeighted(random, categories, (category) => categoryWeights[category.code] ?? 0);
  const today = londonDay(now);
  const start = addDays(today, -730);
  // A few hot spots make repeats: the same complainant and perpetrator again and again.
  const hotHomes = Array.from({ length: 12 }, () => pick(housedHomes));
  const rows: SeedRows = {
    cases: [] as (typeof safetyCase.$inferInsert)[],
    parties: [] as (typeof safetyParty.$inferInsert)[],
    reports: [] as (typeof safetyReport.$inferInsert)[],
    timeline: [] as (typeof safetyTimelineEntry.$inferInsert)[],
    actions: [] as (typeof safetyAction.$inferInsert)[],
    assessments: [] as (typeof safetyRiskAssessment.$inferInsert)[],
    triggers: [] as (typeof safetyTriggerReview.$inferInsert)[],
    messages: [],
  };
  const caseCount = Math.max(40, Math.round(homes.length * 0.06));
  const sequence = new Map<string, number>();
  for (let i = 0; i < caseCount; i++) {
    const hot = random() < 0.18;
    const home = hot ? pick(hotHomes) : pick(housedHomes);
    const residents = byHome.get(home.id) ?? [];
    const complainant = residents[0] ?? pick(people);
    const neighbourHome = pick(housedHomes.filter((h) => h.laCode === home.laCode).slice(0, 400));
    const perpetrator = (byHome.get(neighbourHome.id) ?? [])[0];
    const category = weighted();
    const openedOn = addDays(start, Math.floor(random() * 720));
    const age = (Date.parse(today) - Date.parse(openedOn)) / 86_400_000;
    const closed = age > 45 && random() < 0.85;
    const closedOn = closed ? addDays(openedOn, 10 + Math.floor(random() * Math.min(age - 5, 120))) : null;
    const year = openedOn.slice(0, 4);
    const next = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, next);
    const caseId = newId(Date.parse(openedOn));
    const hateStrand =
      category.code === "hate-incident" || (category.nsirType === "personal" && random() < 0.08)
        ? pick(hateStrands)
        : null;
    const officer = officers.length ? pick(officers) : undefined;
    const createdAt = new Date(`${openedOn}T10:00:00Z`);
    rows.cases.push({
      organisationId,
      id: caseId,
      reference: `ASB-${year}-${String(next).padStart(6, "0")}`,
      workflow: category.workflow,
      category: category.code,
      subCategory: pick(category.subCategories),
      nsirType: category.nsirType,
      hateStrand,
      countsAsAsb: category.countsAsAsb,
      locationType: "home",
      homeId: home.id,
      blockName: home.blockName,
      locationDescription: null,
      laCode: home.laCode,
      leadOfficerId: officer?.id ?? null,
      status: closed ? "closed" : "open",
      summary: `${category.name}: ${pick(category.subCategories).toLowerCase()} reported by a resident.`,
      nextStep: closed ? null : "We will contact you within 5 working days.",
      publishedFields: random() < 0.5 ? ["lead-officer", "next-step"] : [],
      safeguardingFlags: random() < 0.05 ? ["Children in household"] : [],
      openedOn,
      closedOn,
      closureOutcome: closed ? pick(closureOutcomes) : null,
      source: random() < 0.3 ? "portal" : "officer",
      legalHold: false,
      createdAt,
      updatedAt: createdAt,
    });
    const complainantParty = newId();
    rows.parties.push({
      organisationId,
      id: complainantParty,
      caseId,
      role: "complainant",
      personId: complainant.id,
      externalRef: null,
      displayName: `${complainant.givenName} ${complainant.familyName}`,
      address: `${home.addressLine1}, ${home.postcode}`,
      contact: complainant.email ?? complainant.phone,
      dateOfBirth: complainant.dateOfBirth,
      vulnerable: random() < 0.12,
      vulnerabilityNote: null,
      notes: null,
      createdAt,
    });
    if (perpetrator && perpetrator.id !== complainant.id && category.nsirType !== "environmental") {
      rows.parties.push({
        organisationId,
        id: newId(),
        caseId,
        role: "alleged-perpetrator",
        personId: perpetrator.id,
        externalRef: null,
        displayName: `${perpetrator.givenName} ${perpetrator.familyName}`,
        address: `${neighbourHome.addressLine1}, ${neighbourHome.postcode}`,
        contact: perpetrator.email ?? perpetrator.phone,
        dateOfBirth: perpetrator.dateOfBirth,
        vulnerable: false,
        vulnerabilityNote: null,
        notes: null,
        createdAt,
      });
    }
    const reportCount = 1 + Math.floor(random() * (hot ? 5 : 3));
    for (let r = 0; r < reportCount; r++) {
      const reportedOn =
        r === 0
          ? openedOn
          : addDays(
              openedOn,
              Math.floor(
                random() *
                  Math.max(
                    1,
                    (closedOn
                      ? Date.parse(closedOn) - Date.parse(openedOn)
                      : Date.parse(today) - Date.parse(openedOn)) / 86_400_000,
                  ),
              ),
            );
      rows.reports.push(
        demoReport({
          organisationId,
          caseId,
          status: r === 0 ? "opened-case" : "attached",
          source: "officer",
          reportedOn,
          category: category.code,
          hateStrand,
          description: "Reported incident.",
          homeId: home.id,
          blockName: home.blockName,
          reporterPersonId: complainant.id,
          createdAt,
        }),
      );
    }
    rows.timeline.push(demoCaseOpened(organisationId, caseId, createdAt, category.name, officer));
    if (category.nsirType === "personal" || random() < 0.3) {
      const answers = Object.fromEntries(
        defaultRiskMatrix.definition.questions.map((q) => [q.key, pick(q.options).value]),
      );
      const scored = scoreRisk(defaultRiskMatrix.definition, answers);
      rows.assessments.push({
        organisationId,
        id: newId(),
        caseId,
        partyId: complainantParty,
        matrixVersion: 1,
        matrixName: defaultRiskMatrix.name,
        answers,
        score: scored.score,
        computedBand: scored.band,
        band: scored.band,
        overrideReason: null,
        assessedBy: officer?.id ?? null,
        assessedAt: createdAt,
        nextReviewOn: addDays(openedOn, defaultRiskMatrix.definition.reviewDays[scored.band]),
      });
    }
    const actionCodes =
      category.workflow === "estate"
        ? ["clearance", "warning"]
        : category.workflow === "non-access"
          ? ["access-appointment"]
          : ["advice", "warning", "mediation-referral", "support-referral", "abc"];
    for (const code of actionCodes.slice(0, 1 + Math.floor(random() * 2))) {
      const type = actionTypes.find((t) => t.code === code);
      if (!type) continue;
      rows.actions.push({
        organisationId,
        id: newId(),
        caseId,
        partyId: null,
        actionType: code,
        status: closed ? "done" : "open",
        startedOn: openedOn,
        dueOn: addDays(openedOn, type.targetDays),
        completedOn: closed ? closedOn : null,
        details:
          code === "abc"
            ? { terms: "No loud music after 11pm", reviewOn: addDays(openedOn, 90) }
            : code === "access-appointment"
              ? { check: "gas", appointmentOn: addDays(openedOn, 7) }
              : {},
        costPence: code === "clearance" ? 4500 + Math.floor(random() * 30000) : null,
        published: random() < 0.5,
        createdBy: officer?.id ?? null,
        createdAt,
      });
    }
    if (category.countsAsAsb && category.nsirType !== "environmental" && random() < 0.07) {
      const conviction = addDays(openedOn, 30);
      const legal = pick(["civil-injunction", "nsp", "possession-order", "closure-order", "cpn"]);
      const details: Record<string, unknown> =
        legal === "possession-order"
          ? {
              grounds: "Ground 7A",
              ground7aCondition: "serious-offence",
              triggeredOn: conviction,
              noticeDeadline: ground7aNoticeDeadline("serious-offence", conviction),
            }
          : legal === "civil-injunction"
            ? { terms: "Not to enter the block", expiresOn: addDays(openedOn, 365), breaches: [] }
            : legal === "closure-order"
              ? { premises: home.addressLine1, madeOn: conviction, expiresOn: addDays(conviction, 90) }
              : { grounds: "Grounds 12 and 14", servedOn: conviction, requirements: "Stop the nuisance" };
      rows.actions.push({
        organisationId,
        id: newId(),
        caseId,
        partyId: null,
        actionType: legal,
        status: closed ? "done" : "open",
        startedOn: conviction,
        dueOn: addDays(conviction, 60),
        completedOn: closed ? closedOn : null,
        details,
        costPence: null,
        published: false,
        createdBy: officer?.id ?? null,
        createdAt,
      });
    }
    if (hot && reportCount >= 3 && random() < 0.4) {
      rows.triggers.push({
        organisationId,
        id: newId(),
        caseId,
        detectedOn: openedOn,
        qualifyingReports: reportCount,
        hate: hateStrand !== null,
        status: closed ? "review-held" : "threshold-met",
        outcome: closed ? "Multi-agency review held; new action plan agreed." : null,
        decidedOn: closed ? closedOn : null,
        createdAt,
      });
    }
  }
  if (tenantPerson) {
    addDemoTenantCases(rows, {
      organisationId,
      today,
      tenantPerson,
      home: homes.find((h) => h.id === tenantPerson.homeId) ?? homes[0],
      officerId: officers[0]?.id ?? null,
      sequence,
    });
  }
  const agency = (await listPartnerOrganisationsForSeed(db, organisationId)).find((p) => p.kind === "agency");
  const shares = demoSharing(rows, agency, officers[0]?.id ?? null, now);
  await db.transaction(async (tx) => {
    await bulkInsert(tx, safetyCase, rows.cases);
    await bulkInsert(tx, safetyParty, rows.parties);
    await bulkInsert(tx, safetyReport, rows.reports);
    await bulkInsert(tx, safetyTimelineEntry, rows.timeline);
    await bulkInsert(tx, safetyAction, rows.actions);
    await bulkInsert(tx, safetyRiskAssessment, rows.assessments);
    await bulkInsert(tx, safetyTriggerReview, rows.triggers);
    await bulkInsert(tx, safetyMessage, rows.messages);
    await bulkInsert(tx, safetySharing, shares);
    const partnerUser = context.users.find((u) => u.role === "partner-agency");
    const pending = Array.from({ length: 6 }, (_, i) => {
      const home = pick(housedHomes);
      const category = weighted();
      return {
        organisationId,
        id: newId(),
        caseId: null,
        status: "pending",
        source: i % 2 === 0 ? "portal" : "api",
        reportedOn: addDays(today, -1 - i),
        category: category.code,
        hateStrand: null,
        description: `${category.name} reported ${i + 1} day(s) ago.`,
        homeId: home.id,
        blockName: home.blockName,
        locationDescription: null,
        reporterUserId: i % 2 === 0 ? null : (partnerUser?.id ?? null),
        reporterPersonId: null,
        reporterName: i % 2 === 0 ? "A resident" : "Kent Police",
        reporterContact: null,
        createdAt: new Date(now.getTime() - i * 3_600_000),
      };
    });
    await tx.insert(safetyReport).values(pending);
    await tx
      .insert(safetyCampaign)
      .values(demoCampaigns(organisationId, today, homes[0]?.laCode ?? null, now));
  });
  context.log(
    `    ${rows.cases.length} community safety cases, ${rows.reports.length} reports, ${rows.actions.length} actions`,
  );
}
