import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import { systemActor } from "../../platform/access/actor.ts";
import {
  canApply,
  canApproveDirectAward,
  canApprovePayment,
  canAssess,
  canChangeSettings,
  canDecide,
  canEditOwnApplication,
  canManageGrant,
  canManageProgrammes,
  canOverrideNotice,
  canProposeDirectAward,
  canSeeOwnApplication,
  canViewGrants,
} from "./policy.ts";

const org = "0190a000-0000-7000-8000-000000000001";
const board = actorFor(org, "read-only");
const officer = actorFor(org, "officer");
const manager = actorFor(org, "manager");
const group = actorFor(org, "community-group");
const partner = actorFor(org, "partner-agency");
const tenant = actorFor(org, "tenant");
const supplier = actorFor(org, "supplier");

describe("grants policy", () => {
  it("lets staff, including the board, see grants, but not applicants", () => {
    expect([board, officer, manager].map(canViewGrants)).toEqual([true, true, true]);
    expect([group, partner, tenant].map(canViewGrants)).toEqual([false, false, false]);
  });
  it("lets only managers set up programmes, decide, approve direct awards and payments, override notice and change settings", () => {
    for (const rule of [
      canManageProgrammes,
      canDecide,
      canApproveDirectAward,
      canApprovePayment,
      canOverrideNotice,
      canChangeSettings,
    ]) {
      expect([board, officer, manager, group].map(rule)).toEqual([false, false, true, false]);
    }
  });
  it("lets officers and managers assess, propose direct awards and run grants, but not the board", () => {
    for (const rule of [canAssess, canProposeDirectAward, canManageGrant]) {
      expect([board, officer, manager, partner].map(rule)).toEqual([false, true, true, false]);
    }
  });
  it("lets community groups and partner agencies apply, not tenants, suppliers, staff or the system", () => {
    expect([group, partner, tenant, supplier, officer, systemActor(org)].map(canApply)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
  it("lets an applicant see only their own application, and change it only while it is a draft", () => {
    const own = { applicantUserId: group.kind === "user" ? group.userId : "", status: "draft" as const };
    expect(canSeeOwnApplication(group, own)).toBe(true);
    expect(canSeeOwnApplication(partner, own)).toBe(false);
    expect(canEditOwnApplication(group, own)).toBe(true);
    expect(canEditOwnApplication(group, { ...own, status: "submitted" })).toBe(false);
  });
});
