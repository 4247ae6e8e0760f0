import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import { systemActor } from "./actor.ts";
import {
  isManagerOrAbove,
  isOfficerOrAbove,
  isOrganisationAdmin,
  isPlatformAdmin,
  isStaff,
  requireAllowed,
  tokenAllows,
} from "./policy.ts";

const org = "0190a000-0000-7000-8000-000000000001";

describe("platform access rules", () => {
  it("counts the five staff roles as staff, and no external role", () => {
    for (const role of ["platform-admin", "organisation-admin", "manager", "officer", "read-only"] as const) {
      expect(isStaff(actorFor(org, role))).toBe(true);
    }
    for (const role of ["partner-agency", "community-group", "supplier", "tenant"] as const) {
      expect(isStaff(actorFor(org, role))).toBe(false);
    }
  });

  it("orders staff roles: the board reads, officers write, managers decide, admins administer", () => {
    expect(isOfficerOrAbove(actorFor(org, "read-only"))).toBe(false);
    expect(isOfficerOrAbove(actorFor(org, "officer"))).toBe(true);
    expect(isManagerOrAbove(actorFor(org, "officer"))).toBe(false);
    expect(isManagerOrAbove(actorFor(org, "manager"))).toBe(true);
    expect(isOrganisationAdmin(actorFor(org, "manager"))).toBe(false);
    expect(isOrganisationAdmin(actorFor(org, "organisation-admin"))).toBe(true);
    expect(isPlatformAdmin(actorFor(org, "organisation-admin"))).toBe(false);
    expect(isPlatformAdmin(actorFor(org, "platform-admin"))).toBe(true);
  });

  it("gives the system actor (seed, jobs, CLI) every right", () => {
    const system = systemActor(org);
    expect(isOrganisationAdmin(system)).toBe(true);
    expect(isPlatformAdmin(system)).toBe(true);
    expect(tokenAllows(system, "safety", "write")).toBe(true);
  });

  it("narrows a token to its scopes: write implies read, read does not imply write", () => {
    const token = actorFor(org, "manager", { scopes: ["places:write", "people:read"] });
    expect(tokenAllows(token, "places", "read")).toBe(true);
    expect(tokenAllows(token, "places", "write")).toBe(true);
    expect(tokenAllows(token, "people", "read")).toBe(true);
    expect(tokenAllows(token, "people", "write")).toBe(false);
    expect(tokenAllows(token, "safety", "read")).toBe(false);
    expect(tokenAllows(actorFor(org, "manager"), "safety", "write")).toBe(true);
  });

  it("refuses with a 403 problem that says why", () => {
    expect(() => requireAllowed(false, "Only managers can do this.")).toThrow(
      expect.objectContaining({ status: 403, detail: "Only managers can do this." }),
    );
    expect(() => requireAllowed(true, "unused")).not.toThrow();
  });
});
