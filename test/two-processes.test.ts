import { type ChildProcess, spawn } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/platform/config/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { newId } from "../src/platform/db/ids.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { enqueueJob } from "../src/platform/jobs/jobs.ts";
import { queueEmails } from "../src/platform/jobs/outbox.ts";
import { addUser, testPassword } from "./app.ts";
import { makeOrganisation } from "./fixtures.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp.ts";
import { withDatabaseName } from "./template.ts";

// Kith scales out by running identical processes against one PostgreSQL. This starts two real
// server processes on a fresh database behind one port (a proxy that alternates between them)
// and checks what must hold across them. It always needs PostgreSQL: DATABASE_URL when the
// suite runs on it, otherwise the local server CI provides.
//
// Both processes also run a mail worker against one test SMTP server, so mail sent once by two
// workers and a sign-in lock counted across both are checked here too (issue 12 items 1, 5, 8).

const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const node = path.join(projectRoot, "node_modules", ".bin", "node");
const name = `kith_2proc_${newId().replaceAll("-", "").slice(0, 20)}`;

type Backend = { child: ChildProcess; port: number; output: string; served: number };

type Cluster = {
  database: Database;
  backends: Backend[];
  /** The one address in front of both processes. */
  url: string;
};

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function startBackend(port: number, smtpUrl: string): Backend {
  const backend: Backend = { port, output: "", served: 0, child: undefined as unknown as ChildProcess };
  backend.child = spawn(node, [path.join(projectRoot, "src", "main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabaseName(serverUrl, name),
      PORT: String(port),
      KITH_SEED_DEMO: "false",
      KITH_JOB_WORKERS: "1",
      KITH_JOB_POLL_MS: "50",
      KITH_SMTP_URL: smtpUrl,
      KITH_MAIL_FROM: "kith@two.example.org",
    },
  });
  backend.child.stdout?.on("data", (chunk) => (backend.output += chunk));
  backend.child.stderr?.on("data", (chunk) => (backend.output += chunk));
  return backend;
}

async function waitForHealth(backend: Backend): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (backend.child.exitCode !== null) {
      // "exit" can come before the last of its output has been read: wait for the pipes to close.
      await new Promise((resolve) =>
        backend.child.stdout?.closed ? resolve(null) : backend.child.once("close", resolve),
      );
      throw new Error(`A Kith process exited early (code ${backend.child.exitCode}):\n${backend.output}`);
    }
    const ok = await fetch(`http://127.0.0.1:${backend.port}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`A Kith process did not start:\n${backend.output}`);
}

/** Sends each request to the next backend in turn, and counts what each served. */
function alternatingProxy(backends: Backend[]): Server {
  let next = 0;
  return createServer((incoming, outgoing) => {
    const backend = backends[next++ % backends.length];
    const forwarded = request(
      {
        host: "127.0.0.1",
        port: backend.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        backend.served++;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
}

describe("two Kith processes on one PostgreSQL database", { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let proxy: Server;
  let organisationId: string;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    const admin = await openPostgres(serverUrl);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    smtp = await startTestSmtpServer();
    const backends = [startBackend(await freePort(), smtp.url), startBackend(await freePort(), smtp.url)];
    await Promise.all(backends.map(waitForHealth));
    proxy = alternatingProxy(backends);
    const url = `http://127.0.0.1:${await listen(proxy)}`;
    const database = await openPostgres(withDatabaseName(serverUrl, name));
    cluster = { database, backends, url };
    organisationId = (await makeOrganisation(database.db)).id;
    await addUser(database, organisationId, "officer", "two@example.org");
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await Promise.all(
      (cluster?.backends ?? []).map(
        (backend) =>
          new Promise((resolve) => {
            if (backend.child.exitCode !== null) return resolve(null);
            backend.child.once("exit", resolve);
            backend.child.kill("SIGTERM");
          }),
      ),
    );
    await cluster?.database.close();
    await smtp?.close();
    const admin = await openPostgres(serverUrl);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });

  it("keeps a session started through one process working on the other", async () => {
    const cookies = new Map<string, string>();
    const send = async (pathname: string, init: RequestInit = {}) => {
      const cookie = [...cookies].map(([key, value]) => `${key}=${value}`).join("; ");
      const response = await fetch(`${cluster.url}${pathname}`, {
        ...init,
        redirect: "manual",
        headers: { ...(init.headers as Record<string, string>), cookie },
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(";");
        const [key, value] = pair.split("=");
        cookies.set(key, value);
      }
      return response;
    };
    const form = await (await send("/sign-in")).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const signedIn = await send("/sign-in", {
      method: "POST",
      body: new URLSearchParams({ _csrf: csrf, email: "two@example.org", password: testPassword }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(signedIn.status).toBe(303);
    const servedBefore = cluster.backends.map((backend) => backend.served);
    for (let i = 0; i < 4; i++) {
      const page = await send("/people");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Sign out");
    }
    // Both processes answered signed-in requests.
    cluster.backends.forEach((backend, i) => {
      expect(backend.served - (servedBefore[i] ?? 0)).toBe(2);
    });
  });

  it("runs each queued job once, with both processes' runners taking jobs", async () => {
    const count = 200;
    for (let i = 0; i < count; i++) {
      await enqueueJob(cluster.database.db, {
        name: "crowdfunding.close-due-campaigns",
        runAt: new Date("2000-01-01T00:00:00Z"),
        organisationId,
        dedupeKey: `two-processes:${i}`,
      });
    }
    const finished = async () =>
      cluster.database.query<{ status: string; attempts: number; claimed_by: string }>(
        "SELECT status, attempts, claimed_by FROM job WHERE dedupe_key LIKE 'two-processes:%'",
      );
    for (let i = 0; i < 600; i++) {
      if ((await finished()).every((row) => row.status === "done")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const rows = await finished();
    expect(rows).toHaveLength(count);
    // A job run twice would have been claimed twice: every claim adds an attempt.
    expect(rows.every((row) => row.status === "done" && row.attempts === 1)).toBe(true);
    // One worker per process, so two distinct owners means both processes ran jobs.
    expect(new Set(rows.map((row) => row.claimed_by)).size).toBe(2);
  });

  it("sends each queued email once although both processes' mail workers drain the outbox", async () => {
    const count = 40;
    await queueEmails(
      cluster.database.db,
      organisationId,
      new Date(),
      Array.from({ length: count }, (_, i) => ({
        recipient: `resident${i}@two.example.org`,
        subject: `Your voting code ${i}`,
        body: "Use it before the vote closes.",
      })),
    );
    for (let i = 0; i < 600 && smtp.received.length < count; i++)
      await new Promise((r) => setTimeout(r, 100));
    // Give a second (wrong) delivery time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const recipients = smtp.received.flatMap((mail) => mail.to);
    expect(recipients).toHaveLength(count);
    expect(new Set(recipients).size).toBe(count);
    const [{ sent }] = await cluster.database.query<{ sent: number }>(
      "SELECT count(*)::int AS sent FROM outbound_message WHERE organisation_id = $1 AND sent_at IS NOT NULL",
      [organisationId],
    );
    expect(sent).toBe(count);
  });

  it("counts wrong passwords sent through both processes towards one lock", async () => {
    await addUser(cluster.database, organisationId, "officer", "locked@example.org");
    const tryPassword = async (password: string) => {
      const page = await fetch(`${cluster.url}/sign-in`);
      const cookie = page.headers
        .getSetCookie()
        .map((header) => header.split(";")[0])
        .join("; ");
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      const answer = await fetch(`${cluster.url}/sign-in`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ _csrf: csrf, email: "locked@example.org", password }),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      });
      return { status: answer.status, text: await answer.text() };
    };
    // Five wrong passwords, alternating between the two processes, lock the account...
    for (let i = 0; i < 5; i++) expect((await tryPassword(`wrong-${i}`)).status).not.toBe(303);
    // ...so the right one is refused on either process.
    for (let i = 0; i < 2; i++) {
      const refused = await tryPassword(testPassword);
      expect(refused.status).not.toBe(303);
      expect(refused.text).toContain("This account is locked");
    }
  });
});
