import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { systemActor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import type { CliContext } from "../module.ts";
import { crowdfundingCli } from "./cli.ts";
import { makePledge } from "./commands/make-pledge.ts";
import { liveCampaign } from "./test-support/live-campaign.ts";

let database: Database;
let orgId: string;

async function settle(now: Date, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const context: CliContext = {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    now: () => now,
    // The command closes the database it opened; the test keeps using it.
    openDatabase: async () => ({ ...database, close: async () => {} }),
  };
  const code = await crowdfundingCli[0].run(args, context);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  database = await openTestDatabase();
  orgId = (await makeOrganisation(database.db)).id;
});
afterAll(async () => database.close());

describe("kith crowdfunding settle CAMPAIGN", () => {
  it("settles by reference after the deadline, refuses before it, and reports an already settled campaign", async () => {
    const system = systemActor(orgId);
    const draft = await liveCampaign(database.db, system, testNow, {
      title: "Bench for the bus stop",
      targetPence: 10_000,
      deadline: "2026-07-01",
    });
    await makePledge(database.db, null, testNow, orgId, draft.id, {
      amountPence: 4_000,
      backerName: "A",
      backerEmail: "a@example.org",
    });

    const early = await settle(testNow, draft.reference);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("closes at");
    const done = await settle(new Date("2026-07-02T08:00:00Z"), draft.reference.toLowerCase());
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Campaign ${draft.reference}: unsuccessful`);
    expect(done.stdout).toMatch(/collected\s+£0\.00/);
    expect(done.stdout).toContain("pledges collected 0, released 1");
    const again = await settle(new Date("2026-07-03T08:00:00Z"), draft.id);
    expect(again.stdout).toContain("already settled (unsuccessful)");
  });

  it("answers a missing campaign with exit 1 and a missing argument with exit 2", async () => {
    expect((await settle(testNow, "CF-00000000")).code).toBe(1);
    expect((await settle(testNow)).code).toBe(2);
  });
});
