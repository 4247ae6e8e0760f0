import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../../../test/smtp.ts";
import type { Database } from "../db/database.ts";
import { queueEmails } from "../jobs/outbox.ts";
import { smtpTransport } from "./transport.ts";
import { startMailWorker } from "./worker.ts";

describe("the background mail worker", () => {
  let database: Database;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    database = await openTestDatabase();
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  it("keeps draining full batches, then picks up mail queued while it waits, until stopped", async () => {
    const org = await makeOrganisation(database.db);
    const emails = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        recipient: `${prefix}${i}@example.org`,
        subject: "Hi",
        body: "Hi",
      }));
    await queueEmails(database.db, org.id, testNow, emails("first", 5));
    const worker = startMailWorker(database, smtpTransport(smtp.url), {
      defaultSender: "no-reply@kith.example",
      batchSize: 2,
      intervalMs: 50,
      clock: () => testNow,
    });
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(5);
    await queueEmails(database.db, org.id, testNow, emails("later", 1));
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(6);
    await worker.stop();
    await queueEmails(database.db, org.id, testNow, emails("after-stop", 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(6);
    const [left] = await database.query<{ status: string }>(
      "SELECT status FROM outbound_message WHERE recipient = 'after-stop0@example.org'",
    );
    expect(left.status).toBe("queued");
  });
});
