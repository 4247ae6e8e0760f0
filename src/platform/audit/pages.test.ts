import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, buildTestApp, TestBrowser } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "../http/app-env.ts";
import { recordAudit } from "./audit-log.ts";

describe("audit log page", () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let admin: TestBrowser;
  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildTestApp(database);
    const org = await makeOrganisation(database.db);
    await addUser(database, org.id, "organisation-admin", "admin@example.org");
    admin = new TestBrowser(app);
    await admin.signIn("admin@example.org");
    const officer = actorFor(org.id, "officer", { name: "Olive Officer" });
    await recordAudit(database.db, officer, new Date(testNow.getTime() - 60_000), {
      action: "update",
      entityType: "safety_case",
      entityId: "case-42",
      summary: "Changed case ASB-42",
    });
    await recordAudit(database.db, officer, testNow, {
      action: "read",
      entityType: "safety_case",
      entityId: "case-42",
      summary: "Viewed case ASB-42",
    });
  });
  afterAll(async () => database.close());

  it("shows who has read a record alongside its changes, newest first", async () => {
    const response = await admin.get("/admin/audit?q=case-42");
    expect(response.status).toBe(200);
    const page = await response.text();
    const viewed = page.indexOf("Viewed case ASB-42");
    const changed = page.indexOf("Changed case ASB-42");
    expect(viewed).toBeGreaterThan(-1);
    expect(changed).toBeGreaterThan(viewed);
    expect(page).toContain("Olive Officer");
  });

  it("filters to reads only", async () => {
    const page = await (await admin.get("/admin/audit?action=read&q=ASB-42")).text();
    expect(page).toContain("Viewed case ASB-42");
    expect(page).not.toContain("Changed case ASB-42");
  });

  it("does not show another organisation's reads", async () => {
    const other = await makeOrganisation(database.db, "Other Homes");
    await recordAudit(database.db, actorFor(other.id, "officer"), testNow, {
      action: "read",
      entityType: "safety_case",
      entityId: "case-99",
      summary: "Viewed case OTHER-99",
    });
    const page = await (await admin.get("/admin/audit?action=read")).text();
    expect(page).toContain("Viewed case ASB-42");
    expect(page).not.toContain("OTHER-99");
  });
});
