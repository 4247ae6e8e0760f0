import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { auditLog } from "../../platform/db/platform-schema.ts";
import { maskedBankDetails, setBankDetails } from "./commands/bank-details.ts";
import { approveDirectAward, proposeDirectAward } from "./commands/direct-awards.ts";
import { loadGrant } from "./commands/load-grant.ts";
import { type GrantAward, grantAward } from "./schema.ts";
import { directAwardInput, type GrantPeople, grantPeople } from "./test-support.ts";

let database: Database;
let people: GrantPeople;
let manager: Actor;
let officer: Actor;
let grant: GrantAward;
const secret = "test-signing-secret-for-bank-details";

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  people = await grantPeople(database.db, org.id);
  manager = actorFor(org.id, "manager");
  officer = actorFor(org.id, "officer");
  const proposed = await proposeDirectAward(database.db, officer, testNow, directAwardInput(people));
  grant = await approveDirectAward(database.db, manager, testNow, proposed.id);
});
afterAll(async () => database?.close());

describe("recipient bank details", () => {
  it("are stored encrypted, shown masked, and audited without the clear values", async () => {
    const db = database.db;
    const saved = await setBankDetails(db, manager, testNow, secret, grant.id, {
      accountName: "Medway Youth Trust",
      sortCode: "12-34-56",
      accountNumber: "12345678",
    });
    expect(saved).toMatchObject({ sortCode: "••-••-56", accountNumber: "••••5678" });
    await setBankDetails(db, manager, testNow, secret, grant.id, {
      accountName: "Medway Youth Trust",
      sortCode: "654321",
      accountNumber: "87654329",
    });
    const stored = await loadGrant(db, manager.organisationId, grant.id);
    expect(stored.bankDetailsSealed).toMatch(/^v1\./);
    expect(stored.bankDetailsSealed).not.toContain("87654329");
    expect(maskedBankDetails(stored, secret)).toMatchObject({
      accountName: "Medway Youth Trust",
      sortCode: "••-••-21",
      accountNumber: "••••4329",
    });
    // Another secret cannot read them, and the page says so instead of failing.
    expect(maskedBankDetails(stored, `${secret}-other`)?.accountName).toContain("Cannot be read");
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, grant.id));
    const text = JSON.stringify(entries.filter((e) => e.summary.startsWith("Bank details")));
    expect(text).toContain("changed: sort code ••-••-21, account ••••4329");
    for (const clear of ["123456", "12-34-56", "12345678", "654321", "87654329"])
      expect(text).not.toContain(clear);
  });

  it("refuses a sort code or account number of the wrong shape, and officers, saving nothing", async () => {
    const db = database.db;
    const before = (await loadGrant(db, manager.organisationId, grant.id)).bankDetailsSealed;
    for (const sortCode of ["12-34-5", "12 34 56", "1234567", "ab-cd-ef", ""]) {
      const problem = await problemOf(
        setBankDetails(db, manager, testNow, secret, grant.id, {
          accountName: "Trust",
          sortCode,
          accountNumber: "12345678",
        }),
      );
      expect(problem.status).toBe(422);
      expect(problem.fieldErrors?.sortCode).toMatch(/sort code/);
    }
    const account = await problemOf(
      setBankDetails(db, manager, testNow, secret, grant.id, {
        accountName: "",
        sortCode: "123456",
        accountNumber: "1234567",
      }),
    );
    expect(Object.keys(account.fieldErrors ?? {}).sort()).toEqual(["accountName", "accountNumber"]);
    const byOfficer = await problemOf(
      setBankDetails(db, officer, testNow, secret, grant.id, {
        accountName: "Trust",
        sortCode: "123456",
        accountNumber: "12345678",
      }),
    );
    expect(byOfficer.status).toBe(403);
    const [after] = await db.select().from(grantAward).where(eq(grantAward.id, grant.id));
    expect(after.bankDetailsSealed).toBe(before);
  });
});
