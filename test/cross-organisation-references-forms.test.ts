import { beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "./app.ts";
import { type OrganisationRecords, openReferenceWorld } from "./cross-organisation-fixture.ts";
import { openedForFile } from "./database.ts";

// Issue 18 item 8, for the page forms: they share the commands with the API, so another organisation's id
// typed or tampered into a form is refused the same way (4xx, nothing written, no audit entry), while the
// same form with our own id goes through.

const world = openedForFile(openReferenceWorld);
let browser: TestBrowser;
let caseId: string;

beforeAll(async () => {
  const opened = await world.app.request("/api/v1/safety/cases", {
    method: "POST",
    headers: { authorization: `Bearer ${world.ours.token}`, "content-type": "application/json" },
    body: JSON.stringify({
      category: "noise",
      locationType: "home",
      homeId: world.ours.homeId,
      summary: "Loud music",
      openedOn: "2026-06-01",
      parties: [{ role: "complainant", name: "Nia Okoro" }],
    }),
  });
  caseId = ((await opened.json()) as { id: string }).id;
  browser = new TestBrowser(world.app);
  await browser.signIn(world.ours.adminEmail);
});

type FormPost = {
  field: string;
  /** The form's page (for its CSRF token) and where it posts; the same path for most forms. */
  page: () => string;
  action?: () => string;
  fields: (from: OrganisationRecords) => Record<string, string>;
  table: string;
  /** What the refusal tells the person, against the field, where the form names one. */
  message?: string;
};

const forms: FormPost[] = [
  {
    field: "case party personId",
    page: () => `/safety/cases/${caseId}/parties/new`,
    fields: (from) => ({ role: "witness", name: "Theo Witness", personId: from.personId }),
    table: "safety_party",
    message: "Choose a person from your organisation",
  },
  {
    field: "participant personId",
    page: () => "/investment/participants/new",
    fields: (from) => ({ personId: from.newcomerId }),
    table: "participant",
  },
  {
    field: "match pledge fundId",
    page: () => `/crowdfunding/campaigns/${world.ours.campaignId}/match`,
    fields: (from) => ({ fundId: from.fundId, amount: "100", "score-benefit": "4" }),
    table: "crowdfunding_match_pledge",
  },
  {
    field: "contract pledge needIds",
    page: () => `/exchange/contracts/${world.ours.contractId}/pledge`,
    fields: (from) => ({
      supplierId: world.ours.supplierId,
      needIds: from.needId,
      theme: "community-development",
      resourceType: "materials",
      description: "Paint and brushes for the hall",
      value: "800",
      "dueBy-day": "30",
      "dueBy-month": "9",
      "dueBy-year": "2026",
    }),
    table: "exchange_pledge",
  },
  {
    field: "hours opportunityId",
    page: () => "/my-volunteering/log",
    fields: (from) => ({
      opportunityId: from.opportunityId,
      "workedOn-day": "10",
      "workedOn-month": "6",
      "workedOn-year": "2026",
      minutes: "2",
    }),
    table: "vol_hours",
  },
];

describe("another organisation's id in a page form", () => {
  for (const form of forms)
    it(`refuses the ${form.field} of another organisation`, async () => {
      const { ours, theirs } = world;
      const action = (form.action ?? form.page)();
      const csrf = await browser.csrfToken(form.page());
      const [rowsBefore, auditBefore] = [
        await world.writtenRows(form.table),
        await world.writtenRows("audit_log"),
      ];
      const refused = await browser.post(action, form.fields(theirs), { csrf });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      if (form.message) expect(await refused.clone().text()).toContain(form.message);
      expect(await world.writtenRows(form.table)).toBe(rowsBefore);
      expect(await world.writtenRows("audit_log")).toBe(auditBefore);
      const accepted = await browser.post(action, form.fields(ours), { csrf });
      expect(accepted.status, await accepted.clone().text()).toBe(303);
      expect(await world.writtenRows(form.table)).toBe(rowsBefore + 1);
    });
});

// Query strings that name a record (a form started from another page) must not show another organisation's
// record: the page opens without it, or refuses. Our own id in the same place shows ours.
type Prefilled = {
  name: string;
  path: (from: OrganisationRecords) => string;
  shows: (from: OrganisationRecords) => string;
};
const prefilled: Prefilled[] = [
  {
    name: "an outcome form for a participant",
    path: (from) => `/impact/outcomes/new?participantId=${from.participantId}`,
    shows: (from) => `<input type="hidden" name="participantId" value="${from.participantId}">`,
  },
  {
    name: "an outcome form for a project's participants",
    path: (from) => `/impact/outcomes/new?projectId=${from.projectId}`,
    shows: (from) => `<option value="${from.participantId}">`,
  },
  {
    name: "a pledge form ticking a need",
    path: (from) => `/exchange/contracts/${world.ours.contractId}/pledge?need=${from.needId}`,
    shows: (from) => `value="${from.needId}" checked`,
  },
  {
    name: "a match form choosing a fund",
    path: (from) => `/crowdfunding/campaigns/${world.ours.campaignId}/match?fund=${from.fundId}`,
    shows: (from) => `value="${from.fundId}" selected`,
  },
];

describe("another organisation's id in a query string", () => {
  for (const query of prefilled)
    it(`shows nothing of theirs on ${query.name}`, async () => {
      const { ours, theirs } = world;
      const theirsPage = await browser.get(query.path(theirs));
      expect(theirsPage.status).toBeLessThan(500);
      const text = await theirsPage.text();
      expect(text).not.toContain("Theirs");
      expect(text).not.toContain(query.shows(theirs));
      const oursPage = await browser.get(query.path(ours));
      expect(oursPage.status).toBe(200);
      expect(await oursPage.text()).toContain(query.shows(ours));
    });
});
