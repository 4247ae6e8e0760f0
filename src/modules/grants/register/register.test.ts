import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import { type Role, systemActor } from "../../../platform/access/actor.ts";
import { createUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import { seedGrants } from "../seed.ts";
import {
  newRegisterReport,
  type RegisterFormat,
  type RegisterReport,
  registerChunks,
} from "./export-register.ts";
import { recipientIdentity } from "./org-id.ts";
import { registerValidator, unflattenCsv } from "./validate-register.ts";

let database: Database;
let organisationId: string;

async function exportText(
  format: RegisterFormat,
  report: RegisterReport = newRegisterReport(),
): Promise<string> {
  let text = "";
  for await (const chunk of registerChunks(database.db, organisationId, format, report, { now: testNow }))
    text += chunk;
  return text;
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db, "Weald and Medway Homes")).id;
  let seed = 7;
  // The seed names staff users as grant owners and accountable officers, so they must exist.
  const staff = (name: string, role: "manager" | "officer") =>
    createUser(database.db, systemActor(organisationId), testNow, {
      organisationId,
      email: `${role}@register.example`,
      name,
      role,
      password: "correct horse battery staple 42",
    });
  const users = [await staff("Morgan Manager", "manager"), await staff("Olu Officer", "officer")].map(
    (user) => ({ id: user.id, email: user.email, name: user.name, role: user.role as Role }),
  );
  await seedGrants({
    database,
    organisationId,
    users,
    now: testNow,
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
    log: () => {},
  });
});
afterAll(async () => database?.close());

describe("the 360Giving register of the demo data", () => {
  it("exports JSON that validates with 0 errors against the official 360Giving package schema", async () => {
    const report = newRegisterReport();
    const data = JSON.parse(await exportText("360giving-json", report)) as {
      grants: {
        id: string;
        amountAwarded: number;
        fromOpenCall: string;
        recipientOrganization: { id: string; name: string; charityNumber?: string }[];
      }[];
    };
    expect(registerValidator().validatePackage(data)).toEqual([]);
    // 8 Community Chest + 3 strategic + 2 approved direct awards; the direct award awaiting approval is not published.
    expect(data.grants).toHaveLength(13);
    expect(report.grants).toBe(13);
    expect(data.grants.every((grant) => /^360G-wmh-GR-[0-9A-F]{8}$/.test(grant.id))).toBe(true);
    expect(data.grants.filter((grant) => grant.fromOpenCall === "No")).toHaveLength(2);
    // The demo charity with no charity number: published without one, identified by the prefix, and reported.
    const digital = data.grants.find(
      (grant) => grant.recipientOrganization[0].name === "Weald Digital Inclusion Trust",
    );
    expect(digital?.recipientOrganization[0]).not.toHaveProperty("charityNumber");
    expect(digital?.recipientOrganization[0].id).toBe("360G-wmh-ORG-WEALD-DIGITAL-INCLUSION-TRUST");
    expect(
      report.issues.some(
        (issue) =>
          issue.field === "Recipient Org:Charity Number" &&
          issue.message.includes("Weald Digital Inclusion Trust"),
      ),
    ).toBe(true);
    // Totals are exact: pounds in the file add up to the pence in the database.
    const totalPence = data.grants.reduce((sum, grant) => sum + Math.round(grant.amountAwarded * 100), 0);
    expect(totalPence).toBe(report.totalAwardedPence);
  });

  it("exports CSV that unflattens to data with 0 schema errors", async () => {
    const text = await exportText("360giving-csv");
    const { grants, unknownHeadings } = unflattenCsv(text);
    expect(unknownHeadings).toEqual([]);
    expect(grants).toHaveLength(13);
    expect(registerValidator().validatePackage({ grants })).toEqual([]);
    expect(grants[0]).toMatchObject({
      currency: "GBP",
      recipientOrganization: [
        expect.objectContaining({ id: expect.stringMatching(/^(GB-CHC-|GB-COH-|360G-)/) }),
      ],
    });
  });

  it("writes the Transparency Code fields", async () => {
    const lines = (await exportText("transparency-csv")).trim().split("\r\n");
    expect(lines[0]).toContain(
      "Date awarded,Time period start,Time period end,Awarding department,Beneficiary name,Beneficiary registration number",
    );
    expect(lines).toHaveLength(14);
  });

  it("rejects a package the schema does not allow", () => {
    expect(
      registerValidator().validatePackage({ grants: [{ id: "360G-x-1", title: "t" }] }).length,
    ).toBeGreaterThan(0);
  });
});

describe("organisation identifiers", () => {
  it("exports a charity with a missing charity number without the identifier, and reports it", () => {
    const issues: { grant: string; field: string; message: string }[] = [];
    const identity = recipientIdentity(
      {
        reference: "GR-1",
        recipientName: "Weald Digital Inclusion Trust",
        recipientType: "registered-charity",
        charityNumber: null,
        companyNumber: null,
      },
      "360G-wmh",
      issues,
    );
    expect(identity).toEqual({
      id: "360G-wmh-ORG-WEALD-DIGITAL-INCLUSION-TRUST",
      charityNumber: null,
      companyNumber: null,
    });
    expect(issues).toEqual([
      {
        grant: "GR-1",
        field: "Recipient Org:Charity Number",
        message: "Weald Digital Inclusion Trust is a charity but has no charity number; exported without it",
      },
    ]);
  });
  it("never publishes a malformed charity number", () => {
    const issues: { grant: string; field: string; message: string }[] = [];
    const identity = recipientIdentity(
      {
        reference: "GR-2",
        recipientName: "X",
        recipientType: "registered-charity",
        charityNumber: "12AB",
        companyNumber: "01234567",
      },
      "360G-wmh",
      issues,
    );
    expect(identity).toEqual({ id: "GB-COH-01234567", charityNumber: null, companyNumber: "01234567" });
    expect(issues[0].message).toContain('"12AB" is not a valid charity number');
  });
  it("uses the Charity Commission, OSCR and Companies House lists", () => {
    const issues: never[] = [];
    const base = {
      reference: "R",
      recipientName: "N",
      recipientType: "registered-charity",
      companyNumber: null,
    };
    expect(recipientIdentity({ ...base, charityNumber: "1098765" }, "360G-a", issues).id).toBe(
      "GB-CHC-1098765",
    );
    expect(recipientIdentity({ ...base, charityNumber: "SC012345" }, "360G-a", issues).id).toBe(
      "GB-SC-SC012345",
    );
    expect(
      recipientIdentity(
        {
          ...base,
          recipientType: "community-interest-company",
          charityNumber: null,
          companyNumber: "SC123456",
        },
        "360G-a",
        issues,
      ).id,
    ).toBe("GB-COH-SC123456");
  });
});

it("publishes only approved grants: actor-free reads cannot see proposals", async () => {
  const text = await exportText("360giving-json");
  expect(text).not.toContain("Holiday food and fun");
  expect(text).toContain("Rural digital inclusion sessions");
  expect(actorFor(organisationId, "officer").organisationId).toBe(organisationId);
});

describe("validating a large register", () => {
  it("checks every grant in batches and still finds a bad grant and a repeated one", () => {
    const grant = (n: number) => ({
      id: `360G-wmh-GR-${n}`,
      title: "T",
      description: "D",
      currency: "GBP",
      amountAwarded: 100,
      awardDate: "2026-01-01",
      recipientOrganization: [{ id: "GB-CHC-1098765", name: "R" }],
      fundingOrganization: [{ id: "GB-MPR-1", name: "F" }],
    });
    const grants: Record<string, unknown>[] = Array.from({ length: 250 }, (_, n) => grant(n));
    expect(registerValidator().validatePackage({ grants })).toEqual([]);
    grants[170] = { ...grant(170), currency: "XXQ" };
    grants[240] = grant(5);
    const errors = registerValidator().validatePackage({ grants });
    expect(errors.some((error) => error.startsWith("/grants/170/currency"))).toBe(true);
    expect(errors).toContain("/grants/240 must be unique (it repeats an earlier grant)");
  });
});
