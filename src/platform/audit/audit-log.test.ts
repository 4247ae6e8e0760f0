import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { recordAudit, verifyAuditChain } from "./audit-log.ts";

describe("audit log", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it("chains entries so that verification passes on an untouched log", async () => {
    const org = await makeOrganisation(database.db);
    const actor = actorFor(org.id, "officer");
    for (let i = 0; i < 5; i++) {
      await recordAudit(database.db, actor, testNow, {
        action: "update",
        entityType: "home",
        entityId: `h${i}`,
        summary: `change ${i}`,
        before: { b: 1, a: [1, 2] },
        after: { a: "x", when: new Date(testNow) },
      });
    }
    const report = await verifyAuditChain(database);
    expect(report.broken).toEqual([]);
    expect(report.entries).toBeGreaterThanOrEqual(6);
  });

  it("refuses to update or delete an entry", async () => {
    await expect(database.execScript("UPDATE audit_log SET summary = 'edited'")).rejects.toThrow(
      /append-only/,
    );
    await expect(database.execScript("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
  });

  it("detects an edited entry once the append-only trigger is bypassed", async () => {
    await database.execScript(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET summary = 'tampered' WHERE seq = 3;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const report = await verifyAuditChain(database);
    expect(report.broken.map((b) => b.seq)).toEqual([3]);
    expect(report.broken[0].reason).toMatch(/do not match/);
  });

  it("detects a deleted entry", async () => {
    await database.execScript(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      DELETE FROM audit_log WHERE seq = 5;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const report = await verifyAuditChain(database);
    expect(report.broken.some((b) => b.seq === 6 && /missing/.test(b.reason))).toBe(true);
  });
});
