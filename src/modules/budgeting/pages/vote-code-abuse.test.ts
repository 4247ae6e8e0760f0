import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../../test/app.ts";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { createProcess } from "../commands/create-process.ts";
import { advancePhase } from "../commands/manage-process.ts";
import { issueVoteCode, redeemVoteCode } from "../commands/vote-codes.ts";
import { adultVoter, processForm } from "../test-support.ts";

describe("voting codes against abuse", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let orgId: string;
  let processId: string;
  let personId: string;
  const officer = () => actorFor(orgId, "officer");

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database, undefined, {
      config: { publicUrl: "https://kith.example.org" },
      limits: { "vote-code": { max: 2, windowMs: 15 * 60_000 } },
    });
    orgId = (await makeOrganisation(database.db)).id;
    await addUser(database, orgId, "officer", "pb-officer@example.org");
    personId = await adultVoter(database.db, orgId, "Ada", "ada@example.org");
    await adultVoter(database.db, orgId, "Ben", "ben@example.org");
    processId = (await createProcess(database.db, officer(), testNow, processForm())).id;
  });
  afterAll(async () => database.close());

  it("opens the ballot once when one code is used twice at the same moment", async () => {
    const code = await issueVoteCode(database.db, officer(), testNow, processId, personId);
    const outcomes = await Promise.allSettled([
      redeemVoteCode(database.db, testNow, orgId, processId, code),
      redeemVoteCode(database.db, testNow, orgId, processId, code),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({
      reason: { status: 422 },
    });
  });

  it("emails codes with links on the configured public URL, whatever the Host header says", async () => {
    await advancePhase(database.db, officer(), testNow, processId, "proposals");
    const browser = new TestBrowser(app);
    await browser.signIn("pb-officer@example.org");
    const csrf = await browser.csrfToken(`/budgeting/${processId}`);
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const sent = await app.request(`http://evil.example/budgeting/${processId}/codes/send`, {
      method: "POST",
      headers: { host: "evil.example", cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(sent.status).toBe(303);
    const [message] = await database.query<{ body: string }>(
      "SELECT body FROM outbound_message WHERE recipient = 'ben@example.org'",
    );
    expect(message.body).toContain(`https://kith.example.org/pb/${orgId}/${processId}/vote`);
    expect(message.body).not.toContain("evil.example");
  });

  it("stops one address guessing codes, with a plain message and Retry-After", async () => {
    const browser = new TestBrowser(app);
    const csrf = await browser.csrfToken("/sign-in");
    const guess = () => browser.post(`/pb/${orgId}/${processId}/code`, { code: "AAAA-BBBB-CC" }, { csrf });
    expect((await guess()).status).not.toBe(429);
    expect((await guess()).status).not.toBe(429);
    const limited = await guess();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("too many voting code attempts");
  });
});
