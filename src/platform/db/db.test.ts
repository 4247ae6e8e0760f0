import { existsSync } from "node:fs";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { createHome } from "../../modules/places/index.ts";
import { verifyAuditChain } from "../audit/audit-log.ts";
import { BackupFormatError, backupDatabase, restoreDatabase } from "./backup.ts";
import type { Database } from "./database.ts";
import { migrate } from "./migrate.ts";
import { openDatabase } from "./open.ts";
import { openPglite } from "./open-pglite.ts";
import { DatabaseLockedError } from "./pglite-lock.ts";

const countHomes = async (database: Database) =>
  (await database.query<{ n: number }>("SELECT count(*)::int AS n FROM home"))[0].n;

describe("database lifecycle", () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "kith-db-"));
  });
  afterAll(async () => database.close());

  it("applies migrations once: a second run changes nothing", async () => {
    const again = await migrate(database);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThanOrEqual(3);
  });

  it("refuses to run when an applied migration file has been edited", async () => {
    const migrations = path.join(dir, "migrations");
    const { mkdir, copyFile } = await import("node:fs/promises");
    await mkdir(migrations);
    for (const name of await readdir(path.resolve(import.meta.dirname, "../../../migrations"))) {
      await copyFile(
        path.resolve(import.meta.dirname, "../../../migrations", name),
        path.join(migrations, name),
      );
    }
    await writeFile(path.join(migrations, "0001_platform.sql"), "-- edited\n", { flag: "a" });
    await expect(migrate(database, migrations)).rejects.toThrow(/0001_platform.sql has changed/);
  });

  it("backs up and restores every row, leaving an intact audit chain", { timeout: 180_000 }, async () => {
    const org = await makeOrganisation(database.db, "Backup Homes");
    const officer = actorFor(org.id, "officer");
    await createHome(database, officer, testNow, {
      uprn: "901",
      addressLine1: "1 Kept Road",
      town: "Dover",
      postcode: "CT16 1AA",
      tenure: "social-rent",
      laCode: "E07000108",
    });
    const file = path.join(dir, "backup.jsonl.gz");
    const before = await countHomes(database);
    const backup = await backupDatabase(database, file);
    expect(backup.rows).toBeGreaterThan(60_000); // reference data is part of it
    await createHome(database, officer, testNow, {
      uprn: "902",
      addressLine1: "2 Lost Road",
      town: "Dover",
      postcode: "CT16 1AA",
      tenure: "social-rent",
      laCode: "E07000108",
    });
    expect(await countHomes(database)).toBe(before + 1);
    const restored = await restoreDatabase(database, file);
    expect(restored.rows).toBe(backup.rows);
    expect(await countHomes(database)).toBe(before);
    expect((await verifyAuditChain(database)).broken).toEqual([]);
  });

  it("rejects a file that is not a backup and leaves the data as it was", async () => {
    const bad = path.join(dir, "not-a-backup.gz");
    const { gzipSync } = await import("node:zlib");
    await writeFile(bad, gzipSync('{"hello":"world"}\n'));
    const before = await countHomes(database);
    await expect(restoreDatabase(database, bad)).rejects.toBeInstanceOf(BackupFormatError);
    const plain = path.join(dir, "plain.txt");
    await writeFile(plain, "just text");
    await expect(restoreDatabase(database, plain)).rejects.toThrow(/not gzip/);
    expect(await countHomes(database)).toBe(before);
  });
});

describe("PGlite data directory", { timeout: 240_000 }, () => {
  it("builds a new database in a temporary folder, so a failed first run leaves nothing behind", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-pglite-"));
    const dataDir = path.join(dir, "pglite");
    await expect(
      openPglite(dataDir, async () => {
        throw new Error("power cut during set-up");
      }),
    ).rejects.toThrow(/power cut/);
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const database = await openPglite(dataDir, async (fresh) => {
      await fresh.execScript("CREATE TABLE marker (id int); INSERT INTO marker VALUES (1);");
    });
    expect(database.created).toBe(true);
    // A second opener in the same or another process is refused while the first holds the lock.
    await expect(openPglite(dataDir, async () => {})).rejects.toBeInstanceOf(DatabaseLockedError);
    await database.close();

    const reopened = await openPglite(dataDir, async () => {
      throw new Error("must not prepare an existing database");
    });
    expect(reopened.created).toBe(false);
    expect(await reopened.query("SELECT id FROM marker")).toEqual([{ id: 1 }]);
    await reopened.close();
    expect((await readdir(dir)).sort()).toEqual(["pglite"]);
  });

  it("has planner statistics for every table once first-run set-up is done", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-pglite-"));
    const database = await openDatabase(
      { kind: "pglite", dataDir: path.join(dir, "pglite") },
      {
        prepareNew: async (fresh) => {
          await fresh.execScript(
            "INSERT INTO kith_setting SELECT 'probe-' || g, 'x' FROM generate_series(1, 500) g",
          );
        },
      },
    );
    try {
      const unanalysed = await database.query<{ name: string }>(
        "SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples < 0",
      );
      expect(unanalysed).toEqual([]);
      const settings = await database.query("SELECT 1 FROM pg_stats WHERE tablename = 'kith_setting'");
      expect(settings.length).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it("takes over a lock left by a process that has died", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kith-pglite-"));
    const dataDir = path.join(dir, "pglite");
    await writeFile(`${dataDir}.lock`, "999999");
    const database = await openPglite(dataDir, async () => {});
    await database.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
