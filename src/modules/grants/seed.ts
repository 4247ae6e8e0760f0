import type { Actor } from "../../platform/access/actor.ts";
import { addMonths, earlierDay } from "../../platform/dates/calendar.ts";
import { addDays, londonDay } from "../../platform/dates/london.ts";
import type { Db } from "../../platform/db/database.ts";
import { newId } from "../../platform/db/ids.ts";
import type { SeedContext } from "../module.ts";
import { homesByLocalAuthority } from "../places/index.ts";
import { approveDirectAward, proposeDirectAward } from "./commands/direct-awards.ts";
import { userIdOf } from "./commands/grant-controls.ts";
import { markPaymentPaid } from "./commands/mark-payment-paid.ts";
import { submitMonitoringReturn } from "./commands/monitoring.ts";
import { approvePayment } from "./commands/payments.ts";
import { recordFundingChange } from "./commands/record-funding-change.ts";
import { saveRegisterSettings } from "./commands/register-settings.ts";
import { runGrantsDaily } from "./jobs/daily-grants.ts";
import { listGrantDetail } from "./queries/grant-detail.ts";
import { applicants, areaForTown, strategicApplicants } from "./seed-organisations.ts";
import { at, seedRounds } from "./seed-rounds.ts";

type SeedUser = SeedContext["users"][number];

// Demo data: two closed rounds (Community Chest, innovation; Strategic Partnerships,
// multi-year strategic), one round open now, three direct awards (two approved, one of them
// to a charity with no charity number, and one waiting for approval), a funding ending
// given with notice, and payments held for overdue monitoring.
// Every record is made through the same commands a person would use, or, for the rounds'
// applications, written in bulk by seed-applications.ts with those commands' own functions.

function userActor(
  organisationId: string,
  users: SeedUser[],
  role: "organisation-admin" | "manager" | "officer" | "community-group",
  fallbackName: string,
  nth = 0,
): Actor {
  const user = users.filter((u) => u.role === role)[nth];
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

export async function seedGrants(
  context: Omit<SeedContext, "users"> & { users?: SeedUser[] },
): Promise<void> {
  const db: Db = context.database.db;
  const organisationId = context.organisationId;
  const users = context.users ?? [];
  const manager = userActor(organisationId, users, "manager", "Morgan Manager");
  const officer = userActor(organisationId, users, "officer", "Olu Officer");
  // Separation of duties: a second assessor who does not decide, and a payment authoriser
  // who neither assessed nor approved the awards.
  const panel = userActor(organisationId, users, "officer", "Pat Panel", 1);
  const authoriser = userActor(organisationId, users, "organisation-admin", "Ada Admin");
  const group = userActor(organisationId, users, "community-group", "Grace Group");
  const today = londonDay(context.now);

  await saveRegisterSettings(db, manager, context.now, {
    idPrefix: "360G-wmh",
    department: "Communities and Neighbourhoods",
  });

  await seedRounds({ db, manager, officer, panel, group, today, random: context.random });

  // The grant owner and accountable officer are chosen from the demo's staff users.
  const people = {
    grantOwnerUserId: userIdOf(officer) ?? "",
    accountableOfficerUserId: userIdOf(manager) ?? "",
  };
  // Direct awards: one approved (unique position, multi-year strategic), one waiting for approval.
  const areas = await homesByLocalAuthority(db, organisationId);
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
    ...people,
    conditions:
      "Safeguarding policy kept current; quarterly returns; 30 days' notice of any change in service.",
    monitoringFrequency: "quarterly",
    beneficiaryLaCode: areaForTown("Chatham", areas),
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
    ...people,
    conditions: "Sessions open to all residents; attendance recorded.",
    monitoringFrequency: "end-of-grant",
    beneficiaryLaCode: areaForTown("Tonbridge", areas),
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
    ...people,
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
        await approvePayment(db, authoriser, at(payment.dueOn), payment.id);
        await markPaymentPaid(db, officer, at(payment.dueOn), payment.id, {
          paymentReference: `${item.grant.reference}/${payment.instalment}`.slice(0, 35),
        });
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
  // What the daily job would have done by now: reminders, payments held for overdue monitoring, grants ended.
  await runGrantsDaily(db, organisationId, context.now);
  context.log(
    `Grants: 3 programmes, ${applicants.length + strategicApplicants.length} applications, ${detail.length} grants (one awaiting approval).`,
  );
}
