import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { seedDemo } from "../../../seed/seed-demo.ts";

// The demo is seeded for a pinned day, so the register is the same whenever the test runs.
const demoNow = new Date("2026-11-01T09:00:00.000Z");

import { createPartnerOrganisation } from "../../people/index.ts";
import { modules } from "../../registry.ts";
import { codelistErrors, geoCodeTypeOf } from "./codelists.ts";
import { newRegisterReport, type RegisterReport, registerChunks } from "./export-register.ts";
import { registerValidator } from "./validate-register.ts";

// 360Giving's closed codelists on the demo's register: the demo's places, people (partner records)
// and grants, seeded as `kith seed demo` seeds them.

type Grant = {
  id: string;
  dataSource?: string;
  dateModified?: string;
  recipientOrganization: { id: string; name: string; charityNumber?: string; companyNumber?: string }[];
  beneficiaryLocation?: { geoCode?: string; geoCodeType?: string }[];
};

let database: Database;
let organisationId: string;

async function exportJson(
  options: { sourceUrl?: string } = {},
  report: RegisterReport = newRegisterReport(),
) {
  let text = "";
  for await (const chunk of registerChunks(database.db, organisationId, "360giving-json", report, {
    now: demoNow,
    ...options,
  }))
    text += chunk;
  return JSON.parse(text) as { grants: Grant[] };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const wanted = ["places", "people", "grants"];
  organisationId = await seedDemo(
    database,
    modules.filter((module) => wanted.includes(module.name)),
    { now: demoNow },
  );
}, 240_000);
afterAll(async () => database?.close());

describe("360Giving codelists", () => {
  it("types each GSS code from the geoCodeType codelist", () => {
    expect(geoCodeTypeOf("E06000035")).toBe("UA");
    expect(geoCodeTypeOf("E07000110")).toBe("NMD");
    expect(geoCodeTypeOf("E08000003")).toBe("MD");
    expect(geoCodeTypeOf("E09000033")).toBe("LONB");
    expect(geoCodeTypeOf("W06000015")).toBe("UA");
    expect(geoCodeTypeOf("S12000036")).toBe("CA");
    expect(geoCodeTypeOf("E12000008")).toBe("RGN");
    expect(geoCodeTypeOf("N09000003")).toBeUndefined();
  });

  it("refuses values outside the closed lists, and a type that does not fit the code", () => {
    const grant = (location: Record<string, string>, currency = "GBP") => ({
      currency,
      beneficiaryLocation: [location],
    });
    expect(codelistErrors([grant({ geoCode: "E06000035", geoCodeType: "UA", countryCode: "GB" })])).toEqual(
      [],
    );
    expect(codelistErrors([grant({ geoCode: "E06000035", geoCodeType: "LA" })])).toEqual([
      '/grants/0/beneficiaryLocation/0/geoCodeType "LA" is not in the 360Giving geoCodeType codelist',
    ]);
    expect(codelistErrors([grant({ geoCode: "E07000110", geoCodeType: "UA" })])).toEqual([
      '/grants/0/beneficiaryLocation/0/geoCodeType "UA" does not match the geoCode E07000110 (expected NMD)',
    ]);
    expect(codelistErrors([grant({ countryCode: "UK" }, "GPB")])).toEqual([
      '/grants/0/currency "GPB" is not in the 360Giving currency codelist',
      '/grants/0/beneficiaryLocation/0/countryCode "UK" is not in the 360Giving countryCode codelist',
    ]);
  });
});

describe("the demo's 360Giving register", () => {
  it("passes the export's own check, schema and codelists, with a data source and date on every grant", async () => {
    const data = await exportJson({ sourceUrl: "https://demo.kith.example/grants/register/360giving.json" });
    expect(data.grants.length).toBeGreaterThan(0);
    expect(registerValidator().validatePackage(data)).toEqual([]);
    for (const grant of data.grants) {
      expect(grant.dataSource).toBe("https://demo.kith.example/grants/register/360giving.json");
      expect(grant.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      for (const location of grant.beneficiaryLocation ?? [])
        expect(location.geoCodeType).toBe(geoCodeTypeOf(location.geoCode ?? ""));
    }
    expect(data.grants.some((grant) => grant.beneficiaryLocation?.length)).toBe(true);
  });

  it("identifies recipients by charity or company number whenever a partner record holds one", async () => {
    const partners = await database.query<{
      name: string;
      charity_number: string | null;
      company_number: string | null;
    }>("SELECT name, charity_number, company_number FROM partner_organisation WHERE organisation_id = $1", [
      organisationId,
    ]);
    const data = await exportJson({ sourceUrl: "https://demo.kith.example/register" });
    const unregistered = data.grants
      .map((grant) => grant.recipientOrganization[0])
      .filter((recipient) => recipient.id.startsWith("360G-"))
      .map((recipient) => recipient.name)
      .sort();
    // The demo's three recipients without a registered identifier: two unincorporated groups with no
    // numbers anywhere, and a charity whose number is missing (the partner "Weald Digital Inclusion CIC"
    // is a different legal body, so its company number is not borrowed).
    expect(unregistered).toEqual([
      "Dartford Parents Together",
      "Luton Arches Residents Association",
      "Weald Digital Inclusion Trust",
    ]);
    for (const name of unregistered) {
      const partner = partners.find((p) => p.name.toLowerCase() === name.toLowerCase());
      expect(partner?.charity_number ?? partner?.company_number ?? null, name).toBeNull();
    }
  });

  it("takes a recipient's charity number from the partner record with its name", async () => {
    const before = await exportJson();
    const unregistered = before.grants.find((grant) => grant.recipientOrganization[0].id.startsWith("360G-"));
    expect(unregistered).toBeDefined();
    const name = unregistered?.recipientOrganization[0].name ?? "";
    await createPartnerOrganisation(database.db, systemActor(organisationId, "test"), demoNow, {
      name: name.toUpperCase(),
      kind: "charity",
      charityNumber: "1176543",
    });
    const after = await exportJson();
    const same = after.grants.find((grant) => grant.id === unregistered?.id);
    expect(same?.recipientOrganization[0]).toMatchObject({ id: "GB-CHC-1176543", charityNumber: "1176543" });
  });

  it("reports a register with no data source", async () => {
    const report = newRegisterReport();
    const data = await exportJson({}, report);
    expect(data.grants[0]).not.toHaveProperty("dataSource");
    expect(report.issues).toContainEqual(expect.objectContaining({ field: "Data Source" }));
  });
});
