import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { shareWithAgency } from "../commands/agency-sharing.ts";
import { openHomeCase } from "../testing/cases.ts";
import { makeAgencyUser, makeHomes, medway } from "../testing/fixtures.ts";

// The officer shares a case through the form; the partner agency user sees it on their pages and
// through the API, and stops seeing it when the officer stops sharing.

let database: Database;
let organisationId: string;
let officerActor: Actor;
let officer: TestBrowser;
let partner: TestBrowser;
let policeId: string;
let homeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 8200);
  policeId = await makeAgencyUser(database, organisationId, "Kent Police", "pc@example.org");
  await addUser(database, organisationId, "officer", "officer@example.org");
  officerActor = actorFor(organisationId, "officer");
  const app = await buildTestApp(database);
  officer = new TestBrowser(app);
  partner = new TestBrowser(app);
  await officer.signIn("officer@example.org");
  await partner.signIn("pc@example.org");
});

afterAll(async () => {
  await database.close();
});

const newCase = (summary: string) =>
  openHomeCase(database, officerActor, homeId, {
    category: "harassment",
    summary,
    parties: [
      { role: "complainant", name: "Ann Lee", contact: "ann@example.org" },
      { role: "alleged-perpetrator", name: "Dora Quill", contact: "dora@example.net" },
    ],
  });

describe("partner agency pages and API", () => {
  it("refuses a share form without a lawful basis, showing the error beside the field", async () => {
    const created = await newCase("Threats at the door");
    const path = `/safety/cases/${created.id}/share`;
    const form = await officer.get(path);
    expect(await form.text()).toContain('name="sharedParts" type="checkbox" value="parties-contact"');
    const bad = await officer.post(
      path,
      { partnerOrganisationId: policeId, purpose: "Joint work" },
      {
        csrf: await officer.csrfToken(path),
      },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Enter the lawful basis");
  });

  it("shows the partner the shared case with only the parts the officer chose, then stops when sharing stops", async () => {
    const created = await newCase("Threats at the door");
    const path = `/safety/cases/${created.id}/share`;
    const shared = await officer.post(
      path,
      {
        partnerOrganisationId: policeId,
        lawfulBasis: "Crime and Disorder Act 1998 s115",
        purpose: "Joint problem-solving",
        sharedParts: "summary,parties-names",
      },
      { csrf: await officer.csrfToken(path) },
    );
    expect(shared.status).toBe(303);

    const home = await (await partner.get("/")).text();
    expect(home).toContain('href="/safety/shared"');
    const list = await partner.get("/safety/shared");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(created.reference);
    expect(listHtml).toContain("Crime and Disorder Act 1998 s115");

    const page = await partner.get(`/safety/shared/${created.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.indexOf("Lawful basis")).toBeLessThan(html.indexOf("What happened"));
    expect(html).toContain("Joint problem-solving");
    expect(html).toContain("Threats at the door");
    expect(html).toContain("Dora Quill");
    expect(html).not.toContain("dora@example.net");
    expect(html).not.toContain('<h2 class="govuk-heading-m">Timeline</h2>');

    const api = await partner.get(`/api/v1/safety/shared-cases/${created.id}`);
    expect(api.status).toBe(200);
    const body = (await api.json()) as Record<string, unknown>;
    expect(body.parts).toEqual(["summary", "parties-names"]);
    expect("timeline" in body).toBe(false);
    expect(JSON.stringify(body)).not.toContain("dora@example.net");
    const apiList = (await (await partner.get("/api/v1/safety/shared-cases")).json()) as {
      items: { id: string }[];
    };
    expect(apiList.items.map((i) => i.id)).toContain(created.id);

    // The officer sees the share on the case page and stops it.
    const casePage = await (await officer.get(`/safety/cases/${created.id}`)).text();
    const stop = /action="(\/safety\/cases\/[^"]+\/sharing\/[^"]+\/stop)"/.exec(casePage)?.[1] ?? "";
    expect(stop).not.toBe("");
    const stopped = await officer.post(
      stop,
      {},
      { csrf: await officer.csrfToken(`/safety/cases/${created.id}`) },
    );
    expect(stopped.status).toBe(303);
    expect((await partner.get(`/safety/shared/${created.id}`)).status).toBe(404);
    expect((await partner.get(`/api/v1/safety/shared-cases/${created.id}`)).status).toBe(404);
    expect(await (await partner.get("/safety/shared")).text()).not.toContain(created.reference);
  });

  it("answers 404 for a case not shared and keeps the officer pages from the partner", async () => {
    const unshared = await newCase("Not shared");
    const page = await partner.get(`/safety/shared/${unshared.id}`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Not shared");
    expect((await partner.get(`/api/v1/safety/shared-cases/${unshared.id}`)).status).toBe(404);
    expect((await partner.get("/safety/shared/nonsense")).status).toBe(404);
    expect([403, 404]).toContain((await partner.get(`/safety/cases/${unshared.id}`)).status);
    expect([403, 404]).toContain((await partner.get("/safety")).status);
    expect([403, 404]).toContain((await partner.get("/api/v1/safety/cases")).status);
    const denied = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE organisation_id = $1 AND action = 'denied' AND entity_id = $2",
      [organisationId, unshared.id],
    );
    expect(denied[0]?.n).toBe(2);
    // Officers have no shared-cases view: it is for partner agencies.
    expect((await officer.get("/safety/shared")).status).toBe(403);
  });

  it("lets the partner add information that lands on the case timeline as from the agency", async () => {
    const created = await newCase("Threats at the door");
    const unshared = await newCase("Not shared either");
    await shareWithAgency(database.db, officerActor, testNow, created.id, {
      partnerOrganisationId: policeId,
      lawfulBasis: "Crime and Disorder Act 1998 s115",
      purpose: "Joint problem-solving",
    });
    const path = `/safety/shared/${created.id}`;
    const token = await partner.csrfToken(path);
    const empty = await partner.post(`${path}/notes`, { note: " " }, { csrf: token });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Enter the information");
    const added = await partner.post(
      `${path}/notes`,
      { note: "Officers attended on 12 June" },
      { csrf: token },
    );
    expect(added.status).toBe(303);
    const casePage = await (await officer.get(`/safety/cases/${created.id}`)).text();
    expect(casePage).toContain("From Kent Police");
    expect(casePage).toContain("Officers attended on 12 June");
    const refused = await partner.post(
      `/safety/shared/${unshared.id}/notes`,
      { note: "Hello" },
      { csrf: token },
    );
    expect(refused.status).toBe(404);
    const notes = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM safety_timeline_entry WHERE organisation_id = $1 AND case_id = $2 AND title LIKE 'From %'",
      [organisationId, unshared.id],
    );
    expect(notes[0]?.n).toBe(0);
  });
});
