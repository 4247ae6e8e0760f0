import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import { systemActor } from "../../platform/access/actor.ts";
import {
  canImportCases,
  canManageSafety,
  canMarkHotSpots,
  canSeeShare,
  canSubmitReport,
  canUsePortal,
  canViewReports,
  canViewSharedCases,
  canWorkCases,
} from "./policy.ts";

const org = "0190a000-0000-7000-8000-000000000000";

describe("safety policy", () => {
  it("lets officers and above work cases, not the board, tenants or partners", () => {
    expect(canWorkCases(actorFor(org, "officer"))).toBe(true);
    expect(canWorkCases(actorFor(org, "read-only"))).toBe(false);
    expect(canWorkCases(actorFor(org, "tenant"))).toBe(false);
    expect(canWorkCases(actorFor(org, "partner-agency"))).toBe(false);
  });
  it("lets all staff, including the board, see aggregate reports", () => {
    expect(canViewReports(actorFor(org, "read-only"))).toBe(true);
    expect(canViewReports(actorFor(org, "tenant"))).toBe(false);
  });
  it("keeps configuration, retention and legal hold for managers", () => {
    expect(canManageSafety(actorFor(org, "manager"))).toBe(true);
    expect(canManageSafety(actorFor(org, "officer"))).toBe(false);
  });
  it("lets managers and admins, not officers or the board, mark an area for a hot-spot campaign", () => {
    expect(canMarkHotSpots(actorFor(org, "manager"))).toBe(true);
    expect(canMarkHotSpots(actorFor(org, "organisation-admin"))).toBe(true);
    expect(canMarkHotSpots(actorFor(org, "officer"))).toBe(false);
    expect(canMarkHotSpots(actorFor(org, "read-only"))).toBe(false);
    expect(canMarkHotSpots(actorFor(org, "tenant"))).toBe(false);
  });
  it("accepts reports from tenants, partner agencies and staff, not community groups or suppliers", () => {
    expect(canSubmitReport(actorFor(org, "tenant"))).toBe(true);
    expect(canSubmitReport(actorFor(org, "partner-agency"))).toBe(true);
    expect(canSubmitReport(actorFor(org, "officer"))).toBe(true);
    expect(canSubmitReport(actorFor(org, "supplier"))).toBe(false);
    expect(canSubmitReport(actorFor(org, "community-group"))).toBe(false);
  });
  it("opens the portal to tenants only", () => {
    expect(canUsePortal(actorFor(org, "tenant"))).toBe(true);
    expect(canUsePortal(actorFor(org, "officer"))).toBe(false);
    expect(canUsePortal(systemActor(org))).toBe(false);
  });
  it("lets managers and the CLI import cases, not officers", () => {
    expect(canImportCases(actorFor(org, "manager"))).toBe(true);
    expect(canImportCases(systemActor(org))).toBe(true);
    expect(canImportCases(actorFor(org, "officer"))).toBe(false);
  });
  it("lets only partner agency users linked to a partner organisation look for shared cases", () => {
    const agency = "0190a000-0000-7000-8000-0000000000aa";
    expect(canViewSharedCases(actorFor(org, "partner-agency", { partnerOrganisationId: agency }))).toBe(true);
    expect(canViewSharedCases(actorFor(org, "partner-agency"))).toBe(false);
    expect(canViewSharedCases(actorFor(org, "officer", { partnerOrganisationId: agency }))).toBe(false);
    expect(canViewSharedCases(actorFor(org, "community-group", { partnerOrganisationId: agency }))).toBe(
      false,
    );
    expect(canViewSharedCases(systemActor(org))).toBe(false);
  });
  it("lets a partner see a share only while it is current and names their own organisation", () => {
    const agency = "0190a000-0000-7000-8000-0000000000aa";
    const partner = actorFor(org, "partner-agency", { partnerOrganisationId: agency });
    const share = { partnerOrganisationId: agency, endedAt: null, expiresOn: null };
    const today = "2026-06-15";
    expect(canSeeShare(partner, share, today)).toBe(true);
    expect(canSeeShare(partner, { ...share, expiresOn: "2026-06-15" }, today)).toBe(true);
    expect(canSeeShare(partner, { ...share, expiresOn: "2026-06-14" }, today)).toBe(false);
    expect(canSeeShare(partner, { ...share, endedAt: new Date("2026-06-01T00:00:00Z") }, today)).toBe(false);
    expect(canSeeShare(partner, { ...share, partnerOrganisationId: org }, today)).toBe(false);
    expect(canSeeShare(partner, { ...share, partnerOrganisationId: null }, today)).toBe(false);
  });
});
