import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { readingOrder, structureOf } from "../../../../test/pdf-structure.ts";
import type { Database } from "../../../platform/db/database.ts";
import { getCase } from "../queries/get-case.ts";
import { openHomeCase } from "../testing/cases.ts";
import { makeHomes, makePerson, medway } from "../testing/fixtures.ts";
import { generateLetter } from "./letters.ts";

// Issue 16 item 3: a letter sent to a resident is a tagged PDF a screen reader can follow.

let database: Database;
let organisationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
});
afterAll(async () => database.close());

describe("letters", () => {
  it("are tagged PDFs: English, titled, and read block by block in order", async () => {
    const officer = actorFor(organisationId, "officer");
    const [homeId = ""] = await makeHomes(database, organisationId, medway, 1, 9100);
    const personId = await makePerson(database, organisationId, "Ruth", "Ashby", homeId);
    const opened = await openHomeCase(database, officer, homeId, {
      summary: "Music late at night",
      parties: [{ role: "complainant", personId }],
    });
    const file = await getCase(database.db, officer, testNow, opened.id);
    const complainant = file.parties.find((party) => party.role === "complainant");
    const documentId = await generateLetter(database.db, officer, testNow, opened.id, {
      templateCode: "warning",
      partyId: complainant?.id ?? "",
    });
    const [document] = await database.query<{ content: Uint8Array }>(
      "SELECT content FROM safety_document WHERE organisation_id = $1 AND id = $2",
      [organisationId, documentId],
    );
    const structure = structureOf(Buffer.from(document.content));
    expect(structure).toMatchObject({ lang: "en-GB", marked: true, displayTitle: true });
    expect(structure.title).toContain(opened.reference);
    const order = readingOrder(structure.root);
    expect(order.slice(0, 2)).toEqual(["StructTreeRoot", "Document"]);
    // Letterhead, date, recipient, reference and at least one paragraph of the letter.
    expect(order.filter((type) => type === "P").length).toBeGreaterThanOrEqual(5);
    expect(order.every((type) => ["StructTreeRoot", "Document", "P"].includes(type))).toBe(true);
  });
});
