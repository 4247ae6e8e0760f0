import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/platform/config/config.ts";

const node = path.join(projectRoot, "node_modules", ".bin", "node");

function startServer(dataDir: string, port: number): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(node, [path.join(projectRoot, "src", "main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      KITH_DATA_DIR: dataDir,
      PORT: String(port),
      KITH_SEED_DEMO: "false",
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
  it("refuses a second process on the same data, and closes the database cleanly on SIGTERM and SIGINT", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-server-"));
    const dataDir = path.join(dir, "pglite");
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    const first = startServer(dataDir, firstPort);
    await waitForHealth(firstPort, first.child);
    expect(existsSync(`${dataDir}.lock`)).toBe(true);

    const second = startServer(dataDir, secondPort);
    expect(await exited(second.child)).toBe(1);
    expect(second.output()).toMatch(/is in use by process \d+/);

    first.child.kill("SIGTERM");
    expect(await exited(first.child)).toBe(0);
    expect(first.output()).toContain("SIGTERM received");
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const againPort = await freePort();
    const again = startServer(dataDir, againPort);
    await waitForHealth(againPort, again.child);
    again.child.kill("SIGINT");
    expect(await exited(again.child)).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
