import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Organisation } from "../../../platform/access/organisations.ts";
import type { Database } from "../../../platform/db/database.ts";
import { signedInBrowser, testApp, textOf } from "../../crowdfunding/test-support/http-client.ts";
import { exchangeModule } from "../module.ts";
import { makePartner } from "../testing/fixtures.ts";

let database: Database;
let organisation: Organisation;
let app: ReturnType<typeof testApp>;
let groupOrgId: string;
let supplierOrgId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisation = await makeOrganisation(database.db);
  app = testApp(database, [exchangeModule], () => testNow);
  groupOrgId = await makePartner(
    database,
    actorFor(organisation.id, "officer"),
    "Sheerness Youth Collective",
    "community-group",
  );
  supplierOrgId = await makePartner(
    database,
    actorFor(organisation.id, "officer"),
    "Kentish Roofing Ltd",
    "supplier",
  );
});
afterAll(async () => database.close());

/** The three people an exchange needs, signed in: the community group, an officer and the supplier. */
async function exchangeBrowsers() {
  return {
    group: await signedInBrowser(app, database, organisation.id, "community-group", testNow, {
      partnerOrganisationId: groupOrgId,
    }),
    officer: await signedInBrowser(app, database, organisation.id, "officer", testNow),
    supplier: await signedInBrowser(app, database, organisation.id, "supplier", testNow, {
      partnerOrganisationId: supplierOrgId,
    }),
  };
}

describe("exchange pages", () => {
  it("posts a need, moderates it, pledges to it on a tender, awards, delivers and verifies, all by forms", async () => {
    const { group, officer, supplier } = await exchangeBrowsers();

    const needFields = {
      communityOrgName: "Sheerness Youth Collective",
      title: "Laptops for the homework club",
      description: "Six laptops.",
      category: "equipment",
      value: "0",
      location: "Sheerness youth centre",
      laCode: "E07000113",
    };
    const zero = await group.post("/exchange/needs/new", needFields);
    expect(zero.status).toBe(422);
    expect(textOf(zero.body)).toContain("The estimated value must be more than £0");
    const posted = await group.post("/exchange/needs/new", { ...needFields, value: "1,200" });
    expect(posted.status).toBe(303);
    const needId = posted.location?.split("/")[3]?.split("?")[0] ?? "";
    expect((await supplier.get(`/exchange/needs/${needId}`)).status).toBe(404);
    expect((await officer.post(`/exchange/needs/${needId}/moderate`, { decision: "approve" })).status).toBe(
      303,
    );
    expect(textOf((await supplier.get("/exchange")).body)).toContain("Laptops for the homework club");

    const opened = await officer.post("/exchange/contracts/new", {
      title: "Void refurbishment",
      description: "Refurbishing empty homes.",
      value: "500000",
      weighting: "10",
      themes: ["community-development", "local-employment"],
      "weight-community-development": "100",
      "weight-local-employment": "100",
      fullMarks: "2",
      "tenderCloses-day": "31",
      "tenderCloses-month": "7",
      "tenderCloses-year": "2026",
    });
    expect(opened.status).toBe(303);
    const contractPath = opened.location?.split("?")[0] ?? "";
    const pledgeFields = {
      theme: "community-development",
      resourceType: "equipment",
      description: "Six refurbished laptops",
      value: "1200",
      "dueBy-day": "1",
      "dueBy-month": "9",
      "dueBy-year": "2026",
      needIds: [needId],
    };
    const wrongTheme = await supplier.post(`${contractPath}/pledge`, { ...pledgeFields, theme: "green" });
    expect(textOf(wrongTheme.body)).toContain("This tender does not ask for green and sustainable");
    expect((await supplier.post(`${contractPath}/pledge`, pledgeFields)).status).toBe(303);
    const tender = textOf((await officer.get(contractPath)).body);
    // £1,200 of the £10,000 full-marks value (2% of £500,000) earns 1.20 of 10 marks.
    expect(tender).toContain("Kentish Roofing Ltd: 1.20 of 10.00 marks");

    expect((await officer.post(`${contractPath}/award`, { supplierId: supplierOrgId })).status).toBe(303);
    const needPage = await group.get(`/exchange/needs/${needId}`);
    const pledgeId = /\/exchange\/pledges\/([0-9a-f-]{36})/.exec(needPage.body)?.[1] ?? "";
    const noEvidence = await supplier.post(`/exchange/pledges/${pledgeId}/deliver`, { evidence: "" });
    expect(noEvidence.status).toBe(422);
    expect(
      (await supplier.post(`/exchange/pledges/${pledgeId}/deliver`, { evidence: "Handed over on 20 June" }))
        .status,
    ).toBe(303);
    expect((await group.post(`/exchange/pledges/${pledgeId}/verify`, {})).status).toBe(303);
    expect((await officer.post(`/exchange/pledges/${pledgeId}/verify`, {})).status).toBe(303);
    expect(textOf((await group.get(`/exchange/pledges/${pledgeId}`)).body)).toContain("Verified");

    const report = textOf((await officer.get("/exchange/report")).body);
    expect(report).toContain("Kentish Roofing Ltd 1 £1,200.00 £1,200.00 £1,200.00 100%");
    expect((await supplier.get("/exchange/report")).status).toBe(403);
  });

  it("lets a supplier pledge to an open need from the need's page, and flags the accepted pledge to them once it is overdue", async () => {
    const { group, officer, supplier } = await exchangeBrowsers();
    const posted = await group.post("/exchange/needs/new", {
      communityOrgName: "Sheerness Youth Collective",
      title: "Paint for the scout hut",
      description: "Twenty litres of exterior paint.",
      category: "equipment",
      value: "300",
      location: "Sheerness scout hut",
      laCode: "E07000113",
    });
    const needId = posted.location?.split("/")[3]?.split("?")[0] ?? "";
    await officer.post(`/exchange/needs/${needId}/moderate`, { decision: "approve" });
    const opened = await officer.post("/exchange/contracts/new", {
      title: "Painting framework",
      description: "External decoration.",
      value: "100000",
      weighting: "10",
      themes: ["community-development"],
      "weight-community-development": "100",
      fullMarks: "2",
      "tenderCloses-day": "30",
      "tenderCloses-month": "6",
      "tenderCloses-year": "2026",
    });
    const contractPath = opened.location?.split("?")[0] ?? "";

    const needPage = textOf((await supplier.get(`/exchange/needs/${needId}`)).body);
    expect(needPage).toContain("Pledge with your bid for Painting framework");
    const link = `${contractPath}/pledge?need=${needId}`;
    expect((await supplier.get(`/exchange/needs/${needId}`)).body).toContain(link);
    const form = (await supplier.get(link)).body;
    expect(form).toMatch(new RegExp(`value="${needId}"[^>]*checked`));
    const pledged = await supplier.post(`${contractPath}/pledge`, {
      theme: "community-development",
      resourceType: "equipment",
      description: "Twenty litres of paint",
      value: "300",
      "dueBy-day": "1",
      "dueBy-month": "7",
      "dueBy-year": "2026",
      needIds: [needId],
    });
    expect(pledged.status).toBe(303);
    expect((await officer.post(`${contractPath}/award`, { supplierId: supplierOrgId })).status).toBe(303);
    expect(textOf((await supplier.get("/exchange")).body)).not.toContain("Overdue");

    // A fortnight after it was due, the supplier's own list flags it.
    const fortnightLate = new Date("2026-07-15T10:00:00Z");
    const later = testApp(database, [exchangeModule], () => fortnightLate);
    const supplierLater = await signedInBrowser(later, database, organisation.id, "supplier", fortnightLate, {
      partnerOrganisationId: supplierOrgId,
    });
    const mine = textOf((await supplierLater.get("/exchange")).body);
    expect(mine).toMatch(/Twenty litres of paint .* Overdue/);
  });
});
