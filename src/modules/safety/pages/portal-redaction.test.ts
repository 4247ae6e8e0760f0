import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { setPublication } from "../commands/publication-and-sharing.ts";
import { recordAction } from "../commands/record-action.ts";
import { addCaseNote } from "../commands/update-case.ts";
import { partyRoles } from "../domain/categories.ts";
import { complainant, openHomeCase } from "../testing/cases.ts";
import { makeHomes, makePerson, makeTenantUser, medway } from "../testing/fixtures.ts";

// The portal's promise: a complainant never sees another party's name, address, contact details
// or notes — on any portal page or portal API response — whatever officers record or share.

let database: Database;
let organisationId: string;
let officer: Actor;
let tenantPersonId: string;
let homeId: string;
let browser: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 7000);
  tenantPersonId = await makePerson(database, organisationId, "Sam", "Turner", homeId);
  officer = actorFor(organisationId, "officer");
  await makeTenantUser(database, organisationId, tenantPersonId, "Sam Turner", "sam@example.org");
  browser = new TestBrowser(await buildTestApp(database));
  const signedIn = await browser.signIn("sam@example.org");
  expect(signedIn.status).toBe(303);
});

afterAll(async () => {
  await database.close();
});

const marker = (prefix: string) => fc.stringMatching(/^[a-z]{6,10}$/).map((s) => `${prefix}${s}`);
const thirdParty = fc.record({
  role: fc.constantFrom(...partyRoles.filter((r) => r !== "complainant")),
  given: marker("Xq"),
  family: marker("Vz"),
  street: marker("Wk"),
  contact: marker("qj").map((s) => `${s}@example.net`),
  notes: marker("Nb"),
});

describe("tenant portal redaction", () => {
  it("never shows third-party data on portal pages or portal API responses", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(thirdParty, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ published: fc.boolean(), mention: fc.nat(), text: marker("Tx") }), {
          maxLength: 4,
        }),
        fc.subarray(["lead-officer", "next-step", "status-history"] as const),
        fc.boolean(),
        async (others, notes, shared, publishAction) => {
          const parties = [
            { role: "complainant" as const, name: "", personId: tenantPersonId },
            ...others.map((p) => ({
              role: p.role,
              name: `${p.given} ${p.family}`,
              address: `12 ${p.street} Road, ME1 1AA`,
              contact: p.contact,
            })),
          ];
          const created = await openHomeCase(database, officer, homeId, {
            category: "harassment",
            summary: `About ${others[0]?.given}`,
            parties,
          });
          await database.query(
            "UPDATE safety_party SET notes = $1 WHERE organisation_id = $2 AND case_id = $3 AND role <> 'complainant'",
            [others.map((o) => o.notes).join(" "), organisationId, created.id],
          );
          for (const note of notes) {
            const other = others[note.mention % others.length];
            // Officers write names into shared notes: the portal must still not show them.
            await addCaseNote(database.db, officer, testNow, created.id, {
              kind: "contact",
              title: `Visited ${other?.given} ${other?.family}`,
              body: `${note.text}: spoke to ${other?.family} at 12 ${other?.street} Road, ${other?.contact}`,
              published: note.published,
            });
          }
          await recordAction(database.db, officer, testNow, created.id, {
            actionType: "warning",
            details: { kind: "written", notes: `To ${others[0]?.given}` },
            published: publishAction,
          });
          await setPublication(database.db, officer, testNow, created.id, {
            publishedFields: [...shared],
            nextStep: `We will write to ${others[0]?.given} ${others[0]?.family} at ${others[0]?.contact}`,
          });
          const responses = [
            await browser.get("/my-cases"),
            await browser.get(`/my-cases/${created.id}`),
            await browser.get("/api/v1/portal/cases"),
            await browser.get(`/api/v1/portal/cases/${created.id}`),
          ];
          for (const response of responses) expect(response.status).toBe(200);
          const bodies = await Promise.all(responses.map((r) => r.text()));
          // The case really is on the page, so the check below is not vacuous.
          expect(bodies[1]).toContain(created.reference);
          if (shared.includes("next-step"))
            expect(bodies[1]).toContain("We will write to [redacted] at [redacted]");
          if (notes.some((n) => n.published)) expect(bodies[1]).toContain("Visited [redacted]");
          if (publishAction) expect(bodies[3]).toContain('"type":"Warning"');
          for (const body of bodies) {
            for (const other of others) {
              for (const secret of [other.given, other.family, other.street, other.contact, other.notes]) {
                expect(body.toLowerCase()).not.toContain(secret.toLowerCase());
              }
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("answers 404 to another case's id and audits the attempt", async () => {
    const elsewhere = await openHomeCase(database, officer, homeId, {
      summary: "Not Sam's",
      parties: [complainant("Someone Else")],
    });
    const page = await browser.get(`/my-cases/${elsewhere.id}`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Someone Else");
    const api = await browser.get(`/api/v1/portal/cases/${elsewhere.id}`);
    expect(api.status).toBe(404);
    const denied = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE organisation_id = $1 AND action = 'denied' AND entity_id = $2",
      [organisationId, elsewhere.id],
    );
    expect(denied[0]?.n).toBe(2);
  });

  it("refuses evidence that is not an allowed type and keeps nothing", async () => {
    const mine = await openHomeCase(database, officer, homeId, {
      summary: "Music",
      parties: [{ role: "complainant", name: "", personId: tenantPersonId }],
    });
    const token = await browser.csrfToken(`/my-cases/${mine.id}`);
    const upload = async (name: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.set("_csrf", token);
      form.set("evidence", new File([bytes], name));
      return browser.app.request(`/my-cases/${mine.id}/evidence`, {
        method: "POST",
        body: form,
        headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
    };
    const fakePdf = await upload("evidence.pdf", new TextEncoder().encode("MZ not really a pdf"));
    expect(fakePdf.status).toBe(422);
    expect(await fakePdf.text()).toContain("must be a PDF, JPG, PNG or MP3");
    const realPng = await upload(
      "photo.png",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    );
    expect(realPng.status).toBe(303);
    const documents = await database.query<{ file_name: string }>(
      "SELECT file_name FROM safety_document WHERE organisation_id = $1 AND case_id = $2",
      [organisationId, mine.id],
    );
    expect(documents.map((d) => d.file_name)).toEqual(["photo.png"]);
  });

  it("does not let staff-only roles use the portal", async () => {
    await expect(
      import("../queries/portal.ts").then((m) =>
        m.portalCases(database.db, actorFor(organisationId, "officer")),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });
});
