import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.ts";

// Issue 18 item 11: file errors in backup and restore used to escape as a stream error and a stack trace.

async function kith(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await runCli(argv, { stdout: () => {}, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

describe("kith backup and restore with a bad file", { timeout: 240_000 }, () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kith-cli-files-"));
    process.env.KITH_DATA_DIR = path.join(dir, "pglite");
    process.env.KITH_SEED_DEMO = "false";
  });
  afterAll(() => {
    process.env = saved;
  });

  it("says plainly that a backup to restore does not exist", async () => {
    const missing = path.join(dir, "missing.gz");
    const run = await kith("restore", missing);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`File not found: ${missing}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("says plainly that a backup cannot be written where asked", async () => {
    const run = await kith("backup", "/proc/x/y.gz");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("File not found: /proc/x/y.gz");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the reason for a folder given as the backup file", async () => {
    const run = await kith("backup", dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot use the file ${dir}: it is a folder, not a file`);
  });
});
