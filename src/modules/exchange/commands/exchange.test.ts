import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { appUser, outboundMessage } from "../../../platform/db/platform-schema.ts";
import { raiseOverdueAlerts } from "../jobs/overdue-pledges.ts";
import { getContract, getNeed, getPledge, listNeeds } from "../queries/exchange-queries.ts";
import { exchangeReport } from "../queries/exchange-report.ts";
import { makePartner, tenderRepairsContract } from "../testing/fixtures.ts";
import { awardContract } from "./award-contract.ts";
import { moderateNeed } from "./moderate-need.ts";
import { offerPledge } from "./offer-pledge.ts";
import { postNeed } from "./post-need.ts";
import { recordDelivery } from "./record-delivery.ts";
import { verifyPledge } from "./verify-pledge.ts";

let database: Database;
let orgId: string;
let officer: Actor;
let group: Actor;
let otherGroup: Actor;
let supplierA: Actor;
let supplierB: Actor;
const day = (n: number) => new Date(testNow.getTime() + n * 86_400_000);

async function openNeed(title = "Paint for the community hall", valuePence = 80_000) {
  const need = await postNeed(database.db, group, testNow, {
    communityOrgName: "Chatham Hill Residents",
    title,
    description: "Twenty litres of emulsion and brushes.",
    category: "materials",
    valuePence,
    location: "Chatham Hill community hall",
    laCode: "E06000035",
  });
  return moderateNeed(database.db, officer, testNow, need.id, { decision: "approve" });
}

beforeAll(async () => {
  database = await openTestDatabase();
  orgId = (await makeOrganisation(database.db)).id;
  officer = actorFor(orgId, "officer");
  group = actorFor(orgId, "community-group", {
    partnerOrganisationId: await makePartner(database, officer, "Chatham Hill Residents", "community-group"),
  });
  otherGroup = actorFor(orgId, "community-group", {
    partnerOrganisationId: await makePartner(database, officer, "Hoo Repair Café", "community-group"),
  });
  supplierA = actorFor(orgId, "supplier", {
    partnerOrganisationId: await makePartner(database, officer, "Oast Build Ltd", "supplier"),
  });
  supplierB = actorFor(orgId, "supplier", {
    partnerOrganisationId: await makePartner(database, officer, "Channel Gas Ltd", "supplier"),
  });
});
afterAll(async () => database.close());

describe("needs", () => {
  it("keeps a need from suppliers until an officer publishes it", async () => {
    const need = await postNeed(database.db, group, testNow, {
      communityOrgName: "ignored for a group user",
      title: "Volunteers for the food bank",
      description: "Four people on Saturdays.",
      category: "volunteers",
      valuePence: 40_000,
      location: "Chatham",
    });
    expect(need.status).toBe("submitted");
    expect((await listNeeds(database.db, supplierA)).map((n) => n.id)).not.toContain(need.id);
    expect((await problemOf(getNeed(database.db, supplierA, need.id))).status).toBe(404);
    expect(
      (await problemOf(moderateNeed(database.db, officer, testNow, need.id, { decision: "reject" })))
        .fieldErrors?.note,
    ).toBe("Say why the need is rejected");
    await moderateNeed(database.db, officer, testNow, need.id, { decision: "approve" });
    expect((await listNeeds(database.db, supplierA)).map((n) => n.id)).toContain(need.id);
  });

  it("refuses a need with no value or a negative value", async () => {
    const bad = {
      communityOrgName: "X",
      title: "T",
      description: "D",
      category: "skills" as const,
      location: "L",
    };
    expect(
      (await problemOf(postNeed(database.db, group, testNow, { ...bad, valuePence: 0 }))).fieldErrors
        ?.valuePence,
    ).toBe("The estimated value must be more than £0");
    expect(
      (await problemOf(postNeed(database.db, group, testNow, { ...bad, valuePence: -100 }))).fieldErrors
        ?.valuePence,
    ).toBe("The estimated value must be more than £0");
  });
});

describe("pledge lifecycle", () => {
  it("runs offered → accepted with the award → delivered with evidence → verified by the group and an officer", async () => {
    const need = await openNeed();
    const contract = await tenderRepairsContract(database, officer);
    const pledge = await offerPledge(database.db, supplierA, testNow, contract.id, {
      theme: "community-development",
      resourceType: "materials",
      description: "Paint and brushes for the hall",
      valuePence: 80_000,
      dueBy: "2026-09-30",
      needIds: [need.id],
    });
    const rival = await offerPledge(database.db, supplierB, testNow, contract.id, {
      theme: "local-employment",
      resourceType: "skills",
      description: "Two apprenticeships",
      valuePence: 3_000_000,
      dueBy: "2026-12-31",
    });
    expect(pledge.status).toBe("offered");
    // Rival bids are confidential: each supplier sees only its own.
    expect((await getContract(database.db, supplierA, contract.id)).bids.map((b) => b.supplierName)).toEqual([
      "Oast Build Ltd",
    ]);
    expect((await problemOf(getPledge(database.db, supplierA, rival.id))).status).toBe(404);

    expect(
      (await problemOf(recordDelivery(database.db, supplierA, day(1), pledge.id, { evidence: "Delivered" })))
        .detail,
    ).toBe("The contract has not been awarded yet.");
    await awardContract(
      database.db,
      officer,
      day(2),
      contract.id,
      supplierA.kind === "user" ? (supplierA.partnerOrganisationId ?? "") : "",
    );
    expect((await getPledge(database.db, officer, rival.id)).pledge.status).toBe("not-awarded");
    expect(
      (await problemOf(recordDelivery(database.db, supplierB, day(3), pledge.id, { evidence: "Not mine" })))
        .status,
    ).toBe(404);
    await recordDelivery(database.db, supplierA, day(30), pledge.id, {
      evidence: "Delivered 20 litres on 14 July; photo of the painted hall.",
    });

    expect((await problemOf(verifyPledge(database.db, otherGroup, day(31), pledge.id))).status).toBe(404);
    const half = await verifyPledge(database.db, group, day(31), pledge.id);
    expect(half.status).toBe("delivered");
    expect(half.communityVerifiedBy).toBe("Test community-group");
    const full = await verifyPledge(database.db, officer, day(32), pledge.id);
    expect(full.status).toBe("verified");
  });

  it("refuses a theme the tender does not ask for, a need that is not open, and a pledge after the tender closes", async () => {
    const contract = await tenderRepairsContract(database, officer);
    const base = {
      resourceType: "skills" as const,
      description: "Mentoring",
      valuePence: 10_000,
      dueBy: "2026-10-01",
    };
    expect(
      (
        await problemOf(
          offerPledge(database.db, supplierA, testNow, contract.id, { ...base, theme: "good-employer" }),
        )
      ).fieldErrors?.theme,
    ).toMatch(/does not ask for good employer/);
    const pending = await postNeed(database.db, group, testNow, {
      communityOrgName: "X",
      title: "T",
      description: "D",
      category: "skills",
      valuePence: 100,
      location: "L",
    });
    expect(
      (
        await problemOf(
          offerPledge(database.db, supplierA, testNow, contract.id, {
            ...base,
            theme: "green",
            needIds: [pending.id],
          }),
        )
      ).fieldErrors?.needIds,
    ).toBe("Choose only needs that are open");
    expect(
      (
        await problemOf(
          offerPledge(database.db, supplierA, new Date("2026-08-01T09:00:00Z"), contract.id, {
            ...base,
            theme: "green",
            dueBy: "2026-10-01",
          }),
        )
      ).title,
    ).toBe("This tender is closed");
    expect(
      (await problemOf(offerPledge(database.db, officer, testNow, contract.id, { ...base, theme: "green" })))
        .fieldErrors?.supplierId,
    ).toBe("Choose the supplier making the pledge");
    const groupOrg = group.kind === "user" ? (group.partnerOrganisationId ?? "") : "";
    expect(
      (
        await problemOf(
          offerPledge(database.db, officer, testNow, contract.id, {
            ...base,
            theme: "green",
            supplierId: groupOrg,
          }),
        )
      ).fieldErrors?.supplierId,
    ).toBe("Chatham Hill Residents is not a supplier");
    expect(
      (await problemOf(offerPledge(database.db, group, testNow, contract.id, { ...base, theme: "green" })))
        .status,
    ).toBe(403);
  });

  it("scores each bid with its workings", async () => {
    const contract = await tenderRepairsContract(database, officer);
    await offerPledge(database.db, supplierA, testNow, contract.id, {
      theme: "local-employment",
      resourceType: "skills",
      description: "Apprentices",
      valuePence: 2_000_000,
      dueBy: "2026-12-01",
    });
    await offerPledge(database.db, supplierA, testNow, contract.id, {
      theme: "green",
      resourceType: "equipment",
      description: "EV charger",
      valuePence: 1_000_000,
      dueBy: "2026-12-01",
    });
    await offerPledge(database.db, supplierB, testNow, contract.id, {
      theme: "community-development",
      resourceType: "funding",
      description: "Grant pot",
      valuePence: 6_000_000,
      dueBy: "2026-12-01",
    });
    const { bids } = await getContract(database.db, officer, contract.id);
    expect(bids.map((b) => [b.supplierName, b.points.points, b.points.weightedPence])).toEqual([
      ["Channel Gas Ltd", 1000, 6_000_000],
      ["Oast Build Ltd", 500, 2_500_000],
    ]);
  });

  it("raises one overdue alert per late pledge and reports pledged against delivered", async () => {
    const need = await openNeed("Tools for the repair café", 30_000);
    const contract = await tenderRepairsContract(database, officer);
    const late = await offerPledge(database.db, supplierB, testNow, contract.id, {
      theme: "green",
      resourceType: "equipment",
      description: "Tool library",
      valuePence: 30_000,
      dueBy: "2026-07-01",
      needIds: [need.id],
    });
    await offerPledge(database.db, supplierB, testNow, contract.id, {
      theme: "local-employment",
      resourceType: "skills",
      description: "Work placements",
      valuePence: 50_000,
      dueBy: "2027-01-01",
    });
    await awardContract(database.db, officer, day(1), contract.id, late.supplierId);
    const supplierEmail = "bids@channel-gas.example";
    await database.db.insert(appUser).values({
      ...{ organisationId: orgId, id: newId(), email: supplierEmail, name: "Bid team", role: "supplier" },
      ...{ passwordHash: "x", partnerOrganisationId: late.supplierId, failedLogins: 0, createdAt: testNow },
    });
    const emailsTo = async () =>
      (await database.db.select().from(outboundMessage)).filter((m) => m.recipient === supplierEmail);
    expect(await raiseOverdueAlerts(database, orgId, new Date("2026-07-02T06:00:00Z"))).toBe(1);
    expect(await raiseOverdueAlerts(database, orgId, new Date("2026-07-03T06:00:00Z"))).toBe(0);
    // The supplier's users are emailed once, through the outbox, however often the job runs.
    expect((await emailsTo()).map((m) => m.subject)).toEqual([
      `Social value pledge ${late.reference} is overdue`,
    ]);
    const report = await exchangeReport(database.db, officer, new Date("2026-07-03T06:00:00Z"));
    const gas = report.bySupplier.find((row) => row.label === "Channel Gas Ltd");
    expect(gas).toMatchObject({ pledges: 2, pledgedPence: 80_000, deliveredPence: 0, overdue: 1 });
    const medway = report.byArea.find((row) => row.label === "Medway");
    expect(medway?.pledgedPence).toBeGreaterThanOrEqual(30_000);
    expect(report.byTheme.find((row) => row.key === "green")?.pledgedPence).toBe(30_000 + 0);
    expect((await problemOf(exchangeReport(database.db, supplierA, testNow))).status).toBe(403);
  });
});
