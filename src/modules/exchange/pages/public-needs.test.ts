import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Organisation } from "../../../platform/access/organisations.ts";
import type { Database } from "../../../platform/db/database.ts";
import { TestBrowser, testApp, textOf } from "../../crowdfunding/test-support/http-client.ts";
import { moderateNeed } from "../commands/moderate-need.ts";
import { postNeed } from "../commands/post-need.ts";
import { exchangeModule } from "../module.ts";

// The public needs pages: no sign-in, only needs an officer has published, filters that narrow.

let database: Database;
let organisation: Organisation;
let other: Organisation;
let visitor: TestBrowser;
const references: Record<string, string> = {};

async function need(
  org: Organisation,
  title: string,
  category: "materials" | "volunteers",
  laCode: string,
  decision?: "approve" | "reject",
) {
  const officer = actorFor(org.id, "officer");
  const posted = await postNeed(database.db, officer, testNow, {
    communityOrgName: "Chatham Hill Residents",
    title,
    description: `${title}, for the community hall.`,
    category,
    valuePence: 45_000,
    location: "Community hall",
    laCode,
  });
  if (decision)
    await moderateNeed(database.db, officer, testNow, posted.id, {
      decision,
      note: decision === "reject" ? "Not a community need" : undefined,
    });
  references[title] = posted.reference;
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisation = await makeOrganisation(database.db);
  other = await makeOrganisation(database.db, "Other Homes");
  visitor = new TestBrowser(testApp(database, [exchangeModule], () => testNow));
  await need(organisation, "Paint for the hall", "materials", "E06000035", "approve");
  await need(organisation, "Litter pick volunteers", "volunteers", "E07000113", "approve");
  await need(organisation, "Waiting for an officer", "materials", "E06000035");
  await need(organisation, "Turned down", "materials", "E06000035", "reject");
  await need(other, "Another landlord's need", "materials", "E06000035", "approve");
});
afterAll(async () => database.close());

describe("public needs pages", () => {
  it("lists only this organisation's published needs, to anyone", async () => {
    const page = await visitor.get(`/needs/${organisation.slug}`);
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain("2 needs");
    expect(text).toContain("Paint for the hall");
    expect(text).toContain("Litter pick volunteers");
    for (const hidden of ["Waiting for an officer", "Turned down", "Another landlord's need"])
      expect(text).not.toContain(hidden);
  });

  it("filters by category and by area, and ignores a value that is not a choice", async () => {
    const materials = textOf((await visitor.get(`/needs/${organisation.slug}?category=materials`)).body);
    expect(materials).toContain("1 need matching your filters");
    expect(materials).toContain("Paint for the hall");
    expect(materials).not.toContain("Litter pick volunteers");
    const swale = textOf((await visitor.get(`/needs/${organisation.slug}?area=E07000113`)).body);
    expect(swale).toContain("Litter pick volunteers");
    expect(swale).not.toContain("Paint for the hall");
    const bogus = await visitor.get(`/needs/${organisation.slug}?category=%3Cscript%3E&area=nowhere`);
    expect(bogus.status).toBe(200);
    expect(textOf(bogus.body)).toContain("2 needs");
    expect(bogus.body).not.toContain("<script>");
  });

  it("shows a published need's page, and not found for anything unpublished or unknown", async () => {
    const page = await visitor.get(`/needs/${organisation.slug}/${references["Paint for the hall"]}`);
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain("Paint for the hall");
    expect(text).toContain("£450.00");
    expect(text).toContain("Nothing yet");
    for (const path of [
      `/needs/${organisation.slug}/${references["Waiting for an officer"]}`,
      `/needs/${organisation.slug}/${references["Turned down"]}`,
      `/needs/${organisation.slug}/${references["Another landlord's need"]}`,
      `/needs/${organisation.slug}/SVN-NOPE`,
      "/needs/no-such-landlord",
    ])
      expect((await visitor.get(path)).status).toBe(404);
  });
});
