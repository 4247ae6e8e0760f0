import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import {
  canEditPeople,
  canViewEqualityData,
  canViewPartners,
  canViewPeople,
  canViewPerson,
} from "./policy.ts";

const org = "0190a000-0000-7000-8000-000000000001";
const personId = "0190a000-0000-7000-8000-0000000000aa";

describe("people policy", () => {
  it("lets staff, including the board, search people; not tenants or partners", () => {
    expect(canViewPeople(actorFor(org, "read-only"))).toBe(true);
    expect(canViewPeople(actorFor(org, "tenant"))).toBe(false);
    expect(canViewPeople(actorFor(org, "partner-agency"))).toBe(false);
  });
  it("lets officers add and change people, not the board", () => {
    expect(canEditPeople(actorFor(org, "officer"))).toBe(true);
    expect(canEditPeople(actorFor(org, "read-only"))).toBe(false);
  });
  it("lets a tenant see their own record only", () => {
    expect(canViewPerson(actorFor(org, "tenant", { personId }), { id: personId })).toBe(true);
    expect(
      canViewPerson(actorFor(org, "tenant", { personId }), { id: "0190a000-0000-7000-8000-0000000000bb" }),
    ).toBe(false);
    expect(canViewPerson(actorFor(org, "community-group", { personId }), { id: personId })).toBe(false);
  });
  it("keeps special-category equality answers from the board", () => {
    expect(canViewEqualityData(actorFor(org, "officer"))).toBe(true);
    expect(canViewEqualityData(actorFor(org, "read-only"))).toBe(false);
  });
  it("shows partner organisations to staff", () => {
    expect(canViewPartners(actorFor(org, "read-only"))).toBe(true);
    expect(canViewPartners(actorFor(org, "supplier"))).toBe(false);
  });
});
