import { afterAll, describe, expect, it } from "vitest";
import { withDatabaseName } from "../../../test/template.ts";
import { newId } from "./ids.ts";
import { openDatabase } from "./open.ts";
import { openPostgres } from "./open-postgres.ts";

// Scaling out means several processes starting at once on one new PostgreSQL database
// (two-processes.test.ts once failed here in CI). Always PostgreSQL: the server CI provides.
const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const name = `kith_setup_${newId().replaceAll("-", "").slice(0, 20)}`;

describe("several processes setting up one new PostgreSQL database at once", () => {
  afterAll(async () => {
    const admin = await openPostgres(serverUrl);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });

  it("migrates once and prepares it once, and every process opens it", async () => {
    const admin = await openPostgres(serverUrl);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    let prepared = 0;
    const opened = await Promise.all(
      Array.from({ length: 4 }, () =>
        openDatabase(
          { kind: "postgres", url: withDatabaseName(serverUrl, name), poolSize: 1 },
          {
            prepareNew: async (database) => {
              prepared++;
              // Slow enough that the others arrive while it works.
              await database.query("SELECT pg_sleep(0.3)");
              await database.query(
                "INSERT INTO organisation (id, name, slug, kind, created_at) VALUES (gen_random_uuid(), 'First', 'first', 'council', now())",
              );
            },
          },
        ),
      ),
    );
    try {
      expect(prepared).toBe(1);
      expect(opened.map((database) => database.created).sort()).toEqual([false, false, false, true]);
      const [{ count }] = await opened[0].query<{ count: number }>(
        "SELECT count(*)::int AS count FROM organisation",
      );
      expect(count).toBe(1);
    } finally {
      await Promise.all(opened.map((database) => database.close()));
    }
  });
});
