import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import {
  canCoordinate,
  canPostOpportunity,
  canSeeOpportunity,
  canSeeVolunteer,
  canSetHourlyRate,
  canViewReports,
} from "./policy.ts";

const org = "0190b8a0-0000-7000-8000-000000000001";
const partnerId = "0190b8a0-0000-7000-8000-0000000000aa";

describe("volunteering policy", () => {
  it("lets officers coordinate but not the board or tenants", () => {
    expect(canCoordinate(actorFor(org, "officer"))).toBe(true);
    expect(canCoordinate(actorFor(org, "read-only"))).toBe(false);
    expect(canCoordinate(actorFor(org, "tenant"))).toBe(false);
  });

  it("shows reports to the board but not to partners", () => {
    expect(canViewReports(actorFor(org, "read-only"))).toBe(true);
    expect(canViewReports(actorFor(org, "partner-agency"))).toBe(false);
  });

  it("lets a community group post roles only when it belongs to a partner organisation", () => {
    expect(canPostOpportunity(actorFor(org, "community-group", { partnerOrganisationId: partnerId }))).toBe(
      true,
    );
    expect(canPostOpportunity(actorFor(org, "community-group"))).toBe(false);
    expect(canPostOpportunity(actorFor(org, "tenant"))).toBe(false);
  });

  it("shows a partner only the roles it posted", () => {
    const partner = actorFor(org, "partner-agency", { partnerOrganisationId: partnerId });
    expect(canSeeOpportunity(partner, { partnerOrganisationId: partnerId })).toBe(true);
    expect(canSeeOpportunity(partner, { partnerOrganisationId: null })).toBe(false);
  });

  it("shows a volunteer record to its own user and to coordinators only", () => {
    const tenant = actorFor(org, "tenant");
    const userId = tenant.kind === "user" ? tenant.userId : "";
    expect(canSeeVolunteer(tenant, { userId })).toBe(true);
    expect(canSeeVolunteer(actorFor(org, "tenant"), { userId })).toBe(false);
    expect(canSeeVolunteer(actorFor(org, "officer"), { userId: null })).toBe(true);
    expect(canSeeVolunteer(actorFor(org, "read-only"), { userId: null })).toBe(false);
  });

  it("lets managers but not officers set the hourly rate", () => {
    expect(canSetHourlyRate(actorFor(org, "manager"))).toBe(true);
    expect(canSetHourlyRate(actorFor(org, "officer"))).toBe(false);
  });
});
