import { type Actor, systemActor } from "../../platform/access/actor.ts";
import type { SeedContext } from "../module.ts";
import { listPartnerOrganisationsForSeed } from "../people/index.ts";
import { awardContract } from "./commands/award-contract.ts";
import { createContract } from "./commands/create-contract.ts";
import { moderateNeed } from "./commands/moderate-need.ts";
import { offerPledge } from "./commands/offer-pledge.ts";
import { postNeed } from "./commands/post-need.ts";
import { recordDelivery } from "./commands/record-delivery.ts";
import { verifyPledge } from "./commands/verify-pledge.ts";
import { raiseOverdueAlerts } from "./jobs/overdue-pledges.ts";
import { type NeedCategory, type Theme, themes } from "./schema.ts";

const needIdeas: [NeedCategory, string, string][] = [
  ["materials", "Paint for the community hall", "Twenty litres of emulsion, rollers and dust sheets."],
  ["volunteers", "Volunteers for the food bank", "Four people on Saturday mornings for three months."],
  ["skills", "Help with our accounts", "A bookkeeper for a few hours to set up our books."],
  ["equipment", "Laptops for the homework club", "Six refurbished laptops for children without one at home."],
  ["funding", "Minibus running costs", "Insurance and fuel for the community minibus for a year."],
  ["materials", "Timber for raised beds", "Sleepers and soil for six raised beds."],
  ["skills", "Electrician to check the hall", "A safety check and certificate for the hall's wiring."],
  ["volunteers", "Litter pick helpers", "Ten people for a Saturday clean-up of the estate."],
  ["equipment", "Tools for the repair café", "A tool kit, soldering station and PAT tester."],
  ["funding", "Christmas lunch for older residents", "Food and transport for 60 guests."],
];
const places = [
  "community hall",
  "estate",
  "youth centre",
  "church hall",
  "library",
  "recreation ground",
  "seafront",
  "high street",
];
const laCodes = [
  "E06000035",
  "E07000110",
  "E07000113",
  "E07000114",
  "E07000105",
  "E07000108",
  "E07000106",
  "E07000112",
];
const pledgeWords: Record<Theme, [NeedCategory, string][]> = {
  "local-employment": [
    ["skills", "Two apprenticeships for local young people"],
    ["skills", "Work experience for ten school leavers"],
  ],
  "local-economy": [
    ["funding", "Spend with local small businesses"],
    ["materials", "Local suppliers for materials"],
  ],
  "community-development": [
    ["volunteers", "Staff volunteering days"],
    ["materials", "Donated materials"],
    ["equipment", "Donated equipment"],
    ["funding", "Community grant"],
  ],
  "good-employer": [["skills", "Mental health first aid training for staff"]],
  green: [
    ["equipment", "Electric van for the contract"],
    ["volunteers", "Tree planting day"],
  ],
};

/** 40 needs (most with pledges) and six tenders: four awarded, with delivery at every stage. */
export async function seedExchange(context: SeedContext): Promise<void> {
  const { database, organisationId, random } = context;
  const db = database.db;
  const system = systemActor(organisationId, "Demo seed");
  const at = (daysAgo: number) => new Date(context.now.getTime() - daysAgo * 86_400_000);
  const partners = await listPartnerOrganisationsForSeed(db, organisationId);
  const communityOrgs = partners.filter(
    (p) => p.kind === "community-group" || p.kind === "charity" || p.kind === "social-enterprise",
  );
  const suppliers = partners.filter((p) => p.kind === "supplier");
  // The demo community-group user belongs to the first community group by name; its needs can be verified by it.
  const demoGroupOrg = partners.find((p) => p.kind === "community-group");
  const demoGroupUser = context.users.find((u) => u.role === "community-group");
  const groupActor: Actor | null =
    demoGroupOrg && demoGroupUser
      ? {
          kind: "user",
          userId: demoGroupUser.id,
          organisationId,
          role: "community-group",
          name: demoGroupUser.name,
          email: demoGroupUser.email,
          personId: null,
          partnerOrganisationId: demoGroupOrg.id,
          scopes: null,
        }
      : null;

  const needs = [];
  for (let i = 0; i < 40; i++) {
    const [category, title, description] = needIdeas[i % needIdeas.length];
    const org = i % 5 === 0 && demoGroupOrg ? demoGroupOrg : communityOrgs[i % communityOrgs.length];
    const need = await postNeed(db, system, at(150 - i * 3), {
      communityOrgId: org?.id ?? null,
      communityOrgName: org?.name ?? "Residents' association",
      title,
      description,
      category,
      valuePence: (5 + Math.floor(random() * 60)) * 5_000,
      location: `${places[i % places.length][0].toUpperCase()}${places[i % places.length].slice(1)}`,
      laCode: laCodes[i % laCodes.length],
    });
    if (i >= 37) continue; // three still waiting for moderation
    const rejected = i === 36;
    needs.push(
      await moderateNeed(
        db,
        system,
        at(148 - i * 3),
        need.id,
        rejected
          ? { decision: "reject", note: "This is a purchase for one person, not the community." }
          : { decision: "approve" },
      ),
    );
  }
  const open = needs.filter((n) => n.status === "open");

  const tenders = [
    {
      title: "Responsive repairs 2026–2030",
      valuePence: 4_800_000_000,
      weightingBp: 1000,
      themes: ["local-employment", "community-development", "green"] as Theme[],
      daysAgo: 140,
    },
    {
      title: "Grounds maintenance, Medway and Swale",
      valuePence: 650_000_000,
      weightingBp: 1500,
      themes: ["local-economy", "community-development", "green"] as Theme[],
      daysAgo: 120,
    },
    {
      title: "Gas servicing and boiler replacement",
      valuePence: 1_900_000_000,
      weightingBp: 1000,
      themes: ["local-employment", "good-employer", "community-development"] as Theme[],
      daysAgo: 100,
    },
    {
      title: "Roofing framework",
      valuePence: 1_200_000_000,
      weightingBp: 1000,
      themes: [...themes] as Theme[],
      daysAgo: 80,
    },
    {
      title: "Void property refurbishment",
      valuePence: 900_000_000,
      weightingBp: 1200,
      themes: ["local-employment", "community-development"] as Theme[],
      daysAgo: 10,
    },
    {
      title: "Cleaning of communal areas",
      valuePence: 300_000_000,
      weightingBp: 2000,
      themes: ["local-economy", "community-development", "good-employer"] as Theme[],
      daysAgo: 5,
    },
  ];
  let pledges = 0;
  let needIndex = 0;
  for (const [t, spec] of tenders.entries()) {
    const opened = at(spec.daysAgo);
    const closes = new Date(opened.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const contract = await createContract(db, system, opened, {
      title: spec.title,
      description: `${spec.title}: social value pledges score ${spec.weightingBp / 100}% of the tender.`,
      valuePence: spec.valuePence,
      weightingBp: spec.weightingBp,
      themes: spec.themes,
      themeWeights: spec.themes.includes("green") ? { green: 8_000 } : {},
      fullMarksShareBp: 300,
      tenderCloses: closes,
    });
    const bidders = suppliers.slice(t % 2, (t % 2) + 3);
    for (const [b, supplier] of bidders.entries()) {
      const count = 2 + ((t + b) % 3);
      for (let p = 0; p < count; p++) {
        const theme = spec.themes[(b + p) % spec.themes.length];
        const [resourceType, description] = pledgeWords[theme][(t + p) % pledgeWords[theme].length];
        const need = open[needIndex % open.length];
        needIndex++;
        // Most pledges meet a posted need; a few (like training the supplier's own staff) meet none.
        const linked = need && theme !== "good-employer" ? [need.id] : [];
        await offerPledge(db, system, new Date(opened.getTime() + (2 + b) * 86_400_000), contract.id, {
          supplierId: supplier.id,
          theme,
          resourceType,
          description,
          valuePence:
            linked.length && need
              ? need.valuePence
              : Math.round((spec.valuePence * (0.002 + random() * 0.01)) / 10_000) * 100,
          dueBy: new Date(opened.getTime() + (45 + p * 25) * 86_400_000).toISOString().slice(0, 10),
          needIds: linked,
        });
        pledges++;
      }
    }
    if (t >= 4) continue; // the last two tenders are still open
    const awardedAt = new Date(opened.getTime() + 35 * 86_400_000);
    await awardContract(db, system, awardedAt, contract.id, bidders[0].id);
    // In a fixed order (not by reference, which comes from a random id), so every demo has the same
    // delivered, verified and overdue pledges.
    const accepted = await database.query<{ id: string; due_by: string; demo_group: boolean }>(
      `SELECT p.id, p.due_by::text AS due_by,
         EXISTS (SELECT 1 FROM exchange_pledge_need pn JOIN exchange_need n ON n.organisation_id = pn.organisation_id AND n.id = pn.need_id
                 WHERE pn.organisation_id = p.organisation_id AND pn.pledge_id = p.id AND n.community_org_id = $3) AS demo_group
       FROM exchange_pledge p WHERE p.organisation_id = $1 AND p.contract_id = $2 AND p.status = 'accepted' ORDER BY p.due_by, p.created_at, p.description`,
      [organisationId, contract.id, demoGroupOrg?.id ?? null],
    );
    for (const [i, pledge] of accepted.entries()) {
      const due = new Date(`${pledge.due_by}T12:00:00Z`);
      if (due > context.now || i % 4 === 3) continue; // not due yet, or overdue
      const delivered = new Date(due.getTime() - 5 * 86_400_000);
      await recordDelivery(db, system, delivered, pledge.id, {
        evidence: "Delivered as pledged; photos and sign-in sheets attached to the contract file.",
      });
      if (i % 3 === 2) continue; // waiting for verification
      await verifyPledge(db, system, new Date(delivered.getTime() + 3 * 86_400_000), pledge.id);
      if (pledge.demo_group && groupActor)
        await verifyPledge(db, groupActor, new Date(delivered.getTime() + 4 * 86_400_000), pledge.id);
    }
  }
  const alerts = await raiseOverdueAlerts(database, organisationId, context.now);
  context.log(`    40 social value needs, 6 tenders, ${pledges} supplier pledges, ${alerts} overdue alerts`);
}
