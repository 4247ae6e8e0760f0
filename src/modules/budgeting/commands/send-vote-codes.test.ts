import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { CliContext } from "../../module.ts";
import { createPerson } from "../../people/index.ts";
import { runPbSendCodes } from "../cli/pb-import-export.ts";
import { processForm } from "../test-support.ts";
import { createProcess } from "./create-process.ts";
import { advancePhase } from "./manage-process.ts";
import { sendVoteCodes } from "./send-vote-codes.ts";
import { redeemVoteCode } from "./vote-codes.ts";

describe("emailing voting codes", () => {
  let database: Database;
  let orgId: string;
  let processId: string;
  const people: Record<string, string> = {};
  const officer = () => actorFor(orgId, "officer");
  const outbox = () =>
    database.query<{ recipient: string; body: string }>(
      "SELECT recipient, body FROM outbound_message WHERE organisation_id = $1 ORDER BY recipient",
      [orgId],
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db)).id;
    for (const [name, dateOfBirth, email] of [
      ["Adult", "1980-01-01", "adult@example.org"],
      ["Child", "2015-01-01", "child@example.org"],
      ["Offline", "1970-01-01", null],
    ] as const) {
      people[name] = (
        await createPerson(database.db, officer(), testNow, {
          givenName: name,
          familyName: "Voter",
          dateOfBirth,
          personType: "tenant",
          confirmNotDuplicate: "yes",
          ...(email ? { email } : {}),
        })
      ).id;
    }
    processId = (await createProcess(database.db, officer(), testNow, processForm())).id;
  });
  afterAll(async () => database.close());

  it("waits until ideas are being checked", async () => {
    await expect(
      sendVoteCodes(database.db, officer(), testNow, processId, "https://kith.example"),
    ).rejects.toMatchObject({ status: 409 });
    await advancePhase(database.db, officer(), testNow, processId, "proposals");
  });

  it("emails one single-use code to each eligible resident with an email, keeping only its hash", async () => {
    const made = await sendVoteCodes(database.db, officer(), testNow, processId, "https://kith.example");
    expect(made).toEqual({ sent: 1, alreadyHadCode: 0, notEligible: 1 });
    const [message] = await outbox();
    expect(message.recipient).toBe("adult@example.org");
    expect(message.body).toContain(`https://kith.example/pb/${orgId}/${processId}/vote`);
    expect(message.body).toContain("30 June 2026");
    // The code stands on its own line; an unanchored pattern could match digits inside the
    // link's UUIDs (e.g. "…-7924-8123-…") and made this test fail now and then.
    const code = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/m.exec(message.body)?.[0] ?? "";
    expect(code).not.toBe("");
    const stored = await database.query<{ code_hash: string }>("SELECT code_hash FROM pb_vote_code");
    expect(stored).toHaveLength(1);
    expect(stored[0].code_hash).not.toContain(code.replace(/-/g, ""));
    const audits = await database.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_log WHERE entity_type = 'pb_vote_code' AND action = 'create'",
    );
    expect(audits.map((a) => a.entity_id)).toEqual([people.Adult]);

    const redeemed = await redeemVoteCode(database.db, testNow, orgId, processId, code);
    expect(redeemed.personId).toBe(people.Adult);
    await expect(redeemVoteCode(database.db, testNow, orgId, processId, code)).rejects.toMatchObject({
      status: 422,
      fieldErrors: { code: expect.stringMatching(/already been used/) },
    });
  });

  it("never sends a second code to the same resident, from the page's command or the CLI", async () => {
    let out = "";
    const context: CliContext = {
      openDatabase: async () => ({ ...database, close: async () => {} }),
      io: { stdout: (t) => (out += t), stderr: () => {} },
      now: () => testNow,
    };
    expect(await runPbSendCodes([processId, "--organisation", orgId], context)).toBe(0);
    expect(out).toContain("Queued voting codes for 0 residents; 1 already had one");
    expect(await outbox()).toHaveLength(1);
    await expect(
      sendVoteCodes(database.db, actorFor(orgId, "read-only"), testNow, processId, "https://kith.example"),
    ).rejects.toMatchObject({ status: 403 });
  });
});
