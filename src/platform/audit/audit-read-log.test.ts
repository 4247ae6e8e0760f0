import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database, Db } from "../db/database.ts";
import { recordAudit, verifyAuditChain } from "./audit-log.ts";

describe("audit read log", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  const count = async (query: string, params: unknown[]) =>
    (await database.query<{ n: number }>(query, params))[0]?.n;

  it("records a read in the read log without adding to the chain", async () => {
    const org = await makeOrganisation(database.db);
    const officer = actorFor(org.id, "officer");
    const chainBefore = await count("SELECT count(*)::int AS n FROM audit_log WHERE organisation_id = $1", [
      org.id,
    ]);
    await recordAudit(database.db, officer, testNow, {
      action: "read",
      entityType: "safety_case",
      entityId: "case-1",
      summary: "Viewed case ASB-1",
    });
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE organisation_id = $1", [org.id])).toBe(
      chainBefore,
    );
    const [read] = await database.query<Record<string, unknown>>(
      "SELECT actor_user_id, actor_label, entity_type, entity_id, summary, at FROM audit_read_log WHERE organisation_id = $1",
      [org.id],
    );
    expect(read).toMatchObject({
      actor_user_id: officer.kind === "user" ? officer.userId : null,
      actor_label: expect.stringContaining("Test officer"),
      entity_type: "safety_case",
      entity_id: "case-1",
      summary: "Viewed case ASB-1",
    });
    expect(new Date(read.at as string).toISOString()).toBe(testNow.toISOString());
  });

  it("still chains writes and denials, and the chain verifies with reads in between", async () => {
    const org = await makeOrganisation(database.db, "Chain Homes");
    const officer = actorFor(org.id, "officer");
    const entry = (action: string) => ({ action, entityType: "home", entityId: "h1", summary: action });
    await recordAudit(database.db, officer, testNow, entry("create"));
    await recordAudit(database.db, officer, testNow, entry("read"));
    await recordAudit(database.db, officer, testNow, entry("denied"));
    await recordAudit(database.db, officer, testNow, entry("read"));
    await recordAudit(database.db, officer, testNow, entry("update"));
    const chained = await database.query<{ seq: number; action: string }>(
      "SELECT seq::int AS seq, action FROM audit_log WHERE organisation_id = $1 AND entity_id = 'h1' ORDER BY seq",
      [org.id],
    );
    expect(chained.map((row) => row.action)).toEqual(["create", "denied", "update"]);
    expect(
      await count("SELECT count(*)::int AS n FROM audit_read_log WHERE organisation_id = $1", [org.id]),
    ).toBe(2);
    expect((await verifyAuditChain(database)).broken).toEqual([]);
  });

  it("keeps a read that carries before and after in the chain, so the detail is not lost", async () => {
    const org = await makeOrganisation(database.db, "Detail Homes");
    await recordAudit(database.db, actorFor(org.id, "officer"), testNow, {
      action: "read",
      entityType: "export",
      summary: "Exported people",
      after: { rows: 3 },
    });
    const [row] = await database.query<{ action: string; after: unknown }>(
      "SELECT action, after FROM audit_log WHERE organisation_id = $1 AND entity_type = 'export'",
      [org.id],
    );
    expect(row).toEqual({ action: "read", after: { rows: 3 } });
  });

  it("shows reads and chained entries together in the audit_entry view", async () => {
    const org = await makeOrganisation(database.db, "View Homes");
    const officer = actorFor(org.id, "officer");
    await recordAudit(database.db, officer, testNow, {
      action: "update",
      entityType: "person",
      entityId: "p1",
      summary: "Changed",
    });
    await recordAudit(database.db, officer, testNow, {
      action: "read",
      entityType: "person",
      entityId: "p1",
      summary: "Viewed",
    });
    const rows = await database.query<{ action: string; seq: number | null }>(
      "SELECT action, seq FROM audit_entry WHERE organisation_id = $1 AND entity_id = 'p1' ORDER BY action",
      [org.id],
    );
    expect(rows.map((row) => [row.action, row.seq === null])).toEqual([
      ["read", true],
      ["update", false],
    ]);
  });

  it("refuses to update, delete or truncate the read log", async () => {
    await expect(database.execScript("UPDATE audit_read_log SET summary = 'edited'")).rejects.toThrow(
      /append-only/,
    );
    await expect(database.execScript("DELETE FROM audit_read_log")).rejects.toThrow(/append-only/);
    await expect(database.execScript("TRUNCATE audit_read_log")).rejects.toThrow(/append-only/);
    expect(await count("SELECT count(*)::int AS n FROM audit_read_log", [])).toBeGreaterThan(0);
  });

  // PGlite has one connection, so two transactions cannot race here; what can be shown is the
  // cause of the queueing: a read takes no advisory lock, a write takes the chain's lock.
  it("takes no advisory lock for a read, so readers never queue on the chain", async () => {
    const org = await makeOrganisation(database.db, "Lock Homes");
    const officer = actorFor(org.id, "officer");
    const advisoryLocksHeld = async (tx: Db) => {
      const result = (await tx.execute(
        sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
      )) as unknown as { rows: { n: number }[] };
      return result.rows[0]?.n;
    };
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, officer, testNow, { action: "read", entityType: "case", summary: "Viewed" });
      expect(await advisoryLocksHeld(tx)).toBe(0);
      await recordAudit(tx, officer, testNow, { action: "update", entityType: "case", summary: "Changed" });
      expect(await advisoryLocksHeld(tx)).toBe(1);
    });
  });
});
