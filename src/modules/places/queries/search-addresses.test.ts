import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../../test/fixtures.ts";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createCommunityAsset } from "../commands/create-asset.ts";
import { createHome } from "../commands/create-home.ts";
import { type AddressMatch, escapeLike, searchAddresses } from "./search-addresses.ts";

let database: Database;
let officer: Actor;

const home = (organisationId: string, uprn: string, addressLine1: string, postcode: string, blockName = "") =>
  createHome(database, systemActor(organisationId, "test"), testNow, {
    uprn,
    addressLine1,
    town: "Chatham",
    postcode,
    tenure: "social-rent",
    bedrooms: "2",
    laCode: "E06000035",
    blockName,
  });

beforeAll(async () => {
  database = await openTestDatabase();
  const organisationId = (await makeOrganisation(database.db)).id;
  const otherId = (await makeOrganisation(database.db, "Other Homes")).id;
  officer = actorFor(organisationId, "officer");
  await home(organisationId, "5001", "12 Heron Court", "ME4 4QR", "Heron Court");
  await home(organisationId, "5002", "14 Heron Court", "ME4 4QR", "Heron Court");
  await home(organisationId, "5003", "3 Mill Lane", "ME5 7AB");
  await home(organisationId, "5004", "Flat_1 Kestrel House", "ME5 8CD");
  await home(organisationId, "5005", "Flat21 Kestrel House", "ME5 8CD");
  await home(otherId, "6001", "9 Heron Court", "ME4 4QR", "Heron Court");
  await createCommunityAsset(database, systemActor(organisationId, "test"), testNow, {
    name: "Heron Park",
    assetType: "park",
    address: "Mill Road",
    postcode: "ME4 4QT",
    laCode: "E06000035",
    owner: "Medway Council",
  });
  await createCommunityAsset(database, systemActor(organisationId, "test"), testNow, {
    name: "Heron Community Hall",
    assetType: "community-hall",
    laCode: "E06000035",
    owner: "Weald Homes",
  });
});
afterAll(async () => database.close());

const labels = (matches: AddressMatch[]) =>
  matches.map((m) =>
    m.kind === "home" ? m.address : m.kind === "block" ? `block ${m.blockName}` : `space ${m.name}`,
  );

describe("address and postcode search", () => {
  it("finds homes by postcode typed with or without its space, in any case", async () => {
    for (const text of ["ME4 4QR", "me44qr", "ME4 4"]) {
      const found = await searchAddresses(database.db, officer, text);
      expect(labels(found.filter((m) => m.kind === "home"))).toEqual([
        "12 Heron Court, Chatham",
        "14 Heron Court, Chatham",
      ]);
    }
  });

  it("finds a home when every word appears somewhere in its address", async () => {
    const found = await searchAddresses(database.db, officer, "heron 12");
    expect(labels(found.filter((m) => m.kind === "home"))).toEqual(["12 Heron Court, Chatham"]);
  });

  it("offers the block once, with its number of homes, and open spaces but not other assets", async () => {
    const found = await searchAddresses(database.db, officer, "Heron");
    expect(found.filter((m) => m.kind === "block")).toEqual([
      { kind: "block", blockName: "Heron Court", postcode: "ME4 4QR", homes: 2, laCode: "E06000035" },
    ]);
    expect(labels(found.filter((m) => m.kind === "open-space"))).toEqual(["space Heron Park"]);
  });

  it("never shows another organisation's homes", async () => {
    const found = await searchAddresses(database.db, officer, "9 Heron");
    expect(labels(found.filter((m) => m.kind === "home"))).toEqual([]);
  });

  it("treats % and _ as characters, not wildcards", async () => {
    expect(labels(await searchAddresses(database.db, officer, "Flat_1"))).toEqual([
      "Flat_1 Kestrel House, Chatham",
    ]);
    expect(await searchAddresses(database.db, officer, "%%")).toEqual([]);
    expect(await searchAddresses(database.db, officer, "__")).toEqual([]);
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });

  it("refuses a search shorter than two characters with a message on the field", async () => {
    for (const text of ["", " ", "M", " e "]) {
      const problem = await problemOf(searchAddresses(database.db, officer, text));
      expect(problem.status).toBe(422);
      expect(problem.fieldErrors?.q).toBe("Enter at least 2 characters of the address or postcode");
    }
  });

  it("is for staff: a tenant is refused", async () => {
    const tenant = actorFor(officer.organisationId, "tenant");
    expect((await problemOf(searchAddresses(database.db, tenant, "Heron"))).status).toBe(403);
  });
});
