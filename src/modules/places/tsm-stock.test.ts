import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import { projectRoot } from "../../platform/config/config.ts";
import type { Database } from "../../platform/db/database.ts";
import { stockCategoryOfTenure } from "./commands/home-input.ts";
import { createHome, importHomes, tsmStockByLocalAuthority, updateHome } from "./index.ts";

// TSM stock categories and ownership dates on homes: the denominator of NM01.

const home = (uprn: string, extra: Record<string, string> = {}) => ({
  uprn,
  addressLine1: `${uprn} Rope Walk`,
  town: "Chatham",
  postcode: "ME4 5AB",
  tenure: "social-rent",
  laCode: "E06000035",
  ...extra,
});

describe("TSM stock on homes", () => {
  let database: Database;
  let orgId: string;
  let dir: string;
  const officer = () => actorFor(orgId, "officer");

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db, "Stock Homes")).id;
    await database.query(
      "INSERT INTO organisation_area (organisation_id, la_code) VALUES ($1, 'E06000035')",
      [orgId],
    );
    dir = await mkdtemp(path.join(tmpdir(), "kith-stock-"));
  });
  afterAll(async () => database.close());

  it("takes the category from the tenure when none is given, and keeps one that is", async () => {
    const leasehold = await createHome(database, officer(), testNow, home("500", { tenure: "leasehold" }));
    expect(leasehold.tsmStockCategory).toBe("leasehold");
    const older = await createHome(
      database,
      officer(),
      testNow,
      home("501", { tsmStockCategory: "lcra-housing-for-older-people", acquiredOn: "2024-05-01" }),
    );
    expect(older).toMatchObject({
      tsmStockCategory: "lcra-housing-for-older-people",
      acquiredOn: "2024-05-01",
    });
  });

  it("refuses a category that is not in the regulator's list", async () => {
    await expect(
      createHome(database, officer(), testNow, home("502", { tsmStockCategory: "council-flat" })),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { tsmStockCategory: expect.stringMatching(/^Choose a TSM stock category/) },
    });
  });

  it("refuses a disposed date before the acquired date, on adding and on changing a home", async () => {
    await expect(
      createHome(
        database,
        officer(),
        testNow,
        home("503", { acquiredOn: "2025-06-01", disposedOn: "2025-05-31" }),
      ),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { disposedOn: "The disposed date must be on or after the acquired date" },
    });
    const created = await createHome(database, officer(), testNow, home("504", { acquiredOn: "2025-06-01" }));
    await expect(
      updateHome(
        database,
        officer(),
        testNow,
        created.id,
        home("504", { acquiredOn: "2025-06-01", disposedOn: "2024-01-01" }),
      ),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      createHome(database, officer(), testNow, home("505", { acquiredOn: "2025-02-30" })),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { acquiredOn: expect.any(String) } });
  });

  it("imports categories and dates, and names the bad rows", async () => {
    const file = path.join(dir, "stock.csv");
    await writeFile(
      file,
      [
        "uprn,address_line_1,town,postcode,tenure,la_code,tsm_stock_category,acquired_on,disposed_on",
        "600,1 Dock Road,Chatham,ME4 5AB,intermediate-rent,E06000035,market-rent,2020-01-01,",
        "601,2 Dock Road,Chatham,ME4 5AB,social-rent,E06000035,,,2025-09-30",
        "602,3 Dock Road,Chatham,ME4 5AB,social-rent,E06000035,shed,,",
        "603,4 Dock Road,Chatham,ME4 5AB,social-rent,E06000035,lcho,2025-06-01,2025-01-01",
      ].join("\n"),
    );
    const report = await importHomes(database, officer(), testNow, file, { skipBadRows: true });
    expect(report).toMatchObject({ committed: true, imported: 2, problemCount: 2 });
    expect(report.problems.map((p) => p.line)).toEqual([4, 5]);
    expect(report.problems[0].reason).toMatch(/^tsm_stock_category: Choose a TSM stock category/);
    expect(report.problems[1].reason).toBe(
      "disposed_on: The disposed date must be on or after the acquired date",
    );
    const rows = await database.query<{
      uprn: string;
      tsm_stock_category: string;
      acquired_on: string | null;
      disposed_on: string | null;
    }>(
      "SELECT uprn, tsm_stock_category, acquired_on::text, disposed_on::text FROM home WHERE organisation_id = $1 AND uprn IN ('600', '601') ORDER BY uprn",
      [orgId],
    );
    expect(rows).toEqual([
      { uprn: "600", tsm_stock_category: "market-rent", acquired_on: "2020-01-01", disposed_on: null },
      { uprn: "601", tsm_stock_category: "lcra-general-needs", acquired_on: null, disposed_on: "2025-09-30" },
    ]);
  });

  it("counts the LCRA and LCHO homes owned at the end of a day", async () => {
    // So far: 500 leasehold (out), 501 older people acquired 2024-05-01, 504 general needs acquired
    // 2025-06-01, 600 market rent (out), 601 general needs sold 2025-09-30.
    const on = async (day: string) =>
      (await tsmStockByLocalAuthority(database.db, orgId, day))[0]?.homes ?? 0;
    expect(await on("2024-04-30")).toBe(1); // 601 only (owned before the records began)
    expect(await on("2024-05-01")).toBe(2); // + 501, acquired that day
    expect(await on("2025-06-01")).toBe(3); // + 504
    expect(await on("2025-09-30")).toBe(2); // 601 sold that day: no longer owned at the day's end
  });

  it("maps existing tenures in the migration exactly as new homes are mapped", async () => {
    // Migration 0011 backfilled homes that existed before categories; the table in the code must agree with it.
    const sql = await readFile(path.join(projectRoot, "migrations/0011_home_tsm_stock.sql"), "utf8");
    const mapped = Object.fromEntries(
      [...sql.matchAll(/WHEN '([a-z-]+)' THEN '([a-z-]+)'/g)].map((match) => [match[1], match[2]]),
    );
    expect(mapped).toEqual(stockCategoryOfTenure);
  });
});
