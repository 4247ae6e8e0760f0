import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import {
  canManageProjects,
  canManageStrategy,
  canRecordDelivery,
  canViewParticipants,
  canViewPortfolio,
} from "./policy.ts";

const org = "0190f000-0000-7000-8000-000000000001";

describe("investment policy", () => {
  it("lets managers, not officers, change the strategy", () => {
    expect(canManageStrategy(actorFor(org, "manager"))).toBe(true);
    expect(canManageStrategy(actorFor(org, "officer"))).toBe(false);
  });
  it("shows the portfolio to the read-only board but not to tenants or partners", () => {
    expect(canViewPortfolio(actorFor(org, "read-only"))).toBe(true);
    expect(canViewPortfolio(actorFor(org, "tenant"))).toBe(false);
    expect(canViewPortfolio(actorFor(org, "partner-agency"))).toBe(false);
  });
  it("lets officers manage projects and record delivery, not the board", () => {
    expect(canManageProjects(actorFor(org, "officer"))).toBe(true);
    expect(canManageProjects(actorFor(org, "read-only"))).toBe(false);
    expect(canRecordDelivery(actorFor(org, "officer"))).toBe(true);
    expect(canRecordDelivery(actorFor(org, "community-group"))).toBe(false);
  });
  it("keeps participants' personal data from the read-only board", () => {
    expect(canViewParticipants(actorFor(org, "officer"))).toBe(true);
    expect(canViewParticipants(actorFor(org, "read-only"))).toBe(false);
  });
});
