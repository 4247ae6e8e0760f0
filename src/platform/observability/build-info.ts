import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config/config.ts";

export type BuildInfo = { version: string; commit: string | null };

let cached: BuildInfo | undefined;

/** Version from package.json; commit from KITH_COMMIT, else git when the code is a checkout. Read once. */
export function buildInfo(configuredCommit: string | undefined): BuildInfo {
  if (cached && (configuredCommit === undefined || cached.commit === configuredCommit)) return cached;
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as {
    version: string;
  };
  cached = { version: manifest.version, commit: configuredCommit ?? gitCommit() };
  return cached;
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: projectRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 2000,
    }).trim();
  } catch {
    // An installed release has no .git folder: KITH_COMMIT is the way to say which build runs.
    return null;
  }
}
