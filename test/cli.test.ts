import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.ts";

type Run = { code: number; stdout: string; stderr: string };

async function kith(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

// The CLI opens the same database as `npm start`: here a fresh PGlite folder, or the
// suite's PostgreSQL database when DATABASE_URL is set (CI creates a fresh one per run).
describe("kith command line", { timeout: 240_000 }, () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kith-cli-"));
    process.env.KITH_DATA_DIR = path.join(dir, "pglite");
    process.env.KITH_SEED_DEMO = "false";
  });
  afterAll(() => {
    process.env = saved;
  });

  it("explains its commands, and refuses unknown ones and bad arguments with exit code 2", async () => {
    const help = await kith("help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("kith import homes FILE.csv");
    expect(help.stdout).toContain("kith audit verify");
    expect((await kith("frobnicate")).code).toBe(2);
    expect((await kith("backup")).stderr).toContain("Missing file");
    const badRole = await kith(
      "user",
      "create",
      "--organisation",
      "x",
      "--email",
      "a@b.org",
      "--name",
      "A",
      "--role",
      "king",
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Unknown role "king"');
  });

  it("creates an organisation and its first admin, imports homes all-or-nothing, verifies the audit log, and backs up and restores", async () => {
    const org = await kith(
      "organisation",
      "create",
      "--name",
      "Swale Housing",
      "--kind",
      "housing-association",
      "--la-codes",
      "E07000113",
    );
    expect(org.code).toBe(0);
    const slug = /\((swale-housing-[^)]+)\)/.exec(org.stdout)?.[1] ?? "";
    expect(slug).not.toBe("");
    const admin = await kith(
      "user",
      "create",
      "--organisation",
      slug,
      "--email",
      "admin@swale.example",
      "--name",
      "Sam Admin",
      "--role",
      "organisation-admin",
    );
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/reset-password\/r_/);

    const bad = path.join(dir, "bad.csv");
    await writeFile(
      bad,
      "uprn,address_line_1,town,postcode,tenure,la_code\n1,1 Road,Sittingbourne,ME10 1AA,social-rent,E07000113\n2,2 Road,Sittingbourne,ME10,social-rent,E07000113\n",
    );
    const refused = await kith("import", "homes", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("line 3: postcode: Enter a real postcode");
    expect(refused.stderr).toContain("Nothing was imported");

    const good = path.join(dir, "good.csv");
    await writeFile(
      good,
      "uprn,address_line_1,town,postcode,tenure,la_code\n1,1 Road,Sittingbourne,ME10 1AA,social-rent,E07000113\n2,2 Road,Sittingbourne,ME10 1AB,social-rent,E07000113\n",
    );
    const imported = await kith("import", "homes", good, "--organisation", slug);
    expect(imported.stdout).toContain("Imported 2 homes");

    const missingColumn = path.join(dir, "columns.csv");
    await writeFile(missingColumn, "uprn,town\n1,X\n");
    const columns = await kith("import", "homes", missingColumn);
    expect(columns.code).toBe(1);
    expect(columns.stderr).toContain("missing the columns address_line_1, postcode, tenure, la_code");
    expect((await kith("import", "homes", path.join(dir, "nope.csv"))).stderr).toContain("File not found");

    const verified = await kith("audit", "verify");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/Audit log intact: \d+ entries/);

    const backupFile = path.join(dir, "kith.backup.gz");
    expect((await kith("backup", backupFile)).code).toBe(0);
    const more = path.join(dir, "more.csv");
    await writeFile(
      more,
      "uprn,address_line_1,town,postcode,tenure,la_code\n3,3 Road,Sittingbourne,ME10 1AC,social-rent,E07000113\n",
    );
    await kith("import", "homes", more);
    const restored = await kith("restore", backupFile);
    expect(restored.code).toBe(0);
    const again = await kith("import", "homes", more);
    expect(again.stdout).toContain("Imported 1 homes");
  });
});
