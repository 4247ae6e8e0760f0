import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Actor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { shareWithAgency } from "../commands/agency-sharing.ts";
import { openCase } from "../commands/open-case.ts";
import { addCaseNote } from "../commands/update-case.ts";
import { partyRoles } from "../domain/categories.ts";
import { shareableParts } from "../domain/sharing.ts";
import { makeAgencyUser, makeHomes, medway } from "../testing/fixtures.ts";

// The partner view's promise: whatever officers write and whichever parts they share, a partner
// agency's page and API response never contain a part that was not shared, and never a party's
// details beyond the shared parts (names, contact details, party notes).

let database: Database;
let organisationId: string;
let officer: Actor;
let policeId: string;
let homeId: string;
let browser: TestBrowser;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 7600);
  officer = actorFor(organisationId, "officer");
  policeId = await makeAgencyUser(database, organisationId, "Kent Police", "pc@example.org");
  browser = new TestBrowser(await buildTestApp(database));
  expect((await browser.signIn("pc@example.org")).status).toBe(303);
});

afterAll(async () => {
  await database.close();
});

const marker = (prefix: string) => fc.stringMatching(/^[a-z]{6,10}$/).map((s) => `${prefix}${s}`);
const party = fc.record({
  role: fc.constantFrom(...partyRoles),
  given: marker("Xq"),
  family: marker("Vz"),
  street: marker("Wk"),
  contact: marker("qj").map((s) => `${s}@example.net`),
  notes: marker("Nb"),
});

describe("partner agency redaction", () => {
  it("never shows an unshared part or a party's unshared details on partner pages or API responses", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(party, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ mention: fc.nat(), text: marker("Tx") }), { maxLength: 3 }),
        fc.subarray([...shareableParts]),
        marker("Sm"),
        async (parties, notes, parts, summaryMarker) => {
          const created = await openCase(database.db, officer, testNow, {
            category: "harassment",
            locationType: "home",
            homeId,
            summary: `${summaryMarker} about ${parties[0]?.given} ${parties[0]?.family}`,
            openedOn: "2026-06-01",
            safeguardingFlags: ["Flagrisk"],
            parties: parties.map((p) => ({
              role: p.role,
              name: `${p.given} ${p.family}`,
              address: `12 ${p.street} Road, ME1 1AA`,
              contact: p.contact,
            })),
          });
          await database.query(
            "UPDATE safety_party SET notes = $1 WHERE organisation_id = $2 AND case_id = $3",
            [parties.map((p) => p.notes).join(" "), organisationId, created.id],
          );
          for (const note of notes) {
            const other = parties[note.mention % parties.length];
            await addCaseNote(database.db, officer, testNow, created.id, {
              kind: "contact",
              title: `Visited ${other?.given} ${other?.family}`,
              body: `${note.text}: spoke to ${other?.family} at 12 ${other?.street} Road, ${other?.contact}`,
            });
          }
          await shareWithAgency(database.db, officer, testNow, created.id, {
            partnerOrganisationId: policeId,
            lawfulBasis: "Crime and Disorder Act 1998 s115",
            purpose: "Joint problem-solving",
            sharedParts: [...parts],
          });
          const responses = [
            await browser.get(`/safety/shared/${created.id}`),
            await browser.get(`/api/v1/safety/shared-cases/${created.id}`),
          ];
          for (const response of responses) expect(response.status).toBe(200);
          const bodies = (await Promise.all(responses.map((r) => r.text()))).map((b) => b.toLowerCase());
          for (const body of bodies) {
            // The case is really there, so the checks below are not vacuous.
            expect(body).toContain(created.reference.toLowerCase());
            const present = (text: string) => body.includes(text.toLowerCase());
            // The first report on the timeline repeats what happened, so the timeline shows it too.
            expect(present(summaryMarker)).toBe(parts.includes("summary") || parts.includes("timeline"));
            expect(present("Flagrisk")).toBe(parts.includes("risk"));
            for (const note of notes) expect(present(note.text)).toBe(parts.includes("timeline"));
            for (const p of parties) {
              expect(present(p.notes)).toBe(false);
              if (!parts.includes("parties-names")) {
                expect(present(p.given)).toBe(false);
                expect(present(p.family)).toBe(false);
              }
              if (!parts.includes("parties-contact")) {
                expect(present(p.street)).toBe(false);
                expect(present(p.contact)).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
