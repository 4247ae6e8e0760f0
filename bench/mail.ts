// Mail throughput (issue 12): messages per second from the outbox, through the mail worker and
// nodemailer, to a local SMTP server (smtp-server, which also parses each message it receives,
// in this same process). Run with one worker and then with two draining at once; each run checks
// that every message arrived exactly once.
//
//   npx node bench/mail.ts [MESSAGES]                                   (PGlite in memory)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx node bench/mail.ts [MESSAGES]
//
// Default 2,000 messages per run. On PostgreSQL it creates kith_bench_mail and drops it after.
import { loadavg } from "node:os";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { queueEmails } from "../src/platform/jobs/outbox.ts";
import { deliverQueuedMail } from "../src/platform/mail/deliver.ts";
import { smtpTransport } from "../src/platform/mail/transport.ts";
import { startTestSmtpServer } from "../test/smtp.ts";
import { withDatabaseName } from "../test/template.ts";

const messages = Number(process.argv[2] ?? 2_000);
if (!Number.isInteger(messages) || messages < 1) {
  console.error("Usage: node bench/mail.ts [MESSAGES]   (a whole number)");
  process.exit(2);
}

const serverUrl = process.env.DATABASE_URL;
const name = "kith_bench_mail";
const admin = serverUrl ? await openPostgres(serverUrl) : null;
if (admin) {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
}
const database: Database = serverUrl
  ? await openPostgres(withDatabaseName(serverUrl, name))
  : await openMemoryPglite();
const smtp = await startTestSmtpServer();
let exact = true;

async function run(label: string, workers: number): Promise<void> {
  const now = new Date();
  const org = await createOrganisation(database.db, null, now, {
    name: `Bench ${label}`,
    kind: "housing-association",
  });
  for (let start = 0; start < messages; start += 500) {
    const batch = Array.from({ length: Math.min(500, messages - start) }, (_, i) => ({
      recipient: `${label}-${start + i}@example.org`,
      subject: "Your repair appointment",
      body: `Your repair is booked.\n\nSee https://kith.example/repairs/${start + i} for details.`,
    }));
    await queueEmails(database.db, org.id, now, batch);
  }
  const before = smtp.received.length;
  const drain = async (workerId: string) => {
    const transport = smtpTransport(smtp.url);
    for (;;) {
      const result = await deliverQueuedMail(database, transport, now, {
        workerId,
        defaultSender: "bench@kith.example",
      });
      if (result.claimed === 0) break;
    }
    transport.close();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, (_, i) => drain(`${label}-${i}`)));
  const seconds = (performance.now() - started) / 1000;
  const arrived = smtp.received.slice(before).map((mail) => mail.to[0]);
  const unique = new Set(arrived).size;
  if (arrived.length !== messages || unique !== messages) exact = false;
  console.log(
    `${label}: ${messages} messages, ${workers} worker(s): ${seconds.toFixed(2)} s, ` +
      `${(messages / seconds).toFixed(0)} messages/s; arrived ${arrived.length}, distinct ${unique}`,
  );
}

try {
  await migrate(database);
  console.log(
    `Mail benchmark on ${database.describe}; load average before ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  await run("one", 1);
  await run("two", 2);
  console.log(
    `Load average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await smtp.close();
  await database.close();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}
process.exit(exact ? 0 : 1);
