import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { assertNoDemoAccounts } from "./production.ts";

describe("demo accounts in production", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  const production = loadConfig({ KITH_ENV: "production" });

  it("starts when no demo account exists", async () => {
    const organisation = await makeOrganisation(database.db);
    await addUser(database, organisation.id, "officer", "officer@weald.example.org");
    await expect(assertNoDemoAccounts(production, database)).resolves.toBeUndefined();
  });

  it("refuses to start in production while a demo account exists, naming it", async () => {
    const organisation = await makeOrganisation(database.db, "Demo Homes");
    await addUser(database, organisation.id, "organisation-admin", "Admin@Demo.Kith.Example");
    const refusal = await assertNoDemoAccounts(production, database).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).message).toMatch(/demo accounts \(admin@demo\.kith\.example\)/i);
    // Development keeps the demo working.
    await expect(
      assertNoDemoAccounts(loadConfig({ KITH_ENV: "development" }), database),
    ).resolves.toBeUndefined();
  });
});
