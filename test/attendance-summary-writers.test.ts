import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/platform/config/config.ts";

// The attendance summary (migration 0910) is exact only if every writer of what it is made from
// refreshes it in the same transaction. A new writer that forgets fails here, by name.

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(projectRoot, folder), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(relative)));
    // Tests write rows to probe constraints and never read the summary afterwards.
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) files.push(relative);
  }
  return files;
}

async function filesMatching(pattern: RegExp): Promise<string[]> {
  const files = [
    ...(await sourceFiles("src")),
    ...(await sourceFiles("bench")),
    ...(await sourceFiles("scripts")),
  ];
  const matching: string[] = [];
  for (const file of files)
    if (pattern.test(await readFile(path.join(projectRoot, file), "utf8"))) matching.push(file);
  return matching.sort();
}

// Writing attendance, or a session's date, depth or project (which move its visits between months,
// depths and themes).
const writesVisits =
  /(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+(attendance|activity_session)\b|\.(insert|update|delete)\(\s*(attendance|activitySession)\s*\)|bulkInsert\([^,]+,\s*(attendance|activitySession)\b/;
const refreshes = /\b(refreshAttendanceSummary|rebuildAttendanceSummary)\(/;

describe("the attendance summary's writers", () => {
  it("refresh it wherever attendance or sessions are written", async () => {
    const writers = await filesMatching(writesVisits);
    expect(writers).toContain("src/modules/investment/commands/attendance-rows.ts");
    const forgetful: string[] = [];
    for (const file of writers) {
      const text = await readFile(path.join(projectRoot, file), "utf8");
      // Recording a new session writes no attendance: its register is written (and the summary
      // refreshed) by upsertAttendance afterwards.
      const onlyNewSessions =
        !/(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+attendance\b|\.(insert|update|delete)\(\s*attendance\s*\)|bulkInsert\([^,]+,\s*attendance\b/.test(
          text,
        ) &&
        !/UPDATE\s+activity_session\b|\.(update|delete)\(\s*activitySession\s*\)|DELETE\s+FROM\s+activity_session\b/.test(
          text,
        );
      if (!onlyNewSessions && !refreshes.test(text)) forgetful.push(file);
    }
    expect(forgetful).toEqual([]);
  });

  it("know that a project's themes are written only when the project is created", async () => {
    // The summary holds the themes a person came to; changing a project's themes later would have to
    // recompute every person who came to its sessions. Today only creation writes them.
    const writers = await filesMatching(
      /(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+project_theme\b|\.(insert|update|delete)\(\s*projectTheme\s*\)|schema\.projectTheme\b/,
    );
    expect(writers).toEqual([
      "bench/impact.ts",
      "src/modules/investment/commands/create-project.ts",
      "src/modules/investment/seed-projects.ts",
    ]);
  });
});
