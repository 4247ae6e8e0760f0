import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/platform/config/config.ts";

const node = path.join(projectRoot, "node_modules", ".bin", "node");

function startServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(node, [path.join(projectRoot, "src", "main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      KITH_DATA_DIR: dataDir,
      PORT: String(port),
      KITH_SEED_DEMO: "false",
      // The child inherits VITEST, which would make it silent; these tests read its log.
      KITH_LOG_LEVEL: "info",
      KITH_TEST_SLOW_ROUTE: "true",
      ...env,
    },
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** A port nobody is listening on, so parallel runs on one machine never answer each other's health checks. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error("server exited early");
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("server did not start");
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

// The real server process on PGlite (this suite always uses PGlite, whatever DATABASE_URL says).
describe("server process", { timeout: 300_000 }, () => {
  it("refuses a second process on the same data, finishes an in-flight request on SIGTERM, and closes the database cleanly on SIGTERM and SIGINT", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-server-"));
    const dataDir = path.join(dir, "pglite");
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    const first = startServer(dataDir, firstPort);
    await waitForHealth(firstPort, first.child);
    expect(existsSync(`${dataDir}.lock`)).toBe(true);

    const second = startServer(dataDir, secondPort);
    expect(await exited(second.child)).toBe(1);
    expect(second.output()).toMatch(/is in use by process \d+/);

    // A request still running when SIGTERM arrives is answered before the process exits.
    const slow = fetch(`http://127.0.0.1:${firstPort}/__test/slow?ms=2000`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`http://127.0.0.1:${firstPort}/health/live`)).rejects.toThrow();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("finished after 2000 ms");
    expect(answer.headers.get("x-request-id")).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await exited(first.child)).toBe(0);
    expect(first.output()).toContain("SIGTERM received");
    const lines = first
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { msg: string; path?: string; outcome?: string });
    const order = (match: (line: (typeof lines)[number]) => boolean) => lines.findIndex(match);
    expect(order((line) => line.msg.startsWith("SIGTERM received"))).toBeLessThan(
      order((line) => line.path === "/__test/slow"),
    );
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", outcome: "clean" });
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const againPort = await freePort();
    const again = startServer(dataDir, againPort);
    await waitForHealth(againPort, again.child);
    again.child.kill("SIGINT");
    expect(await exited(again.child)).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("refuses to start in production with unsafe settings, naming every problem and opening nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-production-"));
    const dataDir = path.join(dir, "pglite");
    const server = startServer(dataDir, await freePort(), {
      KITH_ENV: "production",
      HOST: "0.0.0.0",
      KITH_SEED_DEMO: "true",
      KITH_SECRET: "",
      KITH_SMTP_URL: "",
      KITH_MAIL_FROM: "",
      KITH_PUBLIC_URL: "",
      KITH_TRUSTED_PROXIES: "",
    });
    expect(await exited(server.child)).toBe(1);
    const output = server.output();
    expect(output).toContain(
      "Kith will not start in production (KITH_ENV=production) until these are fixed:",
    );
    for (const name of [
      "KITH_SECRET",
      "KITH_SMTP_URL",
      "KITH_MAIL_FROM",
      "KITH_PUBLIC_URL",
      "HOST",
      "KITH_SEED_DEMO",
    ]) {
      expect(output).toMatch(new RegExp(`^  - ${name}\\b`, "m"));
    }
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("refuses a bad setting before anything starts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-config-"));
    const server = startServer(path.join(dir, "pglite"), await freePort(), {
      DATABASE_URL: "postgres://x/y",
      KITH_PG_POOL: "abc",
    });
    expect(await exited(server.child)).toBe(1);
    expect(server.output()).toContain('KITH_PG_POOL must be a whole number from 1 to 100, got "abc"');
  });
});
