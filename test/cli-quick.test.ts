import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli.ts";

const root = path.resolve(import.meta.dirname, "..");
const instance = path.join(
  root,
  "..",
  "shared",
  "pb",
  "instances",
  "poland_warszawa_2018_pole-mokotowskie.pb",
);

async function throughFullCli(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return { code, out };
}

describe("kith pb results on the quick path", { timeout: 120_000 }, () => {
  it("prints exactly what the full command line prints, and the same exit code, for a good file and a missing one", async () => {
    for (const args of [
      ["pb", "results", instance, "--rule", "mes"],
      ["pb", "results", path.join(root, "no-such-file.pb")],
    ]) {
      const quick = spawnSync(
        path.join(root, "node_modules", ".bin", "node"),
        [path.join(root, "bin", "kith.js"), ...args],
        {
          encoding: "utf8",
        },
      );
      const full = await throughFullCli(args);
      expect(quick.status).toBe(full.code);
      expect(quick.stdout + quick.stderr).toBe(full.out);
    }
  });
});
