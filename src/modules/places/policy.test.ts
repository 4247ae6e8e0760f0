import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import { canEditPlaces, canImportPlaces, canSetPriorityRule, canViewPlaces } from "./policy.ts";

const org = "0190a000-0000-7000-8000-000000000001";

describe("places policy", () => {
  it("lets every staff role, including the read-only board, view places", () => {
    for (const role of ["read-only", "officer", "manager", "organisation-admin"] as const) {
      expect(canViewPlaces(actorFor(org, role))).toBe(true);
    }
  });
  it("keeps tenants and partner users away from the housing stock", () => {
    for (const role of ["tenant", "partner-agency", "community-group", "supplier"] as const) {
      expect(canViewPlaces(actorFor(org, role))).toBe(false);
    }
  });
  it("lets officers edit and import, but not the board", () => {
    expect(canEditPlaces(actorFor(org, "officer"))).toBe(true);
    expect(canImportPlaces(actorFor(org, "officer"))).toBe(true);
    expect(canEditPlaces(actorFor(org, "read-only"))).toBe(false);
  });
  it("leaves the priority rule to managers", () => {
    expect(canSetPriorityRule(actorFor(org, "officer"))).toBe(false);
    expect(canSetPriorityRule(actorFor(org, "manager"))).toBe(true);
  });
  it("narrows API tokens to their scopes", () => {
    const readOnlyToken = actorFor(org, "manager", { scopes: ["places:read"] });
    expect(canViewPlaces(readOnlyToken)).toBe(true);
    expect(canEditPlaces(readOnlyToken)).toBe(false);
    expect(canViewPlaces(actorFor(org, "manager", { scopes: ["people:read"] }))).toBe(false);
  });
});
