import type { Hono } from "hono";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProcess } from "../src/modules/budgeting/commands/create-process.ts";
import { advancePhase } from "../src/modules/budgeting/commands/manage-process.ts";
import { sendVoteCodes } from "../src/modules/budgeting/commands/send-vote-codes.ts";
import { redeemVoteCode } from "../src/modules/budgeting/commands/vote-codes.ts";
import { processForm } from "../src/modules/budgeting/test-support.ts";
import { createPerson } from "../src/modules/people/index.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv } from "../src/platform/http/app-env.ts";
import { queueEmails } from "../src/platform/jobs/outbox.ts";
import { type DeliveryRun, deliverQueuedMail, retryDelayMs } from "../src/platform/mail/deliver.ts";
import { type MailTransport, smtpTransport } from "../src/platform/mail/transport.ts";
import { addUser, buildTestApp, TestBrowser } from "./app.ts";
import { openTestDatabase } from "./database.ts";
import { actorFor, makeOrganisation, testNow } from "./fixtures.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp.ts";

// Mail goes through a real SMTP server started here, and the tests read what arrived.
describe("the mail worker", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let orgId: string;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  const drain = (now = testNow, workerId = "worker-a", extra: { batchSize?: number } = {}) =>
    deliverQueuedMail(database, transport, now, {
      workerId,
      defaultSender: "no-reply@kith.example",
      ...extra,
    });
  const row = async (recipient: string) =>
    (
      await database.query<{
        status: string;
        attempts: number;
        last_error: string | null;
        sent_at: Date | null;
      }>("SELECT status, attempts, last_error, sent_at FROM outbound_message WHERE recipient = $1", [
        recipient,
      ])
    )[0];

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    orgId = (await makeOrganisation(database.db, "Weald Homes")).id;
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    smtp = await startTestSmtpServer();
    transport = smtpTransport(smtp.url);
  });
  afterEach(async () => {
    transport.close();
    await smtp.close();
  });

  it("sends a password reset link that works when followed", async () => {
    await addUser(database, orgId, "officer", "forgetful@example.org");
    const browser = new TestBrowser(app);
    const asked = await browser.post("/forgot-password", { email: "forgetful@example.org" });
    expect(await asked.text()).toContain("Check your email");

    expect(await drain()).toMatchObject({ claimed: 1, sent: 1 });
    const [mail] = smtp.received;
    expect(mail.to).toEqual(["forgetful@example.org"]);
    expect(mail.from).toBe('"Weald Homes" <no-reply@kith.example>');
    expect(mail.text).toContain("Weald Homes");
    expect(mail.text).toContain("someone asked to reset the password");
    const link = /https?:\/\/\S+\/reset-password\/\S+/.exec(mail.text)?.[0] ?? "";
    expect(link).not.toBe("");
    expect(mail.html).toContain(`<a href="${link}">`);
    expect((await row("forgetful@example.org")).status).toBe("sent");

    const path = new URL(link).pathname;
    expect((await browser.get(path)).status).toBe(200);
    const changed = await browser.post(
      path,
      { password: "a brand new long password" },
      { csrf: await browser.csrfToken(path) },
    );
    expect(await changed.text()).toContain("Password changed");
    const signedIn = await browser.signIn("forgetful@example.org", "a brand new long password");
    expect(signedIn.status).toBe(303);
  });

  it("sends a participatory budgeting voting code that can be used to vote", async () => {
    const officer = actorFor(orgId, "officer");
    await createPerson(database.db, officer, testNow, {
      givenName: "Vera",
      familyName: "Voter",
      dateOfBirth: "1980-01-01",
      personType: "tenant",
      confirmNotDuplicate: "yes",
      email: "vera@example.org",
    });
    const process = await createProcess(database.db, officer, testNow, processForm());
    await advancePhase(database.db, officer, testNow, process.id, "proposals");
    await sendVoteCodes(database.db, officer, testNow, process.id, "https://kith.example");

    await drain();
    const mail = smtp.received.find((m) => m.to.includes("vera@example.org"));
    expect(mail?.subject).toBe("Your voting code for Green fund");
    expect(mail?.text).toContain('you can vote in "Green fund"');
    const code = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/m.exec(mail?.text ?? "")?.[0] ?? "";
    expect(code).not.toBe("");
    const redeemed = await redeemVoteCode(database.db, testNow, orgId, process.id, code);
    expect(redeemed.personId).toBeTruthy();
  });

  it("sends a reminder with the organisation's own sender and the reason it was sent", async () => {
    await database.query(
      "UPDATE organisation SET mail_sender_name = 'Weald Homes Grants', mail_sender_address = 'grants@weald.example' WHERE id = $1",
      [orgId],
    );
    await queueEmails(database.db, orgId, testNow, [
      {
        recipient: "grants-officer@example.org",
        subject: "Grant report due",
        body: "The end-of-grant report for Green Shoots is due on 30 June 2026.",
        reason: "You got this email because you manage grants for Weald Homes.",
      },
    ]);
    await drain();
    const [mail] = smtp.received;
    expect(mail.from).toBe('"Weald Homes Grants" <grants@weald.example>');
    expect(mail.messageId).toMatch(/@weald\.example>$/);
    expect(mail.text).toContain("is due on 30 June 2026");
    expect(mail.text).toContain("because you manage grants for Weald Homes");
    expect(mail.html).toContain("because you manage grants for Weald Homes");
    await database.query(
      "UPDATE organisation SET mail_sender_name = NULL, mail_sender_address = NULL WHERE id = $1",
      [orgId],
    );
  });

  it("tries again later when the server refuses for now, and then delivers", async () => {
    smtp.refuse = (recipient, offer) =>
      recipient === "busy@example.org" && offer === 1 ? { code: 451, message: "Try again later" } : undefined;
    await queueEmails(database.db, orgId, testNow, [
      { recipient: "busy@example.org", subject: "Hello", body: "Hi" },
    ]);

    expect(await drain()).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    expect(await row("busy@example.org")).toMatchObject({ status: "queued", attempts: 1 });
    expect((await row("busy@example.org")).last_error).toContain("451");
    // Not due again until the back-off has passed.
    expect((await drain(new Date(testNow.getTime() + retryDelayMs(1) - 1))).claimed).toBe(0);

    expect(await drain(new Date(testNow.getTime() + retryDelayMs(1)))).toMatchObject({ sent: 1 });
    expect(await row("busy@example.org")).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(smtp.received.map((m) => m.to[0])).toEqual(["busy@example.org"]);
  });

  it("gives up as failed after the attempt limit when the recipient is always rejected", async () => {
    smtp.refuse = (recipient) =>
      recipient === "nobody@example.org" ? { code: 550, message: "No such user here" } : undefined;
    await queueEmails(database.db, orgId, testNow, [
      { recipient: "nobody@example.org", subject: "Hello", body: "Hi" },
    ]);
    let at = testNow.getTime();
    const runs: DeliveryRun[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      runs.push(await drain(new Date(at)));
      at += retryDelayMs(attempt);
    }
    expect(runs.map((r) => r.retrying)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(runs[4].failed).toBe(1);
    expect(runs[5].claimed).toBe(0);
    const failed = await row("nobody@example.org");
    expect(failed).toMatchObject({ status: "failed", attempts: 5, sent_at: null });
    expect(failed.last_error).toMatch(/^550 .*No such user here/);
    expect(smtp.offers.get("nobody@example.org")).toBe(5);
    expect(smtp.received).toEqual([]);
  });

  it("never sends a message twice when two workers drain the outbox at the same time", async () => {
    const recipients = Array.from({ length: 60 }, (_, i) => `resident${i}@example.org`);
    await queueEmails(
      database.db,
      orgId,
      testNow,
      recipients.map((recipient) => ({ recipient, subject: "Estate newsletter", body: "News" })),
    );
    const otherTransport = smtpTransport(smtp.url);
    const worker = async (workerId: string, via: MailTransport) => {
      let total = 0;
      for (;;) {
        const run = await deliverQueuedMail(database, via, testNow, {
          workerId,
          defaultSender: "no-reply@kith.example",
          batchSize: 7,
        });
        total += run.sent;
        if (run.claimed === 0) return total;
      }
    };
    const [a, b] = await Promise.all([worker("worker-a", transport), worker("worker-b", otherTransport)]);
    otherTransport.close();
    expect(a + b).toBe(60);
    expect(smtp.received).toHaveLength(60);
    expect(new Set(smtp.received.map((m) => m.to[0]))).toEqual(new Set(recipients));
    expect(recipients.every((recipient) => smtp.offers.get(recipient) === 1)).toBe(true);
  });

  it("claims one organisation at a time, oldest waiting first, and fills the batch from the next", async () => {
    // Mail an earlier test left due goes first, so the batch below holds only this test's.
    while ((await drain()).claimed > 0);
    smtp.received.length = 0;
    const otherId = (await makeOrganisation(database.db, "Downs Homes")).id;
    await queueEmails(database.db, otherId, new Date(testNow.getTime() - 60_000), [
      { recipient: "downs1@example.org", subject: "Older", body: "Sent first" },
    ]);
    await queueEmails(database.db, orgId, testNow, [
      { recipient: "weald1@example.org", subject: "Newer", body: "Hi" },
      { recipient: "weald2@example.org", subject: "Newer", body: "Hi" },
    ]);
    const first = await drain(testNow, "worker-a", { batchSize: 2 });
    expect(first).toMatchObject({ claimed: 2, sent: 2 });
    // The other organisation's older message first, then one of Weald's two.
    expect(smtp.received.map((m) => m.to[0].slice(0, 5)).sort()).toEqual(["downs", "weald"]);
    expect((await drain(testNow)).sent).toBe(1);
    for (const recipient of ["downs1@example.org", "weald1@example.org", "weald2@example.org"])
      expect(smtp.offers.get(recipient)).toBe(1);
  });

  it("marks a message whose worker stopped mid-send as failed instead of sending it again", async () => {
    await queueEmails(database.db, orgId, testNow, [
      { recipient: "crash@example.org", subject: "Hello", body: "Hi" },
    ]);
    // A worker claims the message and dies before recording the result.
    const dying: MailTransport = { send: () => new Promise(() => {}), close: () => {} };
    void deliverQueuedMail(database, dying, testNow, {
      workerId: "dying",
      defaultSender: "no-reply@kith.example",
    });
    await expect.poll(async () => (await row("crash@example.org")).status).toBe("sending");

    expect((await drain(new Date(testNow.getTime() + 60_000))).claimed).toBe(0);
    const afterLease = await drain(new Date(testNow.getTime() + 16 * 60_000));
    expect(afterLease).toMatchObject({ abandoned: 1, claimed: 0 });
    const abandoned = await row("crash@example.org");
    expect(abandoned.status).toBe("failed");
    expect(abandoned.last_error).toContain("Delivery uncertain");
    expect(smtp.offers.get("crash@example.org")).toBeUndefined();
  });
});
