import { describe, expect, it } from "vitest";
import { actorFor } from "../../../test/fixtures.ts";
import { systemActor } from "../../platform/access/actor.ts";
import {
  canChooseRule,
  canEditDraft,
  canEnterPaperBallots,
  canManageProcesses,
  canPropose,
  canSeeProposal,
  canViewProcesses,
  canVoteOnline,
} from "./policy.ts";

const org = "0190c0de-0000-7000-8000-000000000001";

describe("budgeting policy", () => {
  it("lets all staff, the board included, see processes, and nobody outside staff", () => {
    expect(canViewProcesses(actorFor(org, "read-only"))).toBe(true);
    expect(canViewProcesses(actorFor(org, "tenant"))).toBe(false);
    expect(canViewProcesses(actorFor(org, "partner-agency"))).toBe(false);
  });

  it("lets officers, not the board, manage processes and enter paper ballots", () => {
    expect(canManageProcesses(actorFor(org, "officer"))).toBe(true);
    expect(canManageProcesses(actorFor(org, "read-only"))).toBe(false);
    expect(canEnterPaperBallots(actorFor(org, "officer"))).toBe(true);
    expect(canEnterPaperBallots(actorFor(org, "tenant"))).toBe(false);
  });

  it("narrows a read-only API token to reading", () => {
    const token = actorFor(org, "manager", { scopes: ["budgeting:read"] });
    expect(canViewProcesses(token)).toBe(true);
    expect(canManageProcesses(token)).toBe(false);
  });

  it("lets a manager choose the rule only while there are no votes", () => {
    expect(canChooseRule(actorFor(org, "manager"), false)).toBe(true);
    expect(canChooseRule(actorFor(org, "manager"), true)).toBe(false);
    expect(canChooseRule(actorFor(org, "officer"), false)).toBe(false);
  });

  it("takes ideas from signed-in people only while proposals are open, and never for an imported process", () => {
    expect(canPropose(actorFor(org, "tenant"), { phase: "proposals", source: "kith" })).toBe(true);
    expect(canPropose(actorFor(org, "tenant"), { phase: "voting", source: "kith" })).toBe(false);
    expect(canPropose(actorFor(org, "tenant"), { phase: "proposals", source: "pabulib" })).toBe(false);
    expect(canPropose(systemActor(org), { phase: "proposals", source: "kith" })).toBe(false);
  });

  it("keeps a draft to its author, and shows submitted ideas to anyone", () => {
    const author = actorFor(org, "tenant");
    const draft = { status: "draft" as const, proposerUserId: author.kind === "user" ? author.userId : null };
    expect(canSeeProposal(author, draft)).toBe(true);
    expect(canSeeProposal(actorFor(org, "tenant"), draft)).toBe(false);
    expect(canSeeProposal(null, draft)).toBe(false);
    expect(canSeeProposal(null, { ...draft, status: "submitted" })).toBe(true);
    expect(canEditDraft(author, draft)).toBe(true);
    expect(canEditDraft(author, { ...draft, status: "submitted" })).toBe(false);
  });

  it("lets only accounts linked to a resident record vote online", () => {
    expect(canVoteOnline(actorFor(org, "tenant", { personId: "0190c0de-0000-7000-8000-000000000002" }))).toBe(
      true,
    );
    expect(canVoteOnline(actorFor(org, "tenant"))).toBe(false);
    expect(canVoteOnline(systemActor(org))).toBe(false);
  });
});
