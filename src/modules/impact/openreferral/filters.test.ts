import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, problemOf, testNow } from "../../../../test/fixtures.ts";
import { importPostcodeCentroids } from "./commands/import-postcode-centroids.ts";
import { setDirectoryListing } from "./commands/set-directory-listing.ts";
import { deriveKentCentroids, kentCentroidsFile } from "./kent-centroids.ts";
import {
  addFilterServices,
  type DirectoryFixture,
  directoryFixture,
  expectValid,
  type OrukValidators,
  orukValidators,
} from "./openreferral-fixture.ts";
import { distanceMetres, parsePostcodeCentroidCsv } from "./postcode-centroids.ts";
import { seedDirectory } from "./seed.ts";

// Every ORUK 3.0 list filter, alone and combined, on a hand-built data set (openreferral-fixture.ts):
//   lunch  ME4  Medway              60+    WE 12:00-14:00  wellbeing
//   youth  CT1  Canterbury          11-18  MO,TH 16:00-18:30  wellbeing
//   job    ME14 Maidstone, Medway   18+    TU 09:30-12:30  work
//   dropIn ME4  Medway              any    no times        wellbeing
let fixture: DirectoryFixture;
let validators: OrukValidators;
let ids: Awaited<ReturnType<typeof addFilterServices>>;
let nameOf: Map<string, string>;

beforeAll(async () => {
  fixture = await directoryFixture();
  ids = await addFilterServices(fixture);
  validators = await orukValidators();
  nameOf = new Map([
    [ids.lunch, "lunch"],
    [ids.youth, "youth"],
    [ids.job, "job"],
    [ids.dropIn, "dropIn"],
  ]);
});
afterAll(async () => fixture.database.close());

type Page = { total_items: number; contents: { id: string; service?: { id: string } }[] };

/** A list's page for the query, answered 200, with the page and every item valid against the schemas. */
async function validPage(list: string, query: string, itemSchema: keyof OrukValidators): Promise<Page> {
  const response = await fixture.app.request(`/openreferral/${list}?${query}`);
  expect(response.status, `${query}: ${response.status === 200 ? "" : await response.clone().text()}`).toBe(
    200,
  );
  const body = (await response.json()) as Page;
  expectValid(validators.page, body);
  for (const item of body.contents) expectValid(validators[itemSchema], item);
  return body;
}

/** The services a list answers with, by short name, checking the page and every item against the schemas. */
async function services(query: string): Promise<string[]> {
  const body = await validPage("services", query, "service");
  return body.contents.map((s) => nameOf.get(s.id) ?? s.id).sort();
}

async function atLocations(query: string, sorted = true): Promise<string[]> {
  const body = await validPage("service_at_locations", query, "serviceAtLocationList");
  const names = body.contents.map((s) => nameOf.get(s.service?.id ?? "") ?? "?");
  return sorted ? names.sort() : names;
}

async function problem(path: string): Promise<{ status: number; title: string; detail: string }> {
  const response = await fixture.app.request(path);
  return { status: response.status, ...((await response.json()) as { title: string; detail: string }) };
}

describe("ORUK age filters", () => {
  it("keeps services whose minimum age is at least minimum_age (no lower limit counts as 0)", async () => {
    expect(await services("minimum_age=18")).toEqual(["job", "lunch"]);
    expect(await services("minimum_age=60")).toEqual(["lunch"]);
    expect(await services("minimum_age=61")).toEqual([]);
    expect(await services("minimum_age=0")).toEqual(["dropIn", "job", "lunch", "youth"]);
  });

  it("keeps services whose maximum age is at or below maximum_age (no upper limit never passes)", async () => {
    expect(await services("maximum_age=18")).toEqual(["youth"]);
    expect(await services("maximum_age=17")).toEqual([]);
    expect(await services("minimum_age=11&maximum_age=18")).toEqual(["youth"]);
    expect(await services("minimum_age=12&maximum_age=18")).toEqual([]);
  });

  it("gives each service its ages and weekly times in the ORUK fields", async () => {
    const youth = (await (await fixture.app.request(`/openreferral/services/${ids.youth}`)).json()) as Record<
      string,
      unknown
    >;
    expectValid(validators.service, youth);
    expect(youth).toMatchObject({
      minimum_age: 11,
      maximum_age: 18,
      schedules: [{ freq: "WEEKLY", byday: "MO,TH", opens_at: "16:00", closes_at: "18:30" }],
    });
    const dropIn = (await (
      await fixture.app.request(`/openreferral/services/${ids.dropIn}`)
    ).json()) as Record<string, unknown>;
    expect(dropIn.minimum_age).toBeUndefined();
    expect(dropIn.schedules).toEqual([]);
  });
});

describe("ORUK day and time filters", () => {
  it("keeps services with a weekly time on the day, by iCal code or by name", async () => {
    expect(await services("day=WE")).toEqual(["lunch"]);
    expect(await services("day=wednesday")).toEqual(["lunch"]);
    expect(await services("day=th")).toEqual(["youth"]);
    expect(await services("day=SU")).toEqual([]);
  });

  it("keeps services opening at or after start_time and closing at or before end_time", async () => {
    expect(await services("start_time=12:00")).toEqual(["lunch", "youth"]);
    expect(await services("start_time=12:00:01")).toEqual(["youth"]);
    expect(await services("end_time=14:00")).toEqual(["job", "lunch"]);
    expect(await services("start_time=12:00&end_time=14:00")).toEqual(["lunch"]);
    expect(await services("start_time=09:00&end_time=18:30")).toEqual(["job", "lunch", "youth"]);
  });

  it("tests day and times on the same weekly time", async () => {
    expect(await services("day=TH&start_time=16:00&end_time=18:30")).toEqual(["youth"]);
    expect(await services("day=TH&end_time=18:00")).toEqual([]);
    expect(await services("day=TU&start_time=10:00")).toEqual([]);
    expect(await services("day=TU&start_time=09:30")).toEqual(["job"]);
  });

  it("combines age, day, time, theme, text and modified-since", async () => {
    const terms = (await (await fixture.app.request("/openreferral/taxonomy_terms")).json()) as {
      contents: { id: string; name: string; taxonomy_id: string }[];
    };
    const wellbeing = terms.contents.find((t) => t.name === "Wellbeing")?.id;
    expect(await services(`taxonomy_term_id=${wellbeing}&minimum_age=18`)).toEqual(["lunch"]);
    expect(await services(`taxonomy_id=${terms.contents[0].taxonomy_id}&day=TU`)).toEqual(["job"]);
    expect(await services("search=club&maximum_age=18")).toEqual(["youth"]);
    expect(await services("search=club&end_time=14:00&minimum_age=18")).toEqual(["job", "lunch"]);
    expect(await services(`modified_after=${testNow.toISOString()}&day=MO`)).toEqual(["youth"]);
    expect(await services("modified_after=2999-01-01&day=MO")).toEqual([]);
  });

  it("refuses values it cannot read with a 400 naming the parameter", async () => {
    for (const [query, title] of [
      ["minimum_age=old", "Bad minimum_age"],
      ["maximum_age=-1", "Bad maximum_age"],
      ["day=Funday", "Bad day"],
      ["start_time=9am", "Bad start_time"],
      ["end_time=24:00", "Bad end_time"],
    ])
      expect(await problem(`/openreferral/services?${query}`), query).toMatchObject({ status: 400, title });
  });
});

describe("ORUK postcode and proximity filters", () => {
  it("keeps services whose service area holds the postcode's district", async () => {
    expect(await atLocations("postcode=ME4%204TR")).toEqual(["dropIn", "job", "lunch"]);
    expect(await atLocations("postcode=ct1")).toEqual(["youth"]);
    expect(await atLocations("postcode=ME14%201AA")).toEqual(["job"]);
  });

  it("keeps locations within proximity metres of the postcode, nearest first", async () => {
    // ME4 to ME14 is 0.1° of latitude: 11,119.5 m on the mean Earth radius.
    expect(
      distanceMetres({ latitude: 51.38, longitude: 0.53 }, { latitude: 51.28, longitude: 0.53 }),
    ).toBeCloseTo(11_119.5, 0);
    expect(await atLocations("postcode=ME4%204TR&proximity=12000", false)).toEqual([
      "dropIn",
      "lunch",
      "job",
    ]);
    expect(await atLocations("postcode=ME4&proximity=0")).toEqual(["dropIn", "lunch"]);
    expect(await atLocations("postcode=ME4&proximity=11000")).toEqual(["dropIn", "lunch"]);
    expect(await atLocations("postcode=ME14&proximity=12000", false)).toEqual(["job"]);
    // From CT1 the Medway halls are in no service area of the youth club's, and 38 km away.
    expect(await atLocations("postcode=CT1&proximity=100000")).toEqual(["youth"]);
  });

  it("combines place with age, day and time", async () => {
    expect(await atLocations("postcode=ME4&proximity=12000&day=TU")).toEqual(["job"]);
    expect(await atLocations("postcode=ME4&proximity=12000&minimum_age=18")).toEqual(["job", "lunch"]);
    expect(await atLocations("postcode=ME4&proximity=5000&minimum_age=18&start_time=12:00")).toEqual([
      "lunch",
    ]);
    expect(await atLocations("postcode=ME4&maximum_age=18")).toEqual([]);
  });

  it("refuses an unknown postcode, a bad one, proximity alone, and place on /services", async () => {
    const refusals: [string, string][] = [
      ["postcode=ZZ99%209ZZ", "Postcode not known"],
      ["postcode=hello", "Bad postcode"],
      ["proximity=500", "Give a postcode with proximity"],
      ["postcode=ME4&proximity=near", "Bad proximity"],
    ];
    for (const [query, title] of refusals)
      expect(await problem(`/openreferral/service_at_locations?${query}`)).toMatchObject({
        status: 400,
        title,
      });
    expect((await problem("/openreferral/services?postcode=ME4")).status).toBe(400);
  });

  it("answers a filtered page past the last with a 404, and the last page as last", async () => {
    expect(
      (await fixture.app.request("/openreferral/services?minimum_age=18&per_page=1&page=3")).status,
    ).toBe(404);
    const last = (await (
      await fixture.app.request("/openreferral/services?minimum_age=18&per_page=1&page=2")
    ).json()) as Record<string, unknown>;
    expect(last).toMatchObject({ total_items: 2, total_pages: 2, last_page: true, size: 1 });
  });
});

describe("directory listings and postcode centroids", () => {
  it("refuses a listing from the read-only board, for an unknown project, or with ages the wrong way round", async () => {
    const board = actorFor(fixture.admin.organisationId, "read-only");
    expect(
      (await problemOf(setDirectoryListing(fixture.database.db, board, testNow, ids.job, {}))).status,
    ).toBe(403);
    const missing = await problemOf(
      setDirectoryListing(
        fixture.database.db,
        fixture.admin,
        testNow,
        "00000000-0000-4000-8000-000000000000",
        {},
      ),
    );
    expect(missing.status).toBe(404);
    const backwards = await problemOf(
      setDirectoryListing(fixture.database.db, fixture.admin, testNow, ids.job, {
        minimumAge: 30,
        maximumAge: 20,
        schedules: [{ days: ["XX"], opensAt: "18:00", closesAt: "09:00" }],
      }),
    );
    expect(backwards.status).toBe(422);
    expect(Object.keys(backwards.fieldErrors ?? {}).sort()).toEqual(
      ["maximumAge", "schedules.0.closesAt", "schedules.0.days"].sort(),
    );
    expect(await services("day=TU")).toEqual(["job"]); // nothing changed
  });

  it("names every bad line of a centroid file and imports none of it", async () => {
    const bad = await problemOf(
      importPostcodeCentroids(
        fixture.database.db,
        fixture.admin,
        testNow,
        "district,latitude,longitude\nTN1,51.13,0.26\nnot a district,51,0\nTN2,12,0\nTN1,51.1,0.2\n",
        "test",
      ),
    );
    expect(bad.fieldErrors).toEqual({
      "line 3": '"not a district" is not a postcode district like ME4 or CT1',
      "line 4": "the latitude of TN2 must be a number from 49 to 61 (the UK, WGS84 degrees)",
      "line 5": "TN1 is already on line 2",
    });
    expect((await problem("/openreferral/service_at_locations?postcode=TN1")).title).toBe(
      "Postcode not known",
    );
    const officer = actorFor(fixture.admin.organisationId, "manager");
    expect(
      (
        await problemOf(
          importPostcodeCentroids(
            fixture.database.db,
            officer,
            testNow,
            "district,latitude,longitude\nTN1,51.13,0.26\n",
            "x",
          ),
        )
      ).status,
    ).toBe(403);
  });

  it("ships Kent and Medway centroids that match the district outlines they are derived from", async () => {
    const committed = parsePostcodeCentroidCsv(await readFile(kentCentroidsFile, "utf8"));
    const derived = await deriveKentCentroids();
    expect(committed.length).toBeGreaterThanOrEqual(45);
    for (const row of committed)
      expect(derived.get(row.district), row.district).toEqual({
        latitude: row.latitude,
        longitude: row.longitude,
      });
    // Medway's districts sit in Medway: near Chatham (51.38 N, 0.53 E), not in the Weald.
    const me4 = committed.find((row) => row.district === "ME4");
    expect(
      distanceMetres({ latitude: 51.38, longitude: 0.53 }, me4 ?? { latitude: 0, longitude: 0 }),
    ).toBeLessThan(10_000);
  });

  // Last, because it replaces the listings and centroids the tests above rely on.
  it("seeds the demo with every Kent and Medway centroid and a listing for each service", async () => {
    await seedDirectory({
      database: fixture.database,
      organisationId: fixture.admin.organisationId,
      now: testNow,
      random: () => 0.5,
      log: () => {},
      users: [],
    });
    const [{ n }] = await fixture.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM postcode_district_centroid WHERE source LIKE 'Approximation:%'",
    );
    expect(n).toBe(50);
    // The demo listings go to services in name order: the drop-in (Medway, ME4) gets Mondays.
    expect(await atLocations("postcode=ME4%204TR&proximity=1000&day=MO")).toEqual(["dropIn"]);
    expect(await services("minimum_age=0")).toHaveLength(4);
  });
});
