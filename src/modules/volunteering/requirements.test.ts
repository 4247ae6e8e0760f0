import { describe, expect, it } from "vitest";
import { ageOn, unmetRequirements } from "./requirements.ts";

const role = { dbsRequired: true, trainingRequired: ["safeguarding" as const], minimumAge: 18 };
const adult = { dateOfBirth: "1990-05-01" };
const dbs = { kind: "dbs-enhanced" as const, issuedOn: "2025-01-01", expiresOn: "2028-01-01" };
const safeguarding = { kind: "safeguarding" as const, issuedOn: "2025-01-01", expiresOn: null };

describe("role requirements", () => {
  it("counts age in whole years, birthday not yet reached", () => {
    expect(ageOn("2008-06-16", "2026-06-15")).toBe(17);
    expect(ageOn("2008-06-15", "2026-06-15")).toBe(18);
  });

  it("accepts a volunteer who holds every check", () => {
    expect(unmetRequirements(role, adult, [dbs, safeguarding], "2026-06-15")).toEqual([]);
  });

  it("refuses a DBS role to someone with no DBS check, and says why", () => {
    expect(unmetRequirements(role, adult, [safeguarding], "2026-06-15")).toEqual([
      "The role is regulated activity and needs an enhanced DBS check, and they have none",
    ]);
  });

  it("refuses a DBS role when the check has passed its renewal date", () => {
    const expired = { ...dbs, expiresOn: "2026-06-14" };
    expect(unmetRequirements(role, adult, [expired, safeguarding], "2026-06-15")[0]).toMatch(
      /passed its renewal date/,
    );
  });

  it("does not count a basic DBS check for regulated activity", () => {
    const basic = { ...dbs, kind: "dbs-basic" as const };
    expect(unmetRequirements(role, adult, [basic, safeguarding], "2026-06-15")).toHaveLength(1);
  });

  it("refuses someone under the minimum age and someone whose age is unknown", () => {
    expect(unmetRequirements(role, { dateOfBirth: "2010-01-01" }, [dbs, safeguarding], "2026-06-15")).toEqual(
      ["The role has a minimum age of 18 and they are 16"],
    );
    expect(unmetRequirements(role, { dateOfBirth: null }, [dbs, safeguarding], "2026-06-15")[0]).toMatch(
      /do not know/,
    );
  });

  it("asks nothing of a role with no requirements", () => {
    expect(
      unmetRequirements(
        { dbsRequired: false, trainingRequired: [], minimumAge: null },
        { dateOfBirth: null },
        [],
        "2026-06-15",
      ),
    ).toEqual([]);
  });
});

describe("UK clock times", async () => {
  const { londonMoment, londonToday } = await import("./records.ts");
  it("reads a summer time as BST and a winter time as GMT", () => {
    expect(londonMoment("2026-06-20 10:00").toISOString()).toBe("2026-06-20T09:00:00.000Z");
    expect(londonMoment("2026-01-20 10:00").toISOString()).toBe("2026-01-20T10:00:00.000Z");
    expect(Number.isNaN(londonMoment("2026-02-30 10:00").getTime())).toBe(true);
  });
  it("takes today's date in the UK, not in UTC", () => {
    expect(londonToday(new Date("2026-06-14T23:30:00Z"))).toBe("2026-06-15");
  });
});
