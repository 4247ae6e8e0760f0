import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import {
  createCommunityAsset,
  createHome,
  getHome,
  homesByLocalAuthority,
  importHomes,
  listHomes,
  listNeighbourhoods,
  listPriorityNeighbourhoods,
  overridePriority,
  setPriorityRule,
  updateHome,
} from "./index.ts";

const home = (uprn: string, extra: Record<string, string> = {}) => ({
  uprn,
  addressLine1: `${uprn} Hop Garden Way`,
  town: "Chatham",
  postcode: "ME4 5AB",
  tenure: "social-rent",
  laCode: "E06000035",
  ...extra,
});

describe("places", () => {
  let database: Database;
  let orgId: string;
  let otherOrgId: string;
  const officer = () => actorFor(orgId, "officer");
  let dir: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db, "Medway Homes")).id;
    otherOrgId = (await makeOrganisation(database.db, "Other Homes")).id;
    await database.query(
      "INSERT INTO organisation_area (organisation_id, la_code) VALUES ($1, 'E06000035'), ($1, 'E07000110')",
      [orgId],
    );
    dir = await mkdtemp(path.join(tmpdir(), "kith-places-"));
  });
  afterAll(async () => database.close());

  it("adds a home, normalising the postcode and recording the change in the audit log", async () => {
    const created = await createHome(
      database,
      officer(),
      testNow,
      home("100000000001", { postcode: "me45ab", lsoa21Code: "e01016016" }),
    );
    expect(created.postcode).toBe("ME4 5AB");
    const [audit] = await database.query<{ action: string; after: { uprn: string } }>(
      "SELECT action, after FROM audit_log WHERE entity_id = $1",
      [created.id],
    );
    expect(audit.action).toBe("create");
    expect(audit.after.uprn).toBe("100000000001");
  });

  it("refuses a malformed postcode, a UPRN with letters, an unknown authority and an LSOA in another district", async () => {
    await expect(
      createHome(database, officer(), testNow, home("12AB", { postcode: "NOTAPOSTCODE" })),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        uprn: expect.stringMatching(/12 digits/),
        postcode: expect.stringMatching(/real postcode/),
      },
    });
    await expect(
      createHome(database, officer(), testNow, home("5", { laCode: "E07000999" })),
    ).rejects.toMatchObject({ fieldErrors: { laCode: expect.stringMatching(/no local authority/) } });
    await expect(
      createHome(database, officer(), testNow, home("6", { laCode: "E07000110", lsoa21Code: "E01016016" })),
    ).rejects.toMatchObject({
      fieldErrors: { lsoa21Code: expect.stringMatching(/is in Medway, not Maidstone/) },
    });
    await expect(
      createHome(database, officer(), testNow, home("7", { bedrooms: "three" })),
    ).rejects.toMatchObject({ fieldErrors: { bedrooms: expect.stringMatching(/whole number/) } });
  });

  it("refuses a second home with the same UPRN in one organisation, but not in another", async () => {
    await expect(createHome(database, officer(), testNow, home("100000000001"))).rejects.toMatchObject({
      status: 409,
    });
    const theirs = await createHome(database, actorFor(otherOrgId, "officer"), testNow, home("100000000001"));
    expect(theirs.organisationId).toBe(otherOrgId);
  });

  it("never shows one organisation's home to another", async () => {
    const [theirs] = (await listHomes(database.db, actorFor(otherOrgId, "officer"), {})).rows;
    await expect(getHome(database.db, officer(), theirs.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      updateHome(database, officer(), testNow, theirs.id, home("100000000009")),
    ).rejects.toMatchObject({ status: 404 });
    const ours = await listHomes(database.db, officer(), {});
    expect(ours.rows.every((row) => row.organisationId === orgId)).toBe(true);
  });

  it("keeps tenants and partners away from homes", async () => {
    await expect(listHomes(database.db, actorFor(orgId, "tenant"), {})).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      createHome(database, actorFor(orgId, "read-only"), testNow, home("8")),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("imports nothing when any row is bad, and reports every bad row with its line", async () => {
    const file = path.join(dir, "bad.csv");
    await writeFile(
      file,
      [
        "uprn,address_line_1,town,postcode,tenure,la_code",
        "200000000001,1 A Road,Chatham,ME4 5AB,social-rent,E06000035",
        "200000000002,2 A Road,Chatham,ME4 5AB,council-house,E06000035",
        "abc,3 A Road,Chatham,XX,social-rent,E06000035",
        "200000000001,4 A Road,Chatham,ME4 5AB,social-rent,E06000035",
      ].join("\n"),
    );
    const report = await importHomes(database, officer(), testNow, file);
    expect(report.committed).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(report.problems[0].reason).toMatch(/^tenure:/);
    expect(report.problems[2].reason).toMatch(/also appears on line 2/);
    expect((await listHomes(database.db, officer(), { search: "200000000001" })).total).toBe(0);
  });

  it("imports the good rows when asked to skip bad ones", async () => {
    const file = path.join(dir, "mixed.csv");
    await writeFile(
      file,
      "\uFEFFuprn,address_line_1,town,postcode,tenure,la_code,bedrooms\n300000000001,1 B Road,Chatham,ME4 5AB,social-rent,E06000035,2\n300000000002,2 B Road,Chatham,ME4 5AB,social-rent,E06000035,lots\n",
    );
    const report = await importHomes(database, officer(), testNow, file, { skipBadRows: true });
    expect(report).toMatchObject({ committed: true, imported: 1, problemCount: 1 });
    expect((await listHomes(database.db, officer(), { search: "300000000001" })).total).toBe(1);
  });

  it("rejects a file with a missing column before reading any row", async () => {
    const file = path.join(dir, "columns.csv");
    await writeFile(file, "uprn,address_line_1,town\n1,2,3\n");
    await expect(importHomes(database, officer(), testNow, file)).rejects.toThrow(
      /missing the columns postcode, tenure, la_code/,
    );
  });

  it("counts homes per local authority for rates per 1,000 homes", async () => {
    const rows = await homesByLocalAuthority(database.db, orgId);
    const medway = rows.find((row) => row.laCode === "E06000035");
    expect(medway?.homes).toBe((await listHomes(database.db, officer(), { laCode: "E06000035" })).total);
  });

  it("picks priority neighbourhoods by the decile rule, with manual additions and removals", async () => {
    const byRule = await listPriorityNeighbourhoods(database.db, orgId);
    expect(byRule.length).toBeGreaterThan(0);
    expect(byRule.every((n) => n.imdDecile <= 2 && ["E06000035", "E07000110"].includes(n.laCode))).toBe(true);
    const [decileOne] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM lsoa WHERE edition = 'iod2025' AND imd_decile <= 2 AND lad_code IN ('E06000035', 'E07000110')",
    );
    expect(byRule.length).toBe(decileOne.n);
    const manager = actorFor(orgId, "manager");
    const removed = byRule[0].code;
    await overridePriority(database.db, manager, testNow, {
      edition: "iod2025",
      lsoaCode: removed,
      included: false,
      reason: "Regenerated estate",
    });
    await overridePriority(database.db, manager, testNow, {
      edition: "iod2025",
      lsoaCode: "E01024400",
      included: true,
      reason: "New estate with high need",
    });
    const after = await listPriorityNeighbourhoods(database.db, orgId);
    expect(after.some((n) => n.code === removed)).toBe(false);
    expect(after.find((n) => n.code === "E01024400")).toMatchObject({
      source: "manual",
      reason: "New estate with high need",
    });
    await expect(
      overridePriority(database.db, officer(), testNow, {
        edition: "iod2025",
        lsoaCode: "E01024400",
        included: true,
        reason: "x",
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      overridePriority(database.db, manager, testNow, {
        edition: "iod2025",
        lsoaCode: "E01999999",
        included: true,
        reason: "x",
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("switches the priority rule to the 2019 edition", async () => {
    await setPriorityRule(database.db, actorFor(orgId, "manager"), testNow, {
      edition: "iod2019",
      maxDecile: "1",
    });
    const list = await listPriorityNeighbourhoods(database.db, orgId);
    expect(list.every((n) => n.edition === "iod2019" && n.imdDecile === 1)).toBe(true);
    const { edition } = await listNeighbourhoods(database.db, officer());
    expect(edition).toBe("iod2019");
    await expect(
      setPriorityRule(database.db, actorFor(orgId, "manager"), testNow, {
        edition: "iod2019",
        maxDecile: "eleven",
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("adds a community asset and refuses one that closed before it opened", async () => {
    const asset = await createCommunityAsset(database, officer(), testNow, {
      name: "Luton Arches Hall",
      assetType: "community-hall",
      laCode: "E06000035",
      owner: "Luton Arches Trust",
      openedOn: "2001-05-01",
    });
    expect(asset.openedOn).toBe("2001-05-01");
    // One hall "X" each time, with the one detail that is wrong.
    const hallX = { name: "X", assetType: "community-hall", laCode: "E06000035", owner: "Y" };
    await expect(
      createCommunityAsset(database, officer(), testNow, {
        ...hallX,
        openedOn: "2020-01-01",
        closedOn: "2019-01-01",
      }),
    ).rejects.toMatchObject({ fieldErrors: { closedOn: expect.any(String) } });
    await expect(
      createCommunityAsset(database, officer(), testNow, { ...hallX, assetType: "castle" }),
    ).rejects.toMatchObject({ fieldErrors: { assetType: expect.any(String) } });
  });
});
