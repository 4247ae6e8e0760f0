import { systemActor } from "../../platform/access/actor.ts";
import { addMonths } from "../../platform/dates/calendar.ts";
import { addDays, londonDay } from "../../platform/dates/london.ts";
import type { Db } from "../../platform/db/database.ts";
import { newId } from "../../platform/db/ids.ts";
import { bulkInsert } from "../../seed/bulk-insert.ts";
import { pick } from "../../seed/random.ts";
import { withReferencesCheckedOnce } from "../../seed/references-checked-once.ts";
import type { SeedContext } from "../module.ts";
import { listPartnerOrganisationsForSeed, listPeopleForSeed } from "../people/index.ts";
import {
  listCommunityAssetsOfOrganisation,
  listHomesForSeed,
  listPriorityNeighbourhoods,
} from "../places/index.ts";
import { rebuildAttendanceSummary } from "./commands/attendance-summary.ts";
import { lifeRole } from "./life-model.ts";
import {
  activitySession,
  attendance,
  outcomeFollowUp,
  outcomeRecord,
  participant,
  projectSpend,
} from "./schema.ts";
import { externalFunders, plans, stories, towns } from "./seed-plans.ts";
import { type DemoProject, seedProjects } from "./seed-projects.ts";
import { seedStrategy, seedTemplates } from "./seed-strategy.ts";

// Three years of community investment for the demo landlord: projects at every stage, sessions,
// attendance, volunteers, outcomes with surveys and stories, budgets and spending. Projects are
// validated and written as createProject writes them (seed-projects.ts); the high-volume rows are
// inserted in bulk.

export async function seedInvestment(context: SeedContext): Promise<void> {
  const { database, organisationId: org, now, random } = context;
  const db: Db = database.db;
  const actor = systemActor(org, "Demo seed");
  const templateIds = await seedStrategy(db, actor, now);
  const [people, homes, partners, assets, priority] = await Promise.all([
    listPeopleForSeed(db, org),
    listHomesForSeed(db, org),
    listPartnerOrganisationsForSeed(db, org),
    listCommunityAssetsOfOrganisation(db, org),
    listPriorityNeighbourhoods(db, org),
  ]);
  // Ids are random, so order by content: the same demo on every machine and engine.
  people.sort((a, b) =>
    `${a.familyName}|${a.givenName}|${a.dateOfBirth}|${a.postcode}`.localeCompare(
      `${b.familyName}|${b.givenName}|${b.dateOfBirth}|${b.postcode}`,
    ),
  );
  partners.sort((a, b) => a.name.localeCompare(b.name));
  assets.sort((a, b) => a.name.localeCompare(b.name) || a.laCode.localeCompare(b.laCode));
  priority.sort((a, b) => a.code.localeCompare(b.code));
  homes.sort((a, b) => a.uprn.localeCompare(b.uprn));
  const homeById = new Map(homes.map((h) => [h.id, h]));
  const today = londonDay(now);
  const start = addDays(today, -3 * 365);

  // Participants: residents with a home, by area.
  const participantsByLa = new Map<string, { id: string; dob: string | null }[]>();
  const participantRows: (typeof participant.$inferInsert)[] = [];
  for (const person of people) {
    const home = person.homeId ? homeById.get(person.homeId) : undefined;
    if (!home || random() > 0.45) continue;
    const id = newId(now.getTime());
    const dob = person.dateOfBirth;
    const age = dob ? Number(today.slice(0, 4)) - Number(dob.slice(0, 4)) : 40;
    const communitiesOf = [
      ...(age >= 65 ? ["older-residents" as const] : []),
      ...(age < 25 ? ["young-people" as const] : []),
      ...(random() < 0.12 ? ["disability" as const] : []),
    ];
    participantRows.push({
      organisationId: org,
      id,
      personId: person.id,
      externalRef: null,
      displayName: `${person.givenName} ${person.familyName}`,
      dateOfBirth: dob,
      tenant: person.personType === "tenant",
      laCode: home.laCode,
      lsoa21Code: home.lsoa21Code,
      communities: communitiesOf,
      createdAt: now,
    });
    const list = participantsByLa.get(home.laCode) ?? [];
    list.push({ id, dob });
    participantsByLa.set(home.laCode, list);
  }
  await bulkInsert(db, participant, participantRows);

  const lsoasByLa = new Map<string, string[]>();
  for (const home of homes)
    if (home.lsoa21Code)
      lsoasByLa.set(home.laCode, [...new Set([...(lsoasByLa.get(home.laCode) ?? []), home.lsoa21Code])]);
  const priorityByLa = new Map<string, string[]>();
  for (const n of priority) priorityByLa.set(n.laCode, [...(priorityByLa.get(n.laCode) ?? []), n.code]);

  const sessions: (typeof activitySession.$inferInsert)[] = [];
  const attendances: (typeof attendance.$inferInsert)[] = [];
  const outcomes: (typeof outcomeRecord.$inferInsert)[] = [];
  const followUps: (typeof outcomeFollowUp.$inferInsert)[] = [];
  const spend: (typeof projectSpend.$inferInsert)[] = [];
  const stageFor = (i: number) =>
    (["active", "active", "pipeline", "active", "closed", "active", "pipeline", "idea"] as const)[i % 8];
  const projects: DemoProject[] = [];
  let index = 0;
  for (let round = 0; round < 2; round++) {
    for (const plan of plans) {
      for (const place of towns) {
        if (random() < 0.55) continue;
        const stage = stageFor(index++);
        const pool = participantsByLa.get(place.laCode) ?? [];
        const lsoas = lsoasByLa.get(place.laCode) ?? [];
        const priorityLsoas = priorityByLa.get(place.laCode) ?? [];
        const homeLsoa =
          plan.cd && priorityLsoas.length && random() < 0.5
            ? pick(random, priorityLsoas)
            : lsoas.length
              ? pick(random, lsoas)
              : null;
        const startsOn = addDays(start, Math.floor(random() * 500));
        const endsOn = stage === "closed" ? addDays(startsOn, 200 + Math.floor(random() * 300)) : null;
        const need = stage === "idea" && random() < 0.3 ? "partly" : "yes";
        const bestPlaced = random() < 0.7 ? "yes" : random() < 0.5 ? "partly" : "no";
        const canResource = stage === "pipeline" ? "partly" : random() < 0.8 ? "yes" : "partly";
        const firstYear = Number(startsOn.slice(0, 4));
        const years = [firstYear, firstYear + 1, firstYear + 2, firstYear + 3].filter(
          (y) => y <= Number(today.slice(0, 4)) + (stage === "pipeline" ? 1 : 0),
        );
        const internalYearly = (4 + Math.floor(random() * 14)) * 100_000;
        const externalYearly = random() < 0.75 ? (3 + Math.floor(random() * 20)) * 100_000 : 0;
        const funder = pick(random, externalFunders);
        const asset = assets.filter((a) => a.laCode === place.laCode && !a.closedOn);
        const assetId = asset.length && random() < 0.8 ? pick(random, asset).id : null;
        const partner = partners.length && random() < 0.6 ? pick(random, partners) : null;
        const projectId = newId(now.getTime());
        projects.push({
          id: projectId,
          input: {
            name: `${place.town} ${plan.title}${round === 1 ? " II" : ""}`,
            summary: `${seedTemplates.find((t) => t.key === plan.template)?.activities ?? ""} in ${place.town}.`,
            kind: plan.depth === "in-depth" ? "service" : "project",
            stage,
            communityDevelopment: plan.cd,
            themeCodes: plan.themes,
            areas: [{ laCode: place.laCode, lsoa21Code: homeLsoa }],
            leadPartnerId:
              partner && lifeRole({ need, bestPlaced, canResource }) === "follow" ? partner.id : null,
            partnerIds: partner ? [partner.id] : [],
            need,
            bestPlaced,
            canResource,
            changeTemplateId: templateIds.get(plan.template) ?? null,
            followUpMonths: plan.depth === "in-depth" ? [6, 12] : [],
            attributionPercent: 10 + Math.floor(random() * 20),
            displacementPercent: Math.floor(random() * 10),
            dropOffPercent: 10 + Math.floor(random() * 30),
            benefitYears: plan.template === "employability" ? 3 : plan.template === "crisis" ? 1 : 2,
            assetId,
            startsOn,
            endsOn,
            funding: years.flatMap((year) => [
              {
                source: "Community investment budget",
                kind: "internal" as const,
                amountPence: internalYearly,
                year,
                secured: stage !== "pipeline",
              },
              ...(externalYearly
                ? [
                    {
                      source: funder,
                      kind: "external" as const,
                      amountPence: externalYearly,
                      year,
                      secured: stage !== "pipeline" && random() < 0.9,
                    },
                  ]
                : []),
            ]),
            steering: [
              {
                name: `${pick(random, ["Pat", "Sam", "Jo", "Alex", "Chris", "Morgan"])} ${pick(random, ["Okafor", "Smith", "Patel", "Nowak", "Evans", "Khan"])}`,
                role: "Chair",
                localPerson: true,
              },
              { name: "Community investment officer", role: "Staff lead", localPerson: false },
              ...(random() < 0.6
                ? [
                    {
                      name: `${pick(random, ["Lee", "Kim", "Dee", "Ash"])} ${pick(random, ["Brown", "Ahmed", "Wood", "Clarke"])}`,
                      role: "Resident member",
                      localPerson: true,
                    },
                  ]
                : []),
            ],
          },
        });
        if (stage === "idea" || stage === "pipeline") continue;

        // Sessions and attendance from the start date to the end (or today).
        const projectPool = Array.from(
          { length: Math.min(pool.length, 25 + Math.floor(random() * 50)) },
          () => pick(random, pool),
        );
        const uniquePool = [...new Map(projectPool.map((p) => [p.id, p])).values()];
        const volunteers = uniquePool.slice(0, 3);
        const last = endsOn && endsOn < today ? endsOn : today;
        const duration = plan.depth === "in-depth" ? 60 : 120;
        let spent = 0;
        for (let held = startsOn; held <= last; held = addDays(held, plan.everyDays)) {
          const sessionId = newId(now.getTime());
          const depth = plan.depth === "mixed" ? (random() < 0.35 ? "in-depth" : "light") : plan.depth;
          const lsoa =
            plan.cd && priorityLsoas.length && random() < 0.3 ? pick(random, priorityLsoas) : homeLsoa;
          sessions.push({
            organisationId: org,
            id: sessionId,
            projectId,
            title: `${plan.title} session`,
            heldOn: held,
            durationMinutes: duration,
            depth,
            laCode: place.laCode,
            lsoa21Code: lsoa,
            assetId,
            createdAt: now,
          });
          const size = Math.min(uniquePool.length, 4 + Math.floor(random() * 14));
          const seen = new Set<string>();
          for (let k = 0; k < size; k++) {
            const person = pick(random, uniquePool);
            if (seen.has(person.id)) continue;
            seen.add(person.id);
            const isVolunteer = volunteers.includes(person);
            // Now and then a service user helps plan or run the session: their time is input, not attendance.
            const serviceUser = !isVolunteer && random() < 0.03;
            attendances.push({
              organisationId: org,
              sessionId,
              participantId: person.id,
              role: isVolunteer ? "volunteer" : serviceUser ? "service-user-input" : "participant",
              minutes: isVolunteer ? duration + 30 : serviceUser ? duration : 0,
              heldOn: held,
            });
          }
          spent +=
            Math.round((internalYearly + externalYearly) / (365 / plan.everyDays)) * (0.75 + random() * 0.4);
          if (held.slice(5, 7) !== addDays(held, plan.everyDays).slice(5, 7)) {
            spend.push({
              organisationId: org,
              id: newId(now.getTime()),
              projectId,
              spentOn: held,
              amountPence: Math.round(spent),
              description: "Delivery costs for the month",
            });
            spent = 0;
          }
        }
        // Outcomes: in each year of the project's life, a share of its people achieve one.
        for (let from = startsOn; from < last; from = addDays(from, 365)) {
          const yearDays = Math.max(1, Math.min(365, (Date.parse(last) - Date.parse(from)) / 86_400_000));
          for (const person of uniquePool) {
            if (random() > (plan.depth === "light" ? 0.3 : 0.55)) continue;
            const achievedOn = addDays(from, Math.floor(random() * yearDays));
            if (achievedOn > last) continue;
            const outcomeId = newId(now.getTime());
            const before = 14 + Math.floor(random() * 8);
            const distanceBefore = 2 + Math.floor(random() * 4);
            outcomes.push({
              organisationId: org,
              id: outcomeId,
              participantId: person.id,
              projectId,
              valueCode: pick(random, plan.codes),
              achievedOn,
              wellbeingBefore: before,
              wellbeingAfter: Math.min(35, before + Math.floor(random() * 7)),
              distanceBefore,
              distanceAfter: Math.min(10, distanceBefore + 1 + Math.floor(random() * 5)),
              evidence: pick(random, [
                "Before and after survey",
                "Adviser's case notes",
                "Payslip seen",
                "Certificate",
                "Attendance and survey",
              ]),
              story: random() < 0.05 ? pick(random, stories) : null,
              createdAt: now,
            });
            if (plan.depth !== "in-depth") continue;
            for (const months of [6, 12]) {
              // The same month arithmetic as recording an outcome: 31 August + 6 months is 28 February.
              const dueOn = addMonths(achievedOn, months);
              const done = dueOn < today && random() < 0.7;
              followUps.push({
                organisationId: org,
                outcomeId,
                months,
                dueOn,
                completedOn: done ? dueOn : null,
                distanceRating: done ? Math.min(10, distanceBefore + 2) : null,
                wellbeingScore: null,
                sustained: done ? random() < 0.8 : null,
              });
            }
          }
        }
      }
    }
  }
  await seedProjects(db, actor, now, projects);
  const written = ["activity_session", "attendance", "outcome_record", "outcome_follow_up", "project_spend"];
  await withReferencesCheckedOnce(database, written, async () => {
    await bulkInsert(db, activitySession, sessions);
    // No row can conflict (a session's people are drawn without repeats, an outcome's follow-ups
    // are at 6 and 12 months), so the inserts skip ON CONFLICT's check of every row.
    await bulkInsert(db, attendance, attendances);
    await bulkInsert(db, outcomeRecord, outcomes);
    await bulkInsert(db, outcomeFollowUp, followUps);
    await bulkInsert(db, projectSpend, spend);
  });
  // With the row-by-row checks back on: the summary is recomputed from the rows just written.
  await rebuildAttendanceSummary(db, org);
  context.log(
    `    ${index} projects, ${participantRows.length} participants, ${sessions.length} sessions, ${attendances.length} attendances, ${outcomes.length} outcomes`,
  );
}
