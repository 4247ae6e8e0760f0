import type { Actor } from "../../platform/access/actor.ts";
import { systemActor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { newId } from "../../platform/db/ids.ts";
import type { SeedContext } from "../module.ts";
import { saveApplicationSection, startApplication, submitApplication } from "./commands/applications.ts";
import { assessApplication } from "./commands/assess-application.ts";
import { createProgramme } from "./commands/create-programme.ts";
import { decideApplication, moderateApplication } from "./commands/decide-application.ts";
import { approveDirectAward, proposeDirectAward } from "./commands/direct-awards.ts";
import { submitMonitoringReturn } from "./commands/monitoring.ts";
import { approvePayment, holdPaymentsForOverdueMonitoring, markPaymentPaid } from "./commands/payments.ts";
import { recordFundingChange } from "./commands/record-funding-change.ts";
import { saveRegisterSettings } from "./commands/register-settings.ts";
import { addDays, addMonths, earlierDay, londonDay } from "./dates.ts";
import { listGrantDetail } from "./queries/grant-detail.ts";
import { applicants, strategicApplicants } from "./seed-organisations.ts";

type SeedUser = SeedContext["users"][number];

// Demo data: two closed rounds (Community Chest 2025, innovation; Strategic Partnerships,
// multi-year strategic), one round open now, two direct awards (one approved and paid,
// one waiting for approval), a funding ending given with notice, and a held payment.
// Every record is made through the same commands a person would use.

function userActor(
  organisationId: string,
  users: SeedUser[],
  role: "manager" | "officer" | "community-group",
  fallbackName: string,
): Actor {
  const user = users.find((u) => u.role === role);
  return {
    kind: "user",
    userId: user?.id ?? newId(),
    organisationId,
    role,
    name: user?.name ?? fallbackName,
    email: user?.email ?? `${role}@demo.kith.example`,
    personId: null,
    partnerOrganisationId: null,
    scopes: null,
  };
}

function at(day: string): Date {
  return new Date(`${day}T10:00:00.000Z`);
}

export async function seedGrants(
  context: Omit<SeedContext, "users"> & { users?: SeedUser[] },
): Promise<void> {
  const db: Db = context.database.db;
  const organisationId = context.organisationId;
  const users = context.users ?? [];
  const manager = userActor(organisationId, users, "manager", "Morgan Manager");
  const officer = userActor(organisationId, users, "officer", "Olu Officer");
  const group = userActor(organisationId, users, "community-group", "Grace Group");
  const today = londonDay(context.now);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(context.random() * list.length)];

  await saveRegisterSettings(db, manager, context.now, {
    idPrefix: "360G-wmh",
    department: "Communities and Neighbourhoods",
  });

  // Round 1: last year's Community Chest (innovation, one-year grants).
  const round1Opens = addMonths(today, -16);
  const round1 = await createProgramme(db, manager, at(round1Opens), {
    code: `CC-${round1Opens.slice(0, 4)}`,
    title: `Community Chest ${round1Opens.slice(0, 4)}`,
    description:
      "One-off grants of up to £10,000 for community-led projects, pilots and new groups in our neighbourhoods.",
    grantType: "innovation",
    budgetPence: 12_000_000,
    maxAwardPence: 1_000_000,
    opensOn: round1Opens,
    closesOn: addMonths(round1Opens, 2),
    eligibilityQuestions: [
      {
        id: "local",
        question: "Will your project take place in Kent or Medway?",
        expected: "yes",
        failureReason: "Projects must take place in Kent or Medway",
      },
      {
        id: "not-for-profit",
        question: "Is your organisation not-for-profit?",
        expected: "yes",
        failureReason: "Only not-for-profit organisations can apply",
      },
      {
        id: "statutory",
        question: "Would the grant pay for something the law requires a public body to provide?",
        expected: "no",
        failureReason: "Grants cannot replace statutory services",
      },
    ],
    scoringCriteria: [
      { id: "need", name: "Evidence of local need", weight: 3 },
      { id: "involvement", name: "Residents involved in design and delivery", weight: 2 },
      { id: "delivery", name: "Ability to deliver", weight: 2 },
      { id: "value", name: "Value for money", weight: 1 },
    ],
    outcomes: [
      { code: "CI-1", title: "Residents feel less isolated" },
      { code: "CI-2", title: "Residents gain skills or qualifications" },
      { code: "CI-3", title: "Safer, greener shared spaces" },
    ],
  });
  const round1Now = at(addMonths(round1Opens, 1));
  const decisionNow = at(addMonths(round1Opens, 3));
  for (const [index, applicant] of applicants.entries()) {
    const outcome = index < 8 ? "award" : index < 10 ? "decline" : index === 10 ? "waitlist" : "ineligible";
    const application = await startApplication(db, group, round1Now, round1.id);
    await saveApplicationSection(db, group, round1Now, application.id, "eligibility", {
      local: outcome === "ineligible" ? "no" : "yes",
      "not-for-profit": "yes",
      statutory: "no",
    });
    await saveApplicationSection(
      db,
      group,
      round1Now,
      application.id,
      "organisation",
      applicant.organisation,
    );
    await saveApplicationSection(db, group, round1Now, application.id, "contact", applicant.contact);
    const requested = (2 + Math.floor(context.random() * 8)) * 100_000;
    await saveApplicationSection(db, group, round1Now, application.id, "project", {
      projectTitle: applicant.project,
      projectSummary: applicant.summary,
      amountRequestedPence: String(requested / 100),
      outcomeCodes: [pick(["CI-1", "CI-2", "CI-3"])],
    });
    await submitApplication(db, group, round1Now, application.id);
    if (outcome === "ineligible") continue;
    const strong = outcome === "award";
    const score = () =>
      String(strong ? 3 + Math.floor(context.random() * 3) : Math.floor(context.random() * 3));
    await assessApplication(db, officer, decisionNow, application.id, {
      conflictDeclared: "no",
      scores: { need: score(), involvement: score(), delivery: score(), value: score() },
      comment: "Scored against the published criteria.",
    });
    if (index === 3)
      await assessApplication(db, manager, decisionNow, application.id, {
        conflictDeclared: "yes",
        conflictDetail: "I am a trustee of this organisation.",
      });
    else
      await assessApplication(db, manager, decisionNow, application.id, {
        conflictDeclared: "no",
        scores: { need: score(), involvement: score(), delivery: score(), value: score() },
      });
    await moderateApplication(db, manager, decisionNow, application.id, {
      note: "Panel agreed the assessors' scores.",
    });
    const start = addMonths(round1Opens, 4);
    if (outcome === "award") {
      await decideApplication(db, manager, decisionNow, application.id, {
        decision: "award",
        reason: "Scored above the funding threshold; clear local need.",
        amountAwarded: String(requested / 100),
        startDate: start,
        endDate: addDays(addMonths(start, 12), -1),
        grantOwner: officer.kind === "user" ? officer.name : "Grants officer",
        accountableOfficer: "Head of Community Investment",
        conditions:
          "Spend the grant only on the project described. Acknowledge the funding. Return any unspent money.",
        monitoringFrequency: index % 2 === 0 ? "six-monthly" : "end-of-grant",
      });
    } else {
      await decideApplication(db, manager, decisionNow, application.id, {
        decision: outcome,
        reason:
          outcome === "decline"
            ? "Scored below the funding threshold: the need was not evidenced."
            : "Fundable, but the budget is fully committed; held on the waiting list.",
      });
    }
  }

  // Round 2: strategic partnerships, multi-year with annual payments.
  const round2Opens = addMonths(today, -8);
  const round2 = await createProgramme(db, manager, at(round2Opens), {
    code: `SP-${round2Opens.slice(0, 4)}`,
    title: "Strategic Partnerships",
    description:
      "Three-year funding for established partners delivering tenancy sustainment, money advice and employment support.",
    grantType: "strategic",
    budgetPence: 60_000_000,
    maxAwardPence: 20_000_000,
    opensOn: round2Opens,
    closesOn: addMonths(round2Opens, 1),
    eligibilityQuestions: [
      {
        id: "accounts",
        question: "Has your organisation filed two years of accounts?",
        expected: "yes",
        failureReason: "Strategic partners need two years of accounts",
      },
    ],
    scoringCriteria: [
      { id: "outcomes", name: "Track record of outcomes", weight: 4 },
      { id: "partnership", name: "Partnership working", weight: 2 },
      { id: "value", name: "Value for money", weight: 2 },
    ],
    outcomes: [
      { code: "TS-1", title: "Tenancies sustained" },
      { code: "MA-1", title: "Household income maximised" },
      { code: "EM-1", title: "Residents into work" },
    ],
  });
  const round2Now = at(addMonths(round2Opens, 0));
  const round2Decision = at(addMonths(round2Opens, 2));
  for (const [index, applicant] of strategicApplicants.entries()) {
    const application = await startApplication(db, group, round2Now, round2.id);
    await saveApplicationSection(db, group, round2Now, application.id, "eligibility", { accounts: "yes" });
    await saveApplicationSection(
      db,
      group,
      round2Now,
      application.id,
      "organisation",
      applicant.organisation,
    );
    await saveApplicationSection(db, group, round2Now, application.id, "contact", applicant.contact);
    await saveApplicationSection(db, group, round2Now, application.id, "project", {
      projectTitle: applicant.project,
      projectSummary: applicant.summary,
      amountRequestedPence: "150000",
      outcomeCodes: [["TS-1", "MA-1", "EM-1"][index % 3]],
    });
    await submitApplication(db, group, round2Now, application.id);
    if (index === 4) continue; // still being assessed
    await assessApplication(db, officer, round2Decision, application.id, {
      conflictDeclared: "no",
      scores: { outcomes: index < 3 ? "5" : "2", partnership: "4", value: index < 3 ? "4" : "1" },
    });
    await moderateApplication(db, manager, round2Decision, application.id, {
      note: "Moderated by the strategic panel.",
    });
    const start = addMonths(round2Opens, 3);
    await decideApplication(
      db,
      manager,
      round2Decision,
      application.id,
      index < 3
        ? {
            decision: "award",
            reason: "Strong track record and partnership working; three-year award with annual payments.",
            amountAwarded: "150000",
            startDate: start,
            endDate: addDays(addMonths(start, 36), -1),
            grantOwner: "Sam Patel",
            accountableOfficer: "Director of Communities",
            conditions:
              "Deliver the agreed service across the grant period. Quarterly returns on the agreed outcomes.",
            monitoringFrequency: "quarterly",
          }
        : { decision: "decline", reason: "Outcomes evidence too thin for a three-year commitment." },
    );
  }

  // Round 3 is open now: the apply journey uses it.
  await createProgramme(db, manager, at(addMonths(today, -1)), {
    code: `CC-${today.slice(0, 4)}-OPEN`,
    title: `Community Chest ${today.slice(0, 4)}`,
    description:
      "One-off grants of up to £10,000 for community-led projects. Open to community groups, charities and social enterprises in our neighbourhoods.",
    grantType: "innovation",
    budgetPence: 15_000_000,
    maxAwardPence: 1_000_000,
    opensOn: addMonths(today, -1),
    closesOn: addMonths(today, 2),
    eligibilityQuestions: round1.eligibilityQuestions,
    scoringCriteria: round1.scoringCriteria,
    outcomes: round1.outcomes,
  });

  // Direct awards: one approved (unique position, multi-year strategic), one waiting for approval.
  const directStart = addMonths(today, -6);
  const direct = await proposeDirectAward(db, officer, at(directStart), {
    criterion: "unique-position",
    justification:
      "The only specialist domestic abuse refuge provider in Medway; commissioning an open call would delay life-saving support.",
    title: "Refuge outreach for residents",
    description:
      "Specialist outreach for residents experiencing domestic abuse, linked to the ASB and safety teams.",
    grantType: "strategic",
    recipientName: "Medway Domestic Abuse Refuge",
    recipientType: "registered-charity",
    charityNumber: "1087342",
    recipientPostcode: "ME4 4QU",
    recipientTown: "Chatham",
    amountAwarded: "90000",
    outcomeCodes: ["TS-1"],
    startDate: directStart,
    endDate: addDays(addMonths(directStart, 36), -1),
    grantOwner: "Sam Patel",
    accountableOfficer: "Director of Communities",
    conditions:
      "Safeguarding policy kept current; quarterly returns; 30 days' notice of any change in service.",
    monitoringFrequency: "quarterly",
  });
  await approveDirectAward(db, manager, at(directStart), direct.id);
  const ruralDigital = await proposeDirectAward(db, officer, at(addMonths(today, -1)), {
    criterion: "market-failure",
    justification:
      "No provider bid for the rural digital inclusion lot in two procurement rounds; the trust is the only local organisation able to run it.",
    title: "Rural digital inclusion sessions",
    description: "Weekly digital skills sessions in village halls in Tonbridge and Malling.",
    grantType: "innovation",
    recipientName: "Weald Digital Inclusion Trust",
    // A charity with no charity number recorded: the register exports it without one and reports it.
    recipientType: "registered-charity",
    charityNumber: "",
    recipientPostcode: "TN11 9AA",
    recipientTown: "Tonbridge",
    amountAwarded: "12000",
    outcomeCodes: ["EM-1"],
    startDate: today,
    endDate: addDays(addMonths(today, 12), -1),
    grantOwner: "Olu Officer",
    accountableOfficer: "Head of Community Investment",
    conditions: "Sessions open to all residents; attendance recorded.",
    monitoringFrequency: "end-of-grant",
  });
  await approveDirectAward(db, manager, at(addMonths(today, -1)), ruralDigital.id);
  await proposeDirectAward(db, officer, context.now, {
    criterion: "track-record",
    justification:
      "Ten years of independently evaluated results running the estate's holiday hunger scheme, with the lowest cost per meal in Kent.",
    title: "Holiday food and fun",
    description: "Meals and activities for children on free school meals during the summer holidays.",
    grantType: "innovation",
    recipientName: "Twydall Community Kitchen",
    recipientType: "community-interest-company",
    companyNumber: "10293847",
    recipientPostcode: "ME8 6HT",
    recipientTown: "Gillingham",
    amountAwarded: "15000",
    outcomeCodes: ["CI-1"],
    startDate: addMonths(today, 1),
    endDate: addDays(addMonths(today, 3), -1),
    grantOwner: "Olu Officer",
    accountableOfficer: "Head of Community Investment",
    conditions: "Food hygiene rating of 5; attendance recorded.",
    monitoringFrequency: "end-of-grant",
  });

  // Payments and monitoring on the awarded grants, as the year went.
  const detail = await listGrantDetail(db, organisationId);
  for (const item of detail) {
    if (item.grant.status !== "active") continue;
    for (const monitoring of item.returns.filter((r) => r.dueOn < today)) {
      // One grant has fallen behind, so its payments are held.
      if (
        item.grant.reference ===
        detail.find((d) => d.grant.grantType === "strategic" && d.grant.route === "open-call")?.grant
          .reference
      )
        break;
      await submitMonitoringReturn(db, officer, at(monitoring.dueOn), monitoring.id, {
        results: item.grant.outcomeCodes.map((code) => ({
          outcomeCode: code,
          measure: "People supported",
          target: "40",
          achieved: String(25 + Math.floor(context.random() * 30)),
        })),
        narrative: "Delivery on track; case studies attached to the file.",
      });
    }
    for (const payment of item.payments.filter((p) => p.dueOn <= today)) {
      try {
        await approvePayment(db, manager, at(payment.dueOn), payment.id);
        await markPaymentPaid(db, officer, at(payment.dueOn), payment.id);
      } catch {
        // Held for overdue monitoring: that is part of the demo.
      }
    }
  }
  const strategic = detail.filter(
    (d) => d.grant.grantType === "strategic" && d.grant.route === "open-call" && d.grant.status === "active",
  );
  const ending = strategic[strategic.length - 1];
  if (ending) {
    await recordFundingChange(db, manager, context.now, ending.grant.id, {
      kind: "ending",
      effectiveOn: earlierDay(addMonths(today, 4), ending.grant.endDate),
      reason: "The service is being brought in-house from next year; four months' notice given.",
    });
  }
  // What the daily job would have done by now: hold payments where monitoring is overdue.
  await holdPaymentsForOverdueMonitoring(db, systemActor(organisationId, "Kith grants job"), context.now);
  context.log(
    `Grants: 3 programmes, ${applicants.length + strategicApplicants.length} applications, ${detail.length} grants (one awaiting approval).`,
  );
}
