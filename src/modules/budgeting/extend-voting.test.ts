import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf } from "../../../test/fixtures.ts";
import { expectRefused } from "../../../test/refused-form.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { createProcess } from "./commands/create-process.ts";
import { extendVoting } from "./commands/extend-voting.ts";
import { findProcess } from "./queries/processes.ts";
import { pbProcess } from "./schema.ts";
import { processForm } from "./test-support.ts";
import { isVotingOpen, votingState } from "./voting-window.ts";

// The process votes from 12 to 30 June 2026; "after the close" is 2 July, London time.
const afterClose = new Date("2026-07-02T10:00:00Z");
const lastVotingEvening = new Date("2026-06-30T22:30:00Z"); // 11:30pm in London, still 30 June

describe("extending and reopening a vote", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let orgId: string;
  let processId: string;
  const manager = () => actorFor(orgId, "manager");

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database, () => afterClose);
    orgId = (await makeOrganisation(database.db, "Votes Homes")).id;
    await addUser(database, orgId, "manager", "manager@votes.example");
    await addUser(database, orgId, "officer", "officer@votes.example");
    processId = (await createProcess(database.db, manager(), afterClose, processForm())).id;
    // Set straight into voting: the review steps are covered by the process tests.
    await database.db.update(pbProcess).set({ phase: "voting" }).where(eq(pbProcess.id, processId));
  });
  afterAll(async () => database.close());

  it("takes ballots until the end of the closing day in London, then says voting has closed", async () => {
    const process = await findProcess(database.db, orgId, processId);
    expect(isVotingOpen(process, lastVotingEvening)).toBe(true);
    expect(votingState(process, afterClose)).toBe("closed-awaiting-count");
    const page = await (await app.request(`/pb/${orgId}/${processId}`)).text();
    expect(page).toContain("Voting closed, count to come");
    expect(page).not.toContain("Vote now");
    expect(page).not.toContain("Voting open");
  });

  it("refuses an officer, a past date, an earlier date, a date that does not exist and a missing reason", async () => {
    const officer = actorFor(orgId, "officer");
    expect(
      (
        await problemOf(
          extendVoting(database.db, officer, afterClose, processId, {
            votingClose: "2026-07-20",
            reason: "x",
          }),
        )
      ).status,
    ).toBe(403);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ votingClose: "2026-07-01", reason: "Low turnout" }, "votingClose", /today or later/],
      [{ votingClose: "2026-02-30", reason: "Low turnout" }, "votingClose", /real date/],
      [{ votingClose: "2026-07-20", reason: " " }, "reason", /Enter the reason/],
    ];
    for (const [input, field, message] of cases) {
      const problem = await problemOf(
        extendVoting(database.db, manager(), afterClose, processId, input as never),
      );
      expect(problem.status).toBe(422);
      expect(problem.fieldErrors?.[field]).toMatch(message);
    }
    const unchanged = await findProcess(database.db, orgId, processId);
    expect(unchanged.votingClose).toBe("2026-06-30");
  });

  it("reopens a closed, uncounted vote with a reason in the audit log, moving the results date with it", async () => {
    const result = await extendVoting(database.db, manager(), afterClose, processId, {
      votingClose: "2026-07-10",
      reason: "Voting codes went out late",
    });
    expect(result.reopened).toBe(true);
    const process = await findProcess(database.db, orgId, processId);
    expect([process.votingClose, process.resultsDate]).toEqual(["2026-07-10", "2026-07-10"]);
    expect(isVotingOpen(process, afterClose)).toBe(true);
    const [audit] = await database.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE organisation_id = $1 AND entity_id = $2 AND summary LIKE 'Reopened%'",
      [orgId, processId],
    );
    expect(audit?.summary).toContain("Voting codes went out late");
    expect(
      (
        await problemOf(
          extendVoting(database.db, manager(), afterClose, processId, {
            votingClose: "2026-07-09",
            reason: "x",
          }),
        )
      ).fieldErrors?.votingClose,
    ).toMatch(/after the current one/);
  });

  it("shows the form only to managers, and never reopens a counted result", async () => {
    const officer = new TestBrowser(app);
    await officer.signIn("officer@votes.example");
    expect((await officer.get(`/budgeting/${processId}/voting-close`)).status).toBe(403);
    const browser = new TestBrowser(app);
    await browser.signIn("manager@votes.example");
    const form = await browser.get(`/budgeting/${processId}/voting-close`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Extend voting");
    const past = await browser.post(
      `/budgeting/${processId}/voting-close`,
      { "votingClose-day": "1", "votingClose-month": "7", "votingClose-year": "2026", reason: "Late" },
      { csrf: await browser.csrfToken(`/budgeting/${processId}/voting-close`) },
    );
    await expectRefused(past, "The new closing date must be today or later");
    await database.db.update(pbProcess).set({ phase: "results" }).where(eq(pbProcess.id, processId));
    const counted = await problemOf(
      extendVoting(database.db, manager(), afterClose, processId, { votingClose: "2026-08-01", reason: "x" }),
    );
    expect(counted.status).toBe(409);
    expect(counted.detail).toMatch(/published result cannot be reopened/);
  });
});
